package ipclab.engine.schedule;

import ipclab.dsl.plan.Plan;
import ipclab.engine.run.Outcome;
import ipclab.engine.run.RunOptions;
import ipclab.engine.run.RunReport;
import ipclab.engine.run.WorkerPool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a plan under many schedules and collects those that refute its {@code expect:} claims (or
 * fail), each shrunk ({@link Shrinker}) before it is handed back:
 *
 * <pre>{@code
 *   Explorer.Summary s = Explorer.explore(plan, opts, new Explorer.Settings(Strategy.RANDOM, 1, 0, 20, 25), listener);
 *   s.outcomes();   // "counter.final=4 refuted" -> 7, ...
 *   s.failures();   // each with the run that found it and its shrunk run (whose steps replay to the same failure)
 * }</pre>
 *
 * Run i (1-based) uses seed {@code seed + i - 1}. Failing runs with the same outcome are shrunk
 * once: a later one is reported {@link Failure#sameAs() like} the first. PCT's length estimate is
 * the longest run seen so far.
 */
public final class Explorer {
    /**
     * @param strategy   random or pct
     * @param seed       the first run's seed
     * @param depth      pct's depth (ignored by random)
     * @param runs       how many schedules
     * @param shrinkRuns at most this many runs to shrink each distinct failure (0: no shrinking)
     */
    public record Settings(SchedulerSpec.Strategy strategy, long seed, int depth, int runs, int shrinkRuns) {
        public Settings {
            if (strategy != SchedulerSpec.Strategy.RANDOM && strategy != SchedulerSpec.Strategy.PCT) {
                throw new IllegalArgumentException(
                        "explore needs --strategy random or pct, not " + strategy.wireName());
            }
            if (runs < 1) throw new IllegalArgumentException("runs=" + runs + " must be at least 1");
        }

        SchedulerSpec spec(int run) {
            return strategy == SchedulerSpec.Strategy.PCT
                    ? SchedulerSpec.pct(seed + run - 1, depth)
                    : SchedulerSpec.random(seed + run - 1);
        }
    }

    /**
     * A run that refuted a claim or failed.
     *
     * @param run     its number (1-based)
     * @param found   the run as explored
     * @param shrunk  the smallest run found that fails the same way (found itself when nothing smaller did)
     * @param tries   runs spent shrinking
     * @param sameAs  0, or the number of an earlier failing run with the same outcome (then shrunk is that run's)
     */
    public record Failure(int run, ScheduledRun.Result found, ScheduledRun.Result shrunk, int tries, int sameAs) {}

    /** What exploring found: the runs done (fewer than asked when stopped), every distinct outcome with how many runs had it, in order of first sight. */
    public record Summary(int runs, Map<String, Integer> outcomes, List<Failure> failures) {}

    /** Told as exploring goes. */
    public interface Listener {
        /** A run (explored or tried while shrinking) has started: it may be stopped from another thread. */
        default void started(ipclab.engine.run.Run run) {}

        default void ran(int run, ScheduledRun.Result r) {}

        default void failed(Failure f) {}
        /** Asked before every run: true ends exploring (and shrinking) early, with what was found so far. */
        default boolean stopped() {
            return false;
        }
    }

    private Explorer() {}

    /**
     * Explores with a {@link WorkerPool} of its own: the runs (and the shrinking) share worker JVMs,
     * each run with fresh kernel objects; the pool's JVMs are gone when this returns or throws.
     */
    public static Summary explore(Plan plan, RunOptions opts, Settings s, Listener listener)
            throws InterruptedException {
        try (WorkerPool pool = new WorkerPool()) {
            return explore(plan, opts, s, listener, pool);
        }
    }

    /** As {@link #explore(Plan, RunOptions, Settings, Listener)}, the workers from {@code pool} (null: a fresh JVM for every process of every run). */
    public static Summary explore(Plan plan, RunOptions opts, Settings s, Listener listener, WorkerPool pool)
            throws InterruptedException {
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        Map<String, Failure> shrunkBy = new LinkedHashMap<>();
        List<Failure> failures = new ArrayList<>();
        int longest = 0;
        int done = 0;
        Shrinker.Runs runs = scheduler -> ScheduledRun.run(plan, opts, scheduler, listener::started, pool);
        for (int i = 1; i <= s.runs() && !listener.stopped(); i++) {
            Scheduler scheduler =
                    s.spec(i).create(longest == 0 ? 4 * plan.processes().size() : longest);
            ScheduledRun.Result r = runs.run(scheduler);
            done = i;
            longest = Math.max(longest, r.steps().size());
            String key = outcome(r.report());
            outcomes.merge(key, 1, Integer::sum);
            listener.ran(i, r);
            if (r.report().outcome() == Outcome.OK) continue;
            Failure f;
            Failure first = shrunkBy.get(key);
            if (first != null) {
                f = new Failure(i, r, first.shrunk(), 0, first.run());
            } else {
                Shrinker.Shrunk shrunk = Shrinker.shrink(
                        r, runs, c -> sameFailure(c.report(), r.report()), s.shrinkRuns(), listener::stopped);
                f = new Failure(i, r, shrunk.best(), shrunk.tries(), 0);
                shrunkBy.put(key, f);
            }
            failures.add(f);
            listener.failed(f);
        }
        return new Summary(done, outcomes, failures);
    }

    /** The same outcome (ok, refuted, failed) and the same first refuted claim or failure kind. */
    static boolean sameFailure(RunReport candidate, RunReport original) {
        return candidate.outcome() == original.outcome() && why(candidate).equals(why(original));
    }

    private static String why(RunReport r) {
        if (!r.failures().isEmpty()) return "failed: " + r.failures().getFirst().kind();
        for (RunReport.ExpectationResult e : r.expectations()) if (!e.ok()) return "refuted: " + e.text();
        return "ok";
    }

    /**
     * What a run came to, in a line: {@code counter.final=3 refuted}, {@code q: received=4 lost=0 ok}.
     * Figures that depend on time (latency, CPU) are left out: only what the schedule decides.
     */
    public static String outcome(RunReport r) {
        List<String> parts = new ArrayList<>();
        r.counters().forEach((name, c) -> parts.add(name + ".final=" + c.finalValue()));
        for (RunReport.ChannelFigures c : r.channels()) {
            if (r.counters().containsKey(c.name())) continue;
            parts.add(c.name() + ": received=" + c.counts().received() + " lost="
                    + c.counts().lost());
        }
        parts.add(r.outcome().name().toLowerCase(java.util.Locale.ROOT));
        return String.join(" ", parts);
    }
}
