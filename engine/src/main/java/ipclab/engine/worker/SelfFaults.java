package ipclab.engine.worker;

import ipclab.dsl.model.FaultAction;
import ipclab.dsl.model.Role;
import ipclab.dsl.plan.PlannedFault;
import ipclab.engine.protocol.Wire;
import ipclab.engine.protocol.WorkerReport;
import ipclab.engine.protocol.WorkerSpec;
import ipclab.engine.sys.Credentials;
import ipclab.engine.sys.Kill;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * What a worker does to itself between two units of work, in a free run: the faults of its own
 * that count its messages ({@code kill} or {@code stop} after N: it tells the supervisor, then
 * sends itself the signal, so the kill is a real SIGKILL at an exact count), a {@code delay}
 * fault (each operation held), and a slow consumer's pace (a reader's or echo's {@code rate} or
 * {@code delay}). Timed signals ({@code at}) are the supervisor's.
 */
final class SelfFaults {
    private final List<PlannedFault> pending = new ArrayList<>();
    private final List<PlannedFault> delays = new ArrayList<>();
    private final Control control;
    private final long consumerDelayNanos;
    private final long consumerIntervalNanos;
    private long goNanos;
    private long paced;

    SelfFaults(WorkerSpec spec, Control control) {
        this.control = control;
        for (PlannedFault f : spec.faults()) {
            if (f.action() == FaultAction.DELAY) delays.add(f);
            else if (!f.timed() && (f.action() == FaultAction.KILL || f.action() == FaultAction.STOP)) pending.add(f);
        }
        Role r = spec.self().role();
        boolean consumer = r == Role.READER || r == Role.ECHO;
        this.consumerDelayNanos = consumer ? spec.self().delayNanos() : 0;
        this.consumerIntervalNanos = consumer && spec.self().ratePerSecond() > 0
                ? 1_000_000_000L / spec.self().ratePerSecond()
                : 0;
    }

    /** True when there is nothing to do between units of work (the loop then skips {@link #afterWork}). */
    boolean none() {
        return pending.isEmpty() && delays.isEmpty() && consumerDelayNanos == 0 && consumerIntervalNanos == 0;
    }

    void go() {
        goNanos = System.nanoTime();
    }

    /** After one unit of work that did {@code done} operations, with the report's counts so far. */
    void afterWork(int done, WorkerReport r) throws Exception {
        if (done <= 0) return;
        long count = r.sent + r.received;
        for (int i = 0; i < pending.size(); i++) {
            PlannedFault f = pending.get(i);
            if (count < f.after()) continue;
            pending.remove(i--);
            control.send(Wire.fault(f.index(), count));
            System.err.flush();
            Kill.kill(Credentials.getpid(), f.action() == FaultAction.KILL ? Kill.SIGKILL : Kill.SIGSTOP);
        }
        long hold = 0;
        long now = System.nanoTime();
        for (PlannedFault f : delays) {
            boolean active = f.timed() ? now - goNanos >= f.atNanos() : count >= f.after();
            if (active) hold = Math.max(hold, f.forNanos());
        }
        if (consumerDelayNanos > 0) hold = Math.max(hold, consumerDelayNanos);
        if (hold > 0) sleepUntil(now + hold);
        if (consumerIntervalNanos > 0) {
            paced += done;
            sleepUntil(goNanos + paced * consumerIntervalNanos);
        }
    }

    private static void sleepUntil(long deadline) {
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime())
            LockSupport.parkNanos(left);
    }
}
