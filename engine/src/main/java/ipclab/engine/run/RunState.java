package ipclab.engine.run;

import ipclab.dsl.plan.Plan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the parts of one {@link Run} share, and the one lock that guards it: the workers and their
 * fields, the failures, the trace of grants and the run's clock. The coordinator waits on this
 * object; whoever changes a worker's state notifies it. Every field below is guarded by this
 * object's monitor unless it is final and immutable.
 */
final class RunState {
    /** {@link #freeSinceNanos} of a run that is stepping. */
    static final long STEPPING = -1;

    final Plan plan;
    final RunOptions opts;
    final long startNanos = System.nanoTime();
    final List<Worker> workers = new ArrayList<>();
    final List<TraceEntry> trace = new ArrayList<>();
    final List<RunReport.Failure> failures = new ArrayList<>();
    final CompletableFuture<RunReport> done = new CompletableFuture<>();
    /** The faults injected so far and the exits they explain. */
    final FaultLog faults;
    /** Step mode's bookkeeping (enabled, blocked, outcomes); made by {@link Stepping}, fed by the worker threads. */
    Stepper stepper;

    private final RunListener listener;

    /** The start barrier opened (0: not yet). */
    long goNanos;
    /** Every worker exited or was killed (0: not yet). */
    long endNanos;
    /**
     * Since when no step gates the run (its timeout counts from here): the start barrier for a free
     * run (the run's start before it opens), {@link Run#runFree()} for a stepped one; {@link #STEPPING}
     * while stepping.
     */
    long freeSinceNanos;
    /** The run is winding down: a worker exiting now did not die. */
    boolean stopping;

    RunState(Plan plan, RunOptions opts) {
        this.plan = plan;
        this.opts = opts;
        this.faults = new FaultLog(plan);
        this.listener = opts.listener() == null ? RunListener.NONE : opts.listener();
        this.freeSinceNanos = opts.step() ? STEPPING : startNanos;
    }

    /** No step gating: free from the start, or since {@link Run#runFree()}. */
    boolean free() {
        return freeSinceNanos != STEPPING;
    }

    /** Adds a failure stamped now. */
    synchronized void fail(FailureKind kind, String process, String message, List<String> log) {
        failures.add(new RunReport.Failure(kind, process, message, ms(System.nanoTime()), log));
    }

    /** Call holding the lock. */
    boolean allExited() {
        for (Worker w : workers) if (!w.exited()) return false;
        return true;
    }

    synchronized List<Worker> snapshot() {
        return new ArrayList<>(workers);
    }

    Worker find(String name) {
        for (Worker w : snapshot()) if (w.name().equals(name)) return w;
        List<String> names = new ArrayList<>();
        for (Worker w : snapshot()) names.add(w.name());
        throw new IllegalArgumentException(
                "no process " + name + " in this run (processes: " + String.join(", ", names) + ")");
    }

    /** The run's timeout: the options', else the scenario's, else 5 minutes. */
    Duration timeout() {
        if (opts.timeout() != null) return opts.timeout();
        return plan.timeout() != null ? plan.timeout() : Duration.ofMinutes(5);
    }

    /** ms since the start barrier opened (since the start, before it did). Call holding the lock. */
    long msSinceGo(long nanos) {
        return (nanos - (goNanos == 0 ? startNanos : goNanos)) / 1_000_000;
    }

    /** ms since the run started, for a moment given by {@link System#nanoTime()}. */
    long ms(long nanos) {
        return (nanos - startNanos) / 1_000_000;
    }

    void event(String process, RunEvent what, String detail) {
        try {
            listener.event(ms(System.nanoTime()), process, what, detail);
        } catch (RuntimeException e) {
            // a listener must not break a run
        }
    }
}
