package ipclab.engine.run;

import ipclab.dsl.plan.Plan;
import ipclab.dsl.plan.PlannedChannel;
import ipclab.dsl.plan.PlannedProcess;
import ipclab.engine.transport.ChannelLook;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One run of a plan, from {@link Engine#start}: the supervisor's side of the workers.
 *
 * <pre>
 *   create objects (registry first) -> spawn workers -> spec to each -> all "ready"
 *   -> allAttached (shm IPC_RMID) -> "go" to all -> [step: grants] -> reports, exits
 *   -> figures -> remove objects -> leak check -> report
 * </pre>
 *
 * With {@link RunOptions#keep()}, "remove objects" only detaches and deletes files: the System V
 * objects stay, are listed in the report's {@code kept}, and the registry file stays marked kept.
 *
 * A free run ends by itself ({@link #await()}). A stepped run waits for {@link #grant} calls
 * until every worker has exited, or {@link #runFree()}, or {@link #stop()}. A worker that dies,
 * or a run past its timeout, stops the run: survivors get "stop", then are killed after the
 * grace period; the report names who died or blocked, how and when. All methods are thread-safe.
 *
 * <p>The parts, each behind its own small surface and sharing one lock ({@link RunState}):
 * {@link RunObjects} (kernel objects, registry record, clean-up policy), {@link WorkerProcesses}
 * (spawning, the protocol's lines, exits), {@link Coordinator} (the state machine),
 * {@link StallDiagnosis} (who is blocked where), {@link Stepping} (the step API) and
 * {@link Figures} with its {@link Verdict} (the report).
 */
public final class Run {
    private final RunState state;
    private final RunObjects objects;
    private final WorkerProcesses processes;
    private final Stepping stepping;
    private final Coordinator coordinator;
    private volatile Thread hook;
    /** Counted down when {@link #launch()} has started the coordinator or failed (see {@link #abort}). */
    private final CountDownLatch launched = new CountDownLatch(1);

    private volatile boolean launchFailed;

    Run(Plan plan, RunOptions opts, WorkerPool pool) {
        this.state = new RunState(plan, opts);
        this.objects = new RunObjects(opts);
        this.processes = new WorkerProcesses(state, pool);
        this.stepping = new Stepping(state);
        this.coordinator = new Coordinator(state, objects, this::removeHook);
    }

    void launch() {
        Plan plan = state.plan;
        hook = new Thread(() -> abort("ipclab was interrupted (SIGINT/SIGTERM)"), "ipclab-shutdown");
        try {
            // the hook before the first file or object: a signal at any later moment finds them
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException e) {
            hook = null;
            launched.countDown();
            throw new EngineException("ipclab is shutting down: the run was not started", e);
        }
        try {
            objects.openRecord(
                    state.opts.resolvedStateDir().resolve("runs"),
                    plan.scenario().name());
            stopIfAborted();
            objects.createAll(plan);
            WorkerCommand wc = WorkerCommand.forThisJvm(state.opts.resolvedStateDir());
            List<String> cmd = wc.command(state.opts.aot(), state.opts.agentFactory());
            for (PlannedProcess p : plan.processes()) {
                stopIfAborted();
                processes.spawn(p, cmd, objects.handle(p.channel()), objects.record());
            }
        } catch (RuntimeException e) {
            failLaunch();
            launchFailed = true;
            launched.countDown();
            throw e instanceof EngineException ee
                    ? ee
                    : new EngineException("cannot start the run: " + e.getMessage(), e);
        }
        coordinator.start();
        launched.countDown();
    }

    /** A shutdown hook that fired during {@link #launch()} stops it between steps; failLaunch then removes what was made. */
    private void stopIfAborted() {
        synchronized (state) {
            if (state.stopping) throw new EngineException("ipclab was interrupted while the run was starting", null);
        }
    }

    private void failLaunch() {
        synchronized (state) {
            state.stopping = true;
        }
        processes.killAll();
        objects.removeAll(new ArrayList<>(), state);
        objects.deleteRecordIfEmpty();
        removeHook();
    }

    /**
     * Shutdown hook: the supervisor is going down; stop the workers and remove everything now. A
     * launch under way is let finish first (it stops at its next step): until then nobody but
     * the launching thread knows every file and object, and the JVM halts when this returns.
     */
    void abort(String why) {
        synchronized (state) {
            if (state.done.isDone()) return;
            if (!state.stopping) state.fail(FailureKind.STOPPED, null, why, List.of());
            // from here, workers that exit (Ctrl-C reaches the whole process group) are not "died"
            state.stopping = true;
            state.notifyAll();
        }
        long waitMs = state.opts.grace().toMillis() + 5000;
        try {
            if (launched.await(waitMs, TimeUnit.MILLISECONDS) && launchFailed) return; // failLaunch cleaned up
            state.done.get(waitMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            for (Worker w : state.snapshot()) w.proc.destroyForcibly();
            List<String> leaks = objects.removeAll(new ArrayList<>(), state);
            if (leaks.isEmpty()) objects.deleteRecord();
        }
    }

    private void removeHook() {
        Thread h = hook;
        if (h == null || Thread.currentThread() == h) return;
        try {
            Runtime.getRuntime().removeShutdownHook(h);
        } catch (IllegalStateException e) {
            // shutting down already
        }
    }

    // ------------------------------------------------------------------ public API

    /** The plan being run. */
    public Plan plan() {
        return state.plan;
    }

    /** Waits for the end of the run and returns its report. */
    public RunReport await() throws InterruptedException {
        try {
            return state.done.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the run failed inside the engine: " + e.getCause(), e.getCause());
        }
    }

    /** As {@link #await()}, or null after the given time. */
    public RunReport await(Duration max) throws InterruptedException {
        try {
            return state.done.get(max.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException("the run failed inside the engine: " + e.getCause(), e.getCause());
        }
    }

    public boolean isDone() {
        return state.done.isDone();
    }

    /** Every worker with its state; a running one is looked at in /proc to see if it is blocked in the kernel. */
    public List<ProcessView> processes() {
        return stepping.processes();
    }

    /** Step mode's API for schedulers: enabled processes, grants with typed outcomes, settling, snapshots. */
    public Stepper stepper() {
        return state.stepper;
    }

    /**
     * Step mode: lets process do the operation it announced and waits until it settles again
     * (announces its next operation, or exits); see {@link Stepper#grant(String)}, which also
     * returns the step's outcome.
     *
     * @return the process afterwards
     * @throws IllegalStateException if the process is not enabled (not at a gate, or blocked)
     * @throws IllegalArgumentException if there is no such process
     */
    public ProcessView grant(String process) throws InterruptedException {
        return stepping.grant(process);
    }

    /** Step mode: from now on no gating; the run's timeout starts counting now. */
    public void runFree() {
        stepping.runFree();
    }

    /** Every grant so far, in order. */
    public List<TraceEntry> trace() {
        return stepping.trace();
    }

    /**
     * What a channel's kernel objects hold now, read from the objects themselves (the ring or
     * counter through the supervisor's attachment, msgctl IPC_STAT and MSG_COPY peeks, semctl,
     * {@code /proc/net}). In step mode every worker waits at a gate, so nothing moves meanwhile.
     *
     * @throws IllegalArgumentException no such channel
     * @throws IllegalStateException    the run is over and its objects are removed
     */
    public ChannelLook look(String channel) {
        return objects.look(channel(channel));
    }

    /** The bytes of slot {@code slot} (0-based) of lane {@code lane} of a channel's shared-memory ring, for a hex dump. */
    public byte[] slotBytes(String channel, int lane, int slot) {
        return objects.slotBytes(channel(channel).name(), lane, slot);
    }

    private PlannedChannel channel(String name) {
        for (PlannedChannel c : state.plan.channels()) if (c.name().equals(name)) return c;
        throw new IllegalArgumentException("no channel " + name + " in this run (channels: "
                + String.join(
                        ", ",
                        state.plan.channels().stream().map(PlannedChannel::name).toList()) + ")");
    }

    /**
     * Kills a worker with SIGKILL, as a crash would: the run then stops as it does for any worker
     * that dies (the others get "stop", the objects are removed) and the report names it.
     *
     * @throws IllegalArgumentException no such process
     * @throws IllegalStateException    it has exited already
     */
    public void kill(String process) {
        Worker w = state.find(process);
        synchronized (state) {
            if (w.exited())
                throw new IllegalStateException(
                        "process " + process + " has exited already (status " + w.exitCode + ")");
        }
        w.proc.destroyForcibly();
    }

    /** Stops the run (workers get "stop", then are killed after the grace period); the report says it was stopped. */
    public void stop() {
        stop(FailureKind.STOPPED, "stopped before the end");
    }

    /**
     * As {@link #stop()}, with the failure the report gives: a scheduler that found a deadlock
     * ({@link FailureKind#DEADLOCK}) or a replay that differs from its trace ({@link FailureKind#REPLAY}).
     *
     * @param kind    the failure's kind in the report
     * @param message what the report says
     */
    public void stop(FailureKind kind, String message) {
        synchronized (state) {
            if (state.done.isDone() || state.stopping) return;
            state.fail(kind, null, message, List.of());
            state.stopping = true;
            state.notifyAll();
        }
        state.stepper.end("the run is over; no more grants");
    }
}
