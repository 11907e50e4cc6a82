package ipclab.engine.run;

import ipclab.engine.transport.ChannelKit;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How to run a plan. Start from {@link #defaults()} and change with the {@code with...} methods.
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

    /** As before {@code keep} existed: keep false. */
    public RunOptions(
            boolean step,
            Path stateDir,
            Duration timeout,
            Duration readyTimeout,
            Duration grace,
            RunListener listener,
            boolean aot,
            String agentFactory,
            ChannelKit channels) {
        this(step, stateDir, timeout, readyTimeout, grace, listener, aot, agentFactory, channels, false);
    }

    public RunOptions withStep(boolean v) {
        return new RunOptions(v, stateDir, timeout, readyTimeout, grace, listener, aot, agentFactory, channels, keep);
    }

    public RunOptions withStateDir(Path v) {
        return new RunOptions(step, v, timeout, readyTimeout, grace, listener, aot, agentFactory, channels, keep);
    }

    public RunOptions withTimeout(Duration v) {
        return new RunOptions(step, stateDir, v, readyTimeout, grace, listener, aot, agentFactory, channels, keep);
    }

    public RunOptions withReadyTimeout(Duration v) {
        return new RunOptions(step, stateDir, timeout, v, grace, listener, aot, agentFactory, channels, keep);
    }

    public RunOptions withGrace(Duration v) {
        return new RunOptions(step, stateDir, timeout, readyTimeout, v, listener, aot, agentFactory, channels, keep);
    }

    public RunOptions withListener(RunListener v) {
        return new RunOptions(step, stateDir, timeout, readyTimeout, grace, v, aot, agentFactory, channels, keep);
    }

    public RunOptions withAot(boolean v) {
        return new RunOptions(step, stateDir, timeout, readyTimeout, grace, listener, v, agentFactory, channels, keep);
    }

    public RunOptions withAgentFactory(String v) {
        return new RunOptions(step, stateDir, timeout, readyTimeout, grace, listener, aot, v, channels, keep);
    }

    public RunOptions withChannels(ChannelKit v) {
        return new RunOptions(step, stateDir, timeout, readyTimeout, grace, listener, aot, agentFactory, v, keep);
    }

    public RunOptions withKeep(boolean v) {
        return new RunOptions(step, stateDir, timeout, readyTimeout, grace, listener, aot, agentFactory, channels, v);
    }

    Path resolvedStateDir() {
        return stateDir != null ? stateDir : Registry.stateDir();
    }
}
