package ipclab.bench;

import ipclab.dsl.ScenarioLoader;
import ipclab.dsl.plan.Plan;
import ipclab.engine.run.RunOptions;
import ipclab.engine.run.WorkerPool;
import ipclab.engine.schedule.Explorer;
import ipclab.engine.schedule.ScheduledRun;
import ipclab.engine.schedule.SchedulerSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Exploration speed: schedules per second on a three-process race (three incrementers, two
 * increments each, no synchronisation), random strategy, no shrinking. Each schedule is a fresh
 * stepped run with fresh kernel objects; its three workers are JVMs of the explorer's pool, started
 * for the first run and reused after, or with {@code --fresh} three new JVMs per run (as before
 * the pool: JVM start-up dominates). Prints each run's time and the rate; issue 8 aims at 5
 * schedules/s on two cores. Run by {@code bench/explore-rate.sh [--fresh] [RUNS]} on a quiet
 * machine (default 20 runs).
 */
public final class ExploreRate {
    private static final String SCENARIO = """
            name: race3
            channels:
              counter: {type: shm, size: 4KiB, sync: none}
            processes:
              adder: {role: incrementer, channel: counter, replicas: 3, messages: 2}
            expect:
              - counter.lostUpdates == 0
            """;

    private ExploreRate() {}

    public static void main(String[] args) throws Exception {
        boolean fresh = args.length > 0 && args[0].equals("--fresh");
        if (fresh) args = java.util.Arrays.copyOfRange(args, 1, args.length);
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Plan plan = ScenarioLoader.fromYaml(SCENARIO, "race3.yaml").plans().getFirst();
        List<Long> each = new ArrayList<>();
        long[] last = {System.nanoTime()};
        long start = last[0];
        WorkerPool pool = fresh ? null : new WorkerPool();
        Explorer.Summary s = Explorer.explore(
                plan,
                RunOptions.defaults(),
                new Explorer.Settings(SchedulerSpec.Strategy.RANDOM, 1, 0, runs, 0),
                new Explorer.Listener() {
                    @Override
                    public void ran(int run, ScheduledRun.Result r) {
                        long now = System.nanoTime();
                        each.add(now - last[0]);
                        System.out.printf(
                                Locale.ROOT,
                                "run %2d  %6.0f ms  %s%n",
                                run,
                                (now - last[0]) / 1e6,
                                Explorer.outcome(r.report()));
                        last[0] = now;
                    }
                },
                pool);
        if (pool != null) pool.close();
        double seconds = (System.nanoTime() - start) / 1e9;
        // after the first schedule, which starts the pool's JVMs: the rate a long exploration approaches
        double afterFirst = each.stream().skip(1).mapToLong(Long::longValue).sum() / 1e9;
        Collections.sort(each);
        System.out.printf(
                Locale.ROOT,
                "%n%s: %d schedules in %.1f s: %.2f schedules/s (median %.0f ms per schedule); %d refuted the claim%n",
                fresh ? "fresh JVMs" : "pooled JVMs",
                runs,
                seconds,
                runs / seconds,
                each.get(each.size() / 2) / 1e6,
                s.failures().size());
        if (runs > 1)
            System.out.printf(Locale.ROOT, "after the first schedule: %.2f schedules/s%n", (runs - 1) / afterFirst);
    }
}
