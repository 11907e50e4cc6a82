package ipclab.repl.cli;

import ipclab.engine.run.StepEvent;
import ipclab.engine.schedule.ScheduledRun;
import ipclab.engine.schedule.SchedulerSpec;
import java.util.List;

/** The command line's words for schedulers ({@code --schedule}, {@code --strategy}) and a stepped run's one-line summary. */
final class Schedules {
    private Schedules() {}

    /** free, random or pct, with its seed and depth; anything else is bad input. */
    static SchedulerSpec spec(String strategy, long seed, int depth) {
        return switch (strategy.toLowerCase(java.util.Locale.ROOT)) {
            case "free" -> SchedulerSpec.free();
            case "random" -> SchedulerSpec.random(seed);
            case "pct" -> {
                if (depth < 1) throw new InputException("--depth " + depth + " must be at least 1");
                yield SchedulerSpec.pct(seed, depth);
            }
            default ->
                throw new InputException("--schedule " + strategy + " is not a scheduler: use free, random or pct");
        };
    }

    /** {@code 12 steps, 4 context switches}. */
    static String summary(List<StepEvent> steps) {
        int switches = ScheduledRun.Result.contextSwitches(steps);
        return steps.size()
                + (steps.size() == 1 ? " step, " : " steps, ")
                + switches
                + (switches == 1 ? " context switch" : " context switches");
    }
}
