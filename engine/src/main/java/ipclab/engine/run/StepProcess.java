package ipclab.engine.run;

import ipclab.engine.protocol.StepOp;
import ipclab.engine.protocol.StepOutcome;

/**
 * One process of a stepped run in a {@link Stepper#snapshot()}.
 *
 * @param channel the channel of the operation it announced (its own channel before that)
 * @param op      the operation it announced (ENABLED, BLOCKED) or is doing (RUNNING), else null
 * @param last    the outcome of its last step, or null before its first
 */
public record StepProcess(String name, StepStatus status, StepOp op, String channel, StepOutcome last) {
    @Override
    public String toString() {
        return switch (status) {
            case ENABLED -> name + " enabled: " + op + "(" + channel + ")";
            case BLOCKED -> name + " blocked on " + op + "(" + channel + "): " + (last == null ? "" : last.result());
            case RUNNING -> name + " running " + op + "(" + channel + ")";
            case STARTING -> name + " starting";
            case EXITED -> name + " exited";
        };
    }
}
