package ipclab.engine.run;

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
 * @param channels     what makes and removes the kernel objects (null: the real channels)
 */
public record RunOptions(boolean step, Path stateDir, Duration timeout, Duration readyTimeout, Duration grace,
                         RunListener listener, boolean aot, String agentFactory, ChannelKit channels) {
    public static RunOptions defaults() {
        return new RunOptions(false, null, null, Duration.ofSeconds(60), Duration.ofSeconds(2), RunListener.NONE, true, null, null);
    }

    public RunOptions withStep(boolean v) { return new RunOptions(v, stateDir, timeout, readyTimeout, grace, listener, aot, agentFactory, channels); }
    public RunOptions withStateDir(Path v) { return new RunOptions(step, v, timeout, readyTimeout, grace, listener, aot, agentFactory, channels); }
    public RunOptions withTimeout(Duration v) { return new RunOptions(step, stateDir, v, readyTimeout, grace, listener, aot, agentFactory, channels); }
    public RunOptions withReadyTimeout(Duration v) { return new RunOptions(step, stateDir, timeout, v, grace, listener, aot, agentFactory, channels); }
    public RunOptions withGrace(Duration v) { return new RunOptions(step, stateDir, timeout, readyTimeout, v, listener, aot, agentFactory, channels); }
    public RunOptions withListener(RunListener v) { return new RunOptions(step, stateDir, timeout, readyTimeout, grace, v, aot, agentFactory, channels); }
    public RunOptions withAot(boolean v) { return new RunOptions(step, stateDir, timeout, readyTimeout, grace, listener, v, agentFactory, channels); }
    public RunOptions withAgentFactory(String v) { return new RunOptions(step, stateDir, timeout, readyTimeout, grace, listener, aot, v, channels); }
    public RunOptions withChannels(ChannelKit v) { return new RunOptions(step, stateDir, timeout, readyTimeout, grace, listener, aot, agentFactory, v); }

    Path resolvedStateDir() { return stateDir != null ? stateDir : Registry.stateDir(); }
}
