package ipclab.engine.run;

import ipclab.engine.protocol.StepOutcome;

/**
 * One step of a stepped run, as it happened: the n-th grant went to {@code process}, which did
 * one operation with this outcome. The list of these, in order, is the schedule with its outcomes
 * that a replay follows and checks.
 */
public record StepEvent(int step, String process, StepOutcome outcome) {
    @Override
    public String toString() {
        return step + " " + process + " " + outcome;
    }
}
