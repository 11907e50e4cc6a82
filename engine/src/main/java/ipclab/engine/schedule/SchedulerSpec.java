package ipclab.engine.schedule;

import ipclab.engine.run.StepEvent;
import java.util.List;
import java.util.Locale;

/**
 * A scheduler and its parameters, as traces record them and the command line names them
 * ({@code --schedule random --seed 7}, {@code --schedule pct --seed 1 --depth 2}).
 *
 * @param strategy the strategy
 * @param seed     random and pct: the seed of their choices; 0 otherwise
 * @param depth    pct: the bug depth d (d - 1 priority change points); 0 otherwise
 */
public record SchedulerSpec(Strategy strategy, long seed, int depth) {
    /** The strategies; the wire name is the lower-case name. */
    public enum Strategy {
        /** Free run: no scheduler at all (the kernel interleaves). */
        FREE,
        /** The API's or the REPL's grants. */
        INTERACTIVE,
        /** Uniform among the enabled processes. */
        RANDOM,
        /** Probabilistic concurrency testing. */
        PCT,
        /** A trace's schedule, followed and checked. */
        REPLAY,
        /** A schedule found by exploration and shrunk. */
        SHRUNK;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The strategy of that name; IllegalArgumentException naming the valid ones otherwise. */
        public static Strategy ofWire(String s) {
            for (Strategy v : values()) if (v.wireName().equals(s)) return v;
            throw new IllegalArgumentException("unknown scheduler " + s + " (expected one of "
                    + java.util.Arrays.stream(values()).map(Strategy::wireName).toList() + ")");
        }
    }

    public SchedulerSpec {
        java.util.Objects.requireNonNull(strategy, "strategy");
        if (strategy == Strategy.PCT && depth < 1)
            throw new IllegalArgumentException("pct needs depth >= 1 (depth=" + depth + ")");
    }

    public static SchedulerSpec free() {
        return new SchedulerSpec(Strategy.FREE, 0, 0);
    }

    public static SchedulerSpec random(long seed) {
        return new SchedulerSpec(Strategy.RANDOM, seed, 0);
    }

    public static SchedulerSpec pct(long seed, int depth) {
        return new SchedulerSpec(Strategy.PCT, seed, depth);
    }

    /** Does this spec step the run (everything but a free run)? */
    public boolean stepped() {
        return strategy != Strategy.FREE;
    }

    /**
     * A fresh scheduler for this spec: random or pct ({@code expectedSteps}: pct's estimate of the
     * run's length, where its change points fall). Interactive, replay and shrunk schedulers are
     * made from what they follow, not from a spec.
     */
    public Scheduler create(int expectedSteps) {
        return switch (strategy) {
            case RANDOM -> new RandomScheduler(seed);
            case PCT -> new PctScheduler(seed, depth, expectedSteps);
            default ->
                throw new IllegalArgumentException("a " + strategy.wireName() + " scheduler is not made from a spec");
        };
    }

    /** A replay of these steps, or a shrunk schedule's, keeps naming where it came from. */
    public Scheduler replay(List<StepEvent> steps) {
        return new ReplayScheduler(steps, this);
    }

    /** {@code random seed=7}, {@code pct seed=1 depth=2}, {@code free}. */
    @Override
    public String toString() {
        return switch (strategy) {
            case RANDOM -> "random seed=" + seed;
            case PCT -> "pct seed=" + seed + " depth=" + depth;
            default -> strategy.wireName();
        };
    }
}
