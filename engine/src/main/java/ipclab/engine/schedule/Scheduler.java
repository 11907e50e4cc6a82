package ipclab.engine.schedule;

import ipclab.engine.run.StepEvent;
import ipclab.engine.run.StepSnapshot;

/**
 * Which enabled process of a stepped run moves next: the seam between a run in step mode and a
 * policy. {@link ScheduledRun} asks {@link #next} whenever every process has settled and some
 * process is enabled, grants the one it names, and tells it the step's outcome.
 *
 * <p>Strategies: {@link InteractiveScheduler} (a person or the API names each process),
 * {@link RandomScheduler} (uniform among the enabled), {@link PctScheduler} (probabilistic
 * concurrency testing), {@link ReplayScheduler} (a trace's schedule, every outcome checked) and
 * {@link ReplayScheduler#guided} (a schedule to try while shrinking). Each is deterministic given its
 * parameters and the outcomes it is told, so a scheduler and a plan fix the whole run.
 */
public interface Scheduler {
    /**
     * The process to grant now.
     *
     * @param now settled, with at least one process enabled
     * @return one of {@code now.enabled()}, or null to stop the run here (a replay that left its trace)
     */
    String next(StepSnapshot now) throws InterruptedException;

    /** The grant just made and what it came to. */
    default void stepped(StepEvent step) {}

    /** The run ended (every process exited, or nobody can move): a replay checks that its trace ended too. */
    default void ended(int steps) {}

    /** The first way the run left what the scheduler expected, or null (only a replay expects anything). */
    default Divergence divergence() {
        return null;
    }

    /** How traces name this scheduler and its parameters. */
    SchedulerSpec spec();
}
