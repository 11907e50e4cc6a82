package ipclab.repl.app;

import ipclab.engine.run.StepEvent;
import ipclab.engine.schedule.SchedulerSpec;
import java.nio.file.Path;
import java.util.List;

/**
 * A run and its trace, from {@link Traces#record}.
 *
 * @param result    the reports
 * @param scheduler how it was scheduled ({@code free}, random, pct)
 * @param steps     a stepped run's every step with its outcome; empty for a free run
 * @param kept      where the trace was kept among every run's ({@code ipclab runs}), or null when none are kept
 * @param recorded  where {@code --record} asked it to go, or null
 * @param notKept   why the trace could not be kept among every run's (a full disk, a read-only directory), or null
 */
public record RecordedRun(
        ScenarioResult result,
        SchedulerSpec scheduler,
        List<StepEvent> steps,
        Path kept,
        Path recorded,
        String notKept) {
    public RecordedRun {
        steps = List.copyOf(steps);
    }
}
