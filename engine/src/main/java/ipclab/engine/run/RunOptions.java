package ipclab.engine.run;

import ipclab.engine.transport.ChannelKit;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How to run a plan. Start from {@link #defaults()} and change with {@link #with}.
 *
 * @param step         start in step mode: each IPC operation waits for {@link Run#grant}
 * @param stateDir     where the run registry and the AOT cache live (null: {@link Registry#stateDir()})
 * @param timeout      overrides the plan's timeout (null: the plan's); counts from the start barrier, or from
 *                     {@link Run#runFree()} in step mode
 * @param readyTimeout how long workers may take to start and attach
 * @param grace        after "stop", how long survivors get before they are killed
 * @param listener     progress events
 * @param aot          use (and build on first use) the JDK AOT cache for workers when the class path allows it
 * @param agentFactory class name of an {@code ipclab.engine.worker.AgentFactory} for the workers (tests); null: the real roles
 * @param channels     what makes and removes the kernel objects (null: the real channels); a test seam
 * @param keep         at the end of a run that was not aborted, leave its System V objects in the kernel (the
 *                     lesson of the leak): the supervisor detaches and deletes the run's files (FIFOs, socket
 *                     paths) but removes no queue, semaphore set or segment; the report lists them in
 *                     {@link RunReport#kept()}, not as leaks; the run's registry file stays, marked kept, and
 *                     {@link Cleaner#cleanStale()} removes them even while this process lives. A run stopped by
 *                     SIGINT/SIGTERM, or that could not start, removes everything as usual.
 */
public record RunOptions(
        boolean step,
        Path stateDir,
        Duration timeout,
        Duration readyTimeout,
        Duration grace,
        RunListener listener,
        boolean aot,
        String agentFactory,
        ChannelKit channels,
        boolean keep) {
    public static RunOptions defaults() {
        return new RunOptions(
                false,
                null,
                null,
                Duration.ofSeconds(60),
                Duration.ofSeconds(2),
                RunListener.NONE,
                true,
                null,
                null,
                false);
    }

    /**
     * These options with some changed, e.g. {@code opts.with(set -> set.step = true)} or
     * {@code defaults().with(set -> { set.stateDir = dir; set.keep = true; })}: the one place that
     * copies them (a wither per component would repeat this copy ten times).
     */
    public RunOptions with(java.util.function.Consumer<Fields> change) {
        Fields o = new Fields(this);
        change.accept(o);
        return new RunOptions(
                o.step,
                o.stateDir,
                o.timeout,
                o.readyTimeout,
                o.grace,
                o.listener,
                o.aot,
                o.agentFactory,
                o.channels,
                o.keep);
    }

    /** The components as variables, for {@link #with}; each means what the component of that name does. */
    public static final class Fields {
        public boolean step;
        public Path stateDir;
        public Duration timeout;
        public Duration readyTimeout;
        public Duration grace;
        public RunListener listener;
        public boolean aot;
        public String agentFactory;
        public ChannelKit channels;
        public boolean keep;

        private Fields(RunOptions r) {
            step = r.step;
            stateDir = r.stateDir;
            timeout = r.timeout;
            readyTimeout = r.readyTimeout;
            grace = r.grace;
            listener = r.listener;
            aot = r.aot;
            agentFactory = r.agentFactory;
            channels = r.channels;
            keep = r.keep;
        }
    }

    Path resolvedStateDir() {
        return stateDir != null ? stateDir : Registry.stateDir();
    }
}
