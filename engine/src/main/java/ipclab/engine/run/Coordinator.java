package ipclab.engine.run;

import ipclab.engine.protocol.Wire;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The run's state machine, on a thread of its own:
 *
 * <pre>
 *   all ready?  --no: a death, a stop or the ready timeout-->  wind down
 *   allAttached (shm IPC_RMID), "go" to all at once
 *   until every worker exited, a failure, a stop, or (free) the timeout: sample who is blocked
 *   wind down: "stop" to the living, the grace period, SIGKILL
 *   finish: counters, clean-up (or keep), leak check, figures and verdict -> the report
 * </pre>
 */
final class Coordinator {
    private final RunState state;
    private final RunObjects objects;
    private final StallDiagnosis stalls;
    private final FaultInjector faults;
    private final Runnable removeHook;

    Coordinator(RunState state, RunObjects objects, Runnable removeHook) {
        this.state = state;
        this.objects = objects;
        this.stalls = new StallDiagnosis(state);
        this.faults = new FaultInjector(state, objects);
        this.removeHook = removeHook;
    }

    void start() {
        Thread t = new Thread(
                this::coordinate, "ipclab-run-" + state.plan.scenario().name());
        t.setDaemon(false);
        t.start();
    }

    private void coordinate() {
        try {
            if (awaitReady()) {
                openBarrier();
                runUntilEnd();
            }
        } catch (Throwable t) {
            state.fail(FailureKind.ENGINE, null, "internal error: " + t, List.of());
        }
        RunReport report;
        try {
            windDown();
            report = finish();
        } catch (Throwable t) {
            state.done.completeExceptionally(t);
            return;
        }
        state.done.complete(report);
    }

    private boolean awaitReady() throws InterruptedException {
        synchronized (state) {
            long deadline = System.nanoTime() + state.opts.readyTimeout().toNanos();
            while (true) {
                if (!state.failures.isEmpty() || state.stopping) return false;
                boolean all = true;
                for (Worker w : state.workers) all &= w.state == ProcessState.READY;
                if (all) return true;
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    for (Worker w : state.workers)
                        if (w.state == ProcessState.STARTING) {
                            state.failures.add(new RunReport.Failure(
                                    FailureKind.TIMEOUT,
                                    w.name(),
                                    w.name() + " was not ready after "
                                            + state.opts.readyTimeout().toSeconds()
                                            + "s (its JVM is still starting or attaching)",
                                    state.ms(System.nanoTime()),
                                    w.log()));
                        }
                    return false;
                }
                state.wait(Math.max(1, Math.min(100, left / 1_000_000)));
            }
        }
    }

    private void openBarrier() throws Exception {
        objects.allAttached();
        synchronized (state) {
            state.goNanos = System.nanoTime();
            if (state.free()) state.freeSinceNanos = state.goNanos;
            for (Worker w : state.workers) if (w.state == ProcessState.READY) w.state = ProcessState.RUNNING;
        }
        List<Worker> all = state.snapshot();
        for (Worker w : all) w.send(Wire.command("go"));
        state.event(null, RunEvent.GO, all.size() + " workers released together");
        faults.start();
    }

    private void runUntilEnd() throws Exception {
        long nextSample = System.nanoTime() + StallDiagnosis.FIRST_SAMPLE_NANOS;
        while (true) {
            synchronized (state) {
                if (!state.failures.isEmpty() || state.stopping) return;
                if (state.allExited()) return;
            }
            long now = System.nanoTime();
            if (state.free() && faults.tick(now)) {
                state.event(
                        null,
                        RunEvent.FAULT,
                        "only receivers are left, and every sender of theirs is gone (one killed): winding down");
                return;
            }
            // a stepped worker never sleeps in the kernel: only free runs are sampled
            if (state.free() && now >= nextSample) {
                stalls.sample(now);
                nextSample = now + StallDiagnosis.SAMPLE_NANOS;
            }
            synchronized (state) {
                if (state.free() && now - state.freeSinceNanos > state.timeout().toNanos()) {
                    stalls.timedOut(now);
                    return;
                }
                state.wait(50);
            }
        }
    }

    /** Stops whoever still runs: "stop", then the grace period, then SIGKILL. */
    private void windDown() throws InterruptedException {
        List<Worker> alive = new ArrayList<>();
        synchronized (state) {
            state.stopping = true;
            for (Worker w : state.workers) if (!w.exited()) alive.add(w);
        }
        state.stepper.end("the run is over; no more grants");
        if (!alive.isEmpty()) state.event(null, RunEvent.STOPPING, alive.size() + " workers still running");
        for (Worker w : alive) {
            w.stopSent = true;
            w.send(Wire.command("stop"));
        }
        long deadline = System.nanoTime() + state.opts.grace().toNanos();
        for (Worker w : alive) {
            long left = deadline - System.nanoTime();
            if (w.jvm.pooled) {
                // a pooled JVM lives on: its part ends with "done" (or its exit, if it failed)
                if (!awaitExited(w, deadline)) {
                    w.killed = true;
                    w.proc.destroyForcibly();
                }
                continue;
            }
            if (left > 0) w.proc.waitFor(left, TimeUnit.NANOSECONDS);
            if (w.proc.isAlive()) {
                w.killed = true;
                w.proc.destroyForcibly();
            }
        }
        for (Worker w : alive) {
            if (!w.jvm.pooled || w.killed) w.proc.waitFor(10, TimeUnit.SECONDS);
        }
        // the stdout readers set EXITED; wait for them so exit codes are known
        synchronized (state) {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < until) {
                if (state.allExited()) break;
                state.wait(20);
            }
            state.endNanos = System.nanoTime();
        }
    }

    /** Waits until the worker's part of the run has ended, or the deadline ({@link System#nanoTime()}) passed. */
    private boolean awaitExited(Worker w, long deadline) throws InterruptedException {
        synchronized (state) {
            while (!w.exited()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                TimeUnit.NANOSECONDS.timedWait(state, left);
            }
            return true;
        }
    }

    private RunReport finish() {
        Map<String, Long> counters = objects.readCounters(state);
        List<RunReport.Failure> cleanupFailures = new ArrayList<>();
        List<String> leaks = objects.cleanUp(cleanupFailures, state.opts.keep(), state);
        List<RunReport.Kept> kept = objects.kept(state.opts.keep());
        synchronized (state) {
            state.failures.addAll(cleanupFailures);
            objects.closeRecord(leaks, kept);
            for (String l : leaks)
                state.failures.add(new RunReport.Failure(
                        FailureKind.LEAK, null, "left behind: " + l, state.ms(System.nanoTime()), List.of()));
        }
        removeHook.run();
        RunReport r;
        synchronized (state) {
            r = Figures.report(new RunEnd(
                    state.plan,
                    state.workers,
                    objects.setupNanos(),
                    counters,
                    leaks,
                    state.failures,
                    state.trace,
                    state.goNanos,
                    state.endNanos,
                    state.startNanos,
                    kept,
                    state.faults.results()));
        }
        state.event(null, RunEvent.DONE, r.ok() ? "ok" : "failed");
        return r;
    }
}
