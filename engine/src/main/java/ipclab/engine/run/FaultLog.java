package ipclab.engine.run;

import ipclab.dsl.model.FaultAction;
import ipclab.dsl.plan.Plan;
import ipclab.dsl.plan.PlannedFault;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the run's faults did: each fault injected (by the supervisor at its time, or by a worker
 * to itself at its count) or not, and when; and which exits they explain, so that a worker killed
 * on purpose, or stopped by an error a fault caused (EIDRM after a remove), is reported as the
 * fault's doing, not as a death. Guarded by the run's lock ({@link RunState}).
 */
final class FaultLog {
    private final Plan plan;
    private final List<RunReport.Injected> injected = new ArrayList<>();
    private final Set<String> killedOnPurpose = new HashSet<>();
    private final Set<Integer> done = new HashSet<>();

    FaultLog(Plan plan) {
        this.plan = plan;
    }

    boolean any() {
        return !plan.faults().isEmpty();
    }

    /** Fault {@code f} acted (or not: {@code atMs} null) with this result. Call holding the lock. */
    void record(PlannedFault f, Long atMs, String result) {
        if (!done.add(f.index())) return;
        if (atMs != null && f.action() == FaultAction.KILL) killedOnPurpose.add(f.process());
        injected.add(new RunReport.Injected(
                f.index(),
                f.describe(),
                f.action().name().toLowerCase(java.util.Locale.ROOT),
                f.target(),
                atMs,
                result));
    }

    /** A worker announced fault {@code index} on itself after {@code count} messages; the fault, or null if it has no such. Call holding the lock. */
    PlannedFault selfInjected(String process, int index, long count, long atMs) {
        for (PlannedFault f : plan.faults()) {
            if (f.index() != index || !process.equals(f.process())) continue;
            String signal = f.action() == FaultAction.KILL ? "SIGKILL" : "SIGSTOP";
            record(f, atMs, signal + " sent by " + process + " to itself after " + count + " messages");
            return f;
        }
        return null;
    }

    /** Killed by a kill fault (its SIGKILL is the fault's, not a crash). */
    boolean killedOnPurpose(String process) {
        return killedOnPurpose.contains(process);
    }

    /**
     * Why a worker that ended badly did so because of a fault, or null when no fault explains it.
     *
     * @param status  its exit status
     * @param reported whether it sent its report
     * @param error   the error it sent, or null
     */
    String explains(String process, String channel, int status, boolean reported, String error) {
        if (status == 128 + 9 && killedOnPurpose(process))
            return process + " was killed on purpose (SIGKILL), as the scenario's faults say";
        if (status == 1 && reported && error != null && plan.faulted(channel)) {
            return process + " stopped at an error the faults on channel " + channel + " explain: " + error;
        }
        return null;
    }

    /** Every fault in plan order; those that never acted say why. Call holding the lock, at the end. */
    List<RunReport.Injected> results() {
        for (PlannedFault f : plan.faults()) {
            if (done.contains(f.index())) continue;
            if (f.action() == FaultAction.DELAY)
                record(
                        f,
                        null,
                        "done by " + f.process() + " itself: each of its operations held " + f.forNanos() / 1000 + " us"
                                + (f.timed() || f.after() > 0 ? " from its trigger on" : ""));
            else record(f, null, "not injected: the run ended before its trigger");
        }
        List<RunReport.Injected> out = new ArrayList<>(injected);
        out.sort(java.util.Comparator.comparingInt(RunReport.Injected::index));
        return out;
    }
}
