package ipclab.engine.schedule;

import ipclab.engine.run.StepSnapshot;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Uniform among the enabled processes, from a seed: the same seed, plan and outcomes give the same
 * schedule. {@link SplittableRandom} because its sequence for a seed is specified, so a trace made
 * by one JDK replays on another.
 */
public final class RandomScheduler implements Scheduler {
    private final long seed;
    private final SplittableRandom random;

    public RandomScheduler(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public String next(StepSnapshot now) {
        List<String> enabled = now.enabled();
        return enabled.get(random.nextInt(enabled.size()));
    }

    @Override
    public SchedulerSpec spec() {
        return SchedulerSpec.random(seed);
    }
}
