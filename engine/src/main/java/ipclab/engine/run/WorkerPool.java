package ipclab.engine.run;

import ipclab.engine.worker.WorkerMain;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Worker JVMs kept across the runs of one plan (an exploration, its shrinking, a replay, the
 * REPL's {@code /back}): starting a JVM costs far more than a stepped run of a small race, so a
 * worker that ended its run well stays and plays a process of the next run.
 *
 * <pre>{@code
 *   try (WorkerPool pool = new WorkerPool()) {
 *       for (...) Engine.start(plan, opts.with(set -> set.step = true), pool) ...;   // each run: fresh kernel objects
 *   }                                                                  // every pooled JVM is gone here
 * }</pre>
 *
 * <p>Only the JVMs are shared. Each run still creates, registers and removes its own kernel
 * objects, records its workers' pids in its registry file, and sends each worker a fresh spec; the
 * worker makes a fresh role for it and reports "done" after its report (see the worker's
 * {@code Control}). A worker that failed, was killed, or was pinned to CPUs exits as without a
 * pool and is not reused. Pooled workers die with the supervisor like any other (PR_SET_PDEATHSIG
 * and the closed pipe). Thread-safe.
 */
public final class WorkerPool implements AutoCloseable {
    private final List<WorkerJvm> idle = new ArrayList<>();
    private final List<WorkerJvm> started = new ArrayList<>();
    private boolean closed;

    /** An idle JVM started with this command, else a new one; the caller attaches it to a run. */
    WorkerJvm take(List<String> command, String name) {
        synchronized (this) {
            if (closed) throw new IllegalStateException("the worker pool is closed");
            for (Iterator<WorkerJvm> it = idle.iterator(); it.hasNext(); ) {
                WorkerJvm j = it.next();
                if (j.ended()) {
                    it.remove();
                } else if (j.command.equals(pooledCommand(command))) {
                    it.remove();
                    return j;
                }
            }
        }
        WorkerJvm j = WorkerProcesses.startJvm(pooledCommand(command), name, true);
        synchronized (this) {
            started.add(j);
        }
        return j;
    }

    private static List<String> pooledCommand(List<String> command) {
        List<String> c = new ArrayList<>(command);
        c.add(WorkerMain.REUSE);
        return c;
    }

    /** Its run is over with it ("done"): idle until the next run, or ended when the pool is closed. */
    void giveBack(WorkerJvm j) {
        j.serve(null);
        boolean close;
        synchronized (this) {
            close = closed || j.ended();
            if (!close) idle.add(j);
        }
        if (close) j.closeInput();
    }

    /** The pids of the pool's JVMs that still run (for tests and diagnosis). */
    public synchronized List<Long> pids() {
        List<Long> out = new ArrayList<>();
        for (WorkerJvm j : started) if (j.proc.isAlive()) out.add(j.pid);
        return out;
    }

    /**
     * Ends every idle JVM (its pipe closes; it exits) and waits for them, killing any that
     * lingers; a JVM still in a run ends when the run gives it back.
     */
    @Override
    public void close() {
        List<WorkerJvm> ending;
        synchronized (this) {
            if (closed) return;
            closed = true;
            ending = new ArrayList<>(idle);
            idle.clear();
        }
        for (WorkerJvm j : ending) j.closeInput();
        boolean interrupted = false;
        for (WorkerJvm j : ending) {
            try {
                if (interrupted || !j.proc.waitFor(5, TimeUnit.SECONDS)) {
                    j.proc.destroyForcibly();
                    if (!interrupted) j.proc.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                j.proc.destroyForcibly(); // and the rest without waiting: an interrupted close still ends them
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
