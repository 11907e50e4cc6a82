package ipclab.engine.run;

import java.util.List;

/**
 * The state of every process of a stepped run, taken at one instant (under the {@link Stepper}'s lock).
 *
 * @param steps steps completed so far
 * @param over  true once the run stopped stepping (went free, was stopped, or ended)
 */
public record StepSnapshot(int steps, boolean over, List<StepProcess> processes) {
    public StepSnapshot {
        processes = List.copyOf(processes);
    }

    /** The processes a grant may go to, in plan order. */
    public List<String> enabled() {
        return processes.stream()
                .filter(p -> p.status() == StepStatus.ENABLED)
                .map(StepProcess::name)
                .toList();
    }

    /** Every process is settled: enabled, blocked or exited. */
    public boolean settled() {
        return processes.stream().allMatch(p -> p.status().settled());
    }

    /** Settled, some process has not exited, and none is enabled: nobody can ever move. */
    public boolean deadlocked() {
        return settled() && enabled().isEmpty() && processes.stream().anyMatch(p -> p.status() != StepStatus.EXITED);
    }

    /** The process of that name, or null. */
    public StepProcess process(String name) {
        for (StepProcess p : processes) if (p.name().equals(name)) return p;
        return null;
    }
}
