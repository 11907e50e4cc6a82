package ipclab.engine.run;

import ipclab.dsl.plan.PlannedProcess;
import ipclab.engine.protocol.Wire;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step mode seen from the supervisor: which worker waits for which operation, one grant at a
 * time (each recorded in the trace), and the switch to running free.
 */
final class Stepping {
    private final RunState state;

    Stepping(RunState state) {
        this.state = state;
        Map<String, String> channels = new LinkedHashMap<>();
        for (PlannedProcess p : state.plan.processes()) channels.put(p.name(), p.channel());
        state.stepper = new Stepper(channels, this::sendGrant);
    }

    /** Every worker with its state; in step mode a worker whose last try would have blocked is BLOCKED. */
    List<ProcessView> processes() {
        boolean stepping;
        synchronized (state) {
            stepping = !state.free();
        }
        StepSnapshot steps = stepping ? state.stepper.snapshot() : null;
        List<ProcessView> out = new ArrayList<>();
        for (Worker w : state.snapshot()) {
            synchronized (state) {
                if (stepping || w.state != ProcessState.RUNNING) {
                    out.add(stepView(w.view(false), steps));
                    continue;
                }
            }
            out.add(w.view(true)); // a free worker is probed in /proc, outside the lock
        }
        return out;
    }

    /** See {@link Run#grant}. */
    ProcessView grant(String process) throws InterruptedException {
        Worker w = state.find(process);
        String op, channel;
        synchronized (state) {
            if (state.done.isDone() || state.stopping)
                throw new IllegalStateException("the run is over; no more grants");
            op = w.op;
            channel = w.opChannel;
        }
        state.stepper.grant(process);
        synchronized (state) {
            state.trace.add(
                    new TraceEntry(state.trace.size() + 1, process, op, channel, System.nanoTime() - state.goNanos));
            return stepView(w.view(false), state.free() ? null : state.stepper.snapshot());
        }
    }

    /** The {@link Stepper}'s link to a worker: marks it running and sends the grant. */
    private boolean sendGrant(String process) {
        Worker w = state.find(process);
        synchronized (state) {
            if (w.state != ProcessState.WAITING_FOR_GRANT) return false;
            w.state = ProcessState.RUNNING;
            w.op = null;
        }
        return w.send(Wire.command("grant"));
    }

    /** Step mode: a worker at its gate whose last try would have blocked is shown BLOCKED (never probed in /proc). */
    private static ProcessView stepView(ProcessView v, StepSnapshot steps) {
        if (steps == null || v.state() != ProcessState.WAITING_FOR_GRANT) return v;
        StepProcess p = steps.process(v.name());
        if (p == null || p.status() != StepStatus.BLOCKED) return v;
        return new ProcessView(
                v.name(), v.role(), v.pid(), ProcessState.BLOCKED, v.op(), v.channel(), null, v.exitCode());
    }

    /** From now on no gating; the run's timeout starts counting now. */
    void runFree() {
        List<Worker> ws;
        synchronized (state) {
            if (state.free()) return;
            state.freeSinceNanos = System.nanoTime();
            for (Worker w : state.workers)
                if (w.state == ProcessState.WAITING_FOR_GRANT) {
                    w.state = ProcessState.RUNNING;
                    w.op = null;
                }
            ws = new ArrayList<>(state.workers);
            state.notifyAll();
        }
        state.stepper.end("the run went free; no more grants");
        for (Worker w : ws) if (!w.exited()) w.send(Wire.command("free"));
        state.event(null, RunEvent.FREE, "running free");
    }

    List<TraceEntry> trace() {
        synchronized (state) {
            return List.copyOf(state.trace);
        }
    }
}
