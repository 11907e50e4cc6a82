package ipclab.engine.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.dsl.ScenarioLoader;
import ipclab.dsl.plan.Plan;
import ipclab.engine.run.ProcessView;
import ipclab.engine.run.Run;
import ipclab.engine.run.RunOptions;
import ipclab.engine.run.WorkerPool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exploring with a {@link WorkerPool} is exact: the same seeds give the same schedules, step for
 * step with every outcome, and the same reports as with a fresh JVM for every process; the JVMs
 * are reused across runs (each run with fresh kernel objects, which LeakGuard checks) and gone
 * when the exploration ends.
 */
@Timeout(600)
class PooledExploreTest {
    @TempDir
    Path state;

    private static Plan plan(String yaml) throws Exception {
        return ScenarioLoader.fromYaml(yaml, "pooled.yaml").plans().getFirst();
    }

    private RunOptions opts() {
        return RunOptions.defaults().with(set -> set.stateDir = state);
    }

    /** Every run of an exploration, and the pids of the workers that played it. */
    private static final class Runs implements Explorer.Listener {
        final List<ScheduledRun.Result> results = new ArrayList<>();
        final Set<Long> pids = new LinkedHashSet<>();

        @Override
        public void started(Run run) {
            for (ProcessView p : run.processes()) pids.add(p.pid());
        }

        @Override
        public void ran(int run, ScheduledRun.Result r) {
            results.add(r);
        }
    }

    private List<ScheduledRun.Result> explore(Plan plan, Explorer.Settings s, WorkerPool pool, Runs into)
            throws InterruptedException {
        Explorer.explore(plan, opts(), s, into, pool);
        return into.results;
    }

    private static void assertSameRuns(List<ScheduledRun.Result> fresh, List<ScheduledRun.Result> pooled) {
        assertEquals(fresh.size(), pooled.size());
        for (int i = 0; i < fresh.size(); i++) {
            ScheduledRun.Result a = fresh.get(i), b = pooled.get(i);
            int run = i + 1;
            assertEquals(a.steps(), b.steps(), () -> "run " + run + ": the steps differ");
            assertEquals(Explorer.outcome(a.report()), Explorer.outcome(b.report()), () -> "run " + run);
            assertEquals(a.report().counters(), b.report().counters(), () -> "run " + run);
            assertTrue(
                    b.report().failures().isEmpty(),
                    () -> "run " + run + ": " + b.report().failures());
        }
    }

    @Test
    void aPooledExplorationOfARaceMatchesFreshJvmsStepForStepAndReusesItsThreeJvms() throws Exception {
        Plan plan = plan(ScheduledRunTest.RACE);
        Explorer.Settings s = new Explorer.Settings(SchedulerSpec.Strategy.RANDOM, 11, 0, 4, 0);
        List<ScheduledRun.Result> fresh = explore(plan, s, null, new Runs());
        Runs pooled = new Runs();
        try (WorkerPool pool = new WorkerPool()) {
            explore(plan, s, pool, pooled);
            assertEquals(3, pooled.pids.size(), () -> "four runs of three processes on three JVMs: " + pooled.pids);
            assertEquals(3, pool.pids().size(), () -> "idle between explorations: " + pool.pids());
        }
        assertSameRuns(fresh, pooled.results);
        for (long pid : pooled.pids)
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "pid " + pid + " still runs");
    }

    @Test
    void aPooledExplorationOfTwoWritersAndTwoReadersOnAQueueMatchesFreshJvms() throws Exception {
        Plan plan = plan("""
                name: m2m
                channels: {jobs: {type: msgq}}
                processes:
                  producer: {role: writer, channel: jobs, replicas: 2, messages: 2, size: 64B}
                  consumer: {role: reader, channel: jobs, replicas: 2}
                """);
        Explorer.Settings s = new Explorer.Settings(SchedulerSpec.Strategy.RANDOM, 5, 0, 3, 0);
        List<ScheduledRun.Result> fresh = explore(plan, s, null, new Runs());
        Runs own = new Runs();
        Explorer.explore(plan, opts(), s, own); // the default: a pool of its own, closed at the end
        assertSameRuns(fresh, own.results);
        assertEquals(4, own.pids.size(), () -> "three runs of four processes on four JVMs: " + own.pids);
        for (long pid : own.pids)
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "pid " + pid + " still runs");
    }

    /**
     * PCT always moves the enabled process of highest priority. A reader that took another
     * reader's end marker used to put it back one step and take it again the next, forever
     * (pct depth 2, seed 5 never ended); putting it back one step and blocking made two readers,
     * each with the other's marker at the head of the queue, look deadlocked. Now every schedule
     * ends, every message is received and no run fails.
     */
    @Test
    void pctSchedulesOfTwoReadersPassingEndMarkersOnEndWithoutADeadlock() throws Exception {
        Plan plan = plan("""
                name: m2m-pct
                channels: {q: {type: msgq}}
                processes:
                  producer: {role: writer, channel: q, replicas: 2, messages: 2, size: 32B, warmup: 0}
                  consumer: {role: reader, channel: q, replicas: 2}
                """);
        Runs runs = new Runs();
        Explorer.explore(plan, opts(), new Explorer.Settings(SchedulerSpec.Strategy.PCT, 5, 2, 12, 0), runs);
        assertEquals(12, runs.results.size());
        for (ScheduledRun.Result r : runs.results) {
            assertTrue(
                    r.report().failures().isEmpty(),
                    () -> r.scheduler() + ": " + r.report().failures());
            assertEquals(4, r.report().channels().getFirst().counts().received(), () -> r.scheduler() + " received");
        }
    }
}
