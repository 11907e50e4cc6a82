package ipclab.engine.run;

import ipclab.dsl.plan.Plan;
import ipclab.dsl.plan.PlannedProcess;
import java.util.ArrayList;
import java.util.List;

/**
 * What a stepped run refuses before it creates anything: a stepped run has no clock (its time is
 * its steps, so the same schedule gives the same outcomes), and so no rate pacing and no
 * duration. Receive timeouts (UDP's quiet period, a pinger's lost-reply wait) are switched off
 * by the ports themselves while stepping.
 */
final class StepModeCheck {
    private StepModeCheck() {}

    /** @throws EngineException naming every process with a rate or a duration, and what to write instead */
    static void check(Plan plan) {
        List<String> bad = new ArrayList<>();
        for (PlannedProcess p : plan.processes()) {
            if (p.ratePerSecond() > 0) bad.add(p.name() + " has rate=" + p.ratePerSecond() + "/s");
            if (p.durationNanos() > 0) bad.add(p.name() + " has duration=" + StallDiagnosis.seconds(p.durationNanos()));
            if (p.delayNanos() > 0) bad.add(p.name() + " has delay=" + StallDiagnosis.seconds(p.delayNanos()));
        }
        if (!plan.faults().isEmpty()) bad.add("the scenario has faults (they act at times and counts of a free run)");
        if (bad.isEmpty()) return;
        throw new EngineException(
                "step mode counts steps, not time: " + String.join(", ", bad)
                        + "; give the writers a message count (messages: N) and no rate or duration, or run without stepping",
                null);
    }
}
