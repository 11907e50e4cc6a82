package ipclab.engine.run;

import ipclab.engine.protocol.Wire;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Step mode seen from the supervisor: which worker waits for which operation, one grant at a
 * time (each recorded in the trace), and the switch to running free.
 */
final class Stepping {
    private final RunState state;

    Stepping(RunState state) { this.state = state; }

    /** Every worker with its state; a running one is looked at in /proc to see if it is blocked in the kernel. */
    List<ProcessView> processes() {
        List<ProcessView> out = new ArrayList<>();
        for (Worker w : state.snapshot()) out.add(view(w));
        return out;
    }

    /** See {@link Run#grant}. */
    ProcessView grant(String process) throws InterruptedException {
        Worker w = state.find(process);
        synchronized (state) {
            if (state.done.isDone() || state.stopping) throw new IllegalStateException("the run is over; no more grants");
            if (w.state != ProcessState.WAITING_FOR_GRANT) {
                throw new IllegalStateException("process " + process + " is not waiting for a grant (it is "
                        + w.view(false).state().name().toLowerCase(Locale.ROOT).replace('_', '-') + ")");
            }
            state.trace.add(new TraceEntry(state.trace.size() + 1, process, w.op, w.opChannel, System.nanoTime() - state.goNanos));
            w.state = ProcessState.RUNNING;
            w.op = null;
        }
        if (!w.send(Wire.command("grant"))) throw new IllegalStateException("process " + process + " is gone");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        long nextProbe = System.nanoTime() + 20_000_000L;
        while (true) {
            synchronized (state) {
                if (w.state != ProcessState.RUNNING) return w.view(false);
                state.wait(5);
            }
            long now = System.nanoTime();
            if (now >= nextProbe) {
                ProcessView v = view(w);
                if (v.state() == ProcessState.BLOCKED_IN_KERNEL) return v;
                nextProbe = now + 20_000_000L;
            }
            if (now >= deadline) return view(w);
        }
    }

    /** From now on no gating; the run's timeout starts counting now. */
    void runFree() {
        List<Worker> ws;
        synchronized (state) {
            if (state.free) return;
            state.free = true;
            state.freeSinceNanos = System.nanoTime();
            for (Worker w : state.workers) if (w.state == ProcessState.WAITING_FOR_GRANT) { w.state = ProcessState.RUNNING; w.op = null; }
            ws = new ArrayList<>(state.workers);
            state.notifyAll();
        }
        for (Worker w : ws) if (!w.exited()) w.send(Wire.command("free"));
        state.event(null, "free", "running free");
    }

    List<TraceEntry> trace() {
        synchronized (state) { return List.copyOf(state.trace); }
    }

    /** A running worker is probed in /proc (outside the lock); any other is as the supervisor knows it. */
    private ProcessView view(Worker w) {
        synchronized (state) { if (w.state != ProcessState.RUNNING) return w.view(false); }
        return w.view(true);
    }
}
