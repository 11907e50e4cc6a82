package ipclab.engine.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.dsl.ScenarioLoader;
import ipclab.dsl.plan.Plan;
import ipclab.engine.protocol.StepOutcome;
import ipclab.engine.run.Engine;
import ipclab.engine.run.Outcome;
import ipclab.engine.run.Run;
import ipclab.engine.run.RunOptions;
import ipclab.engine.run.RunReport;
import ipclab.engine.run.StepEvent;
import ipclab.engine.run.StepSnapshot;
import ipclab.engine.run.Stepper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schedulers on real processes: a seeded schedule replays to the same outcomes step for step, a
 * changed record is caught at its step, and stepping back (a fresh run replayed to step n-1) then
 * forward again gives the state before.
 */
@Timeout(600)
class ScheduledRunTest {
    /** Three incrementers, two increments each, no synchronisation: a lost update depends on the schedule. */
    static final String RACE = """
            name: race3
            channels:
              counter:
                type: shm
                size: 4KiB
                sync: none
            processes:
              adder:
                role: incrementer
                channel: counter
                replicas: 3
                messages: 2
            expect:
              - counter.lostUpdates == 0
            """;

    @TempDir
    Path state;

    private Plan plan(String yaml) throws Exception {
        return ScenarioLoader.fromYaml(yaml, "race3.yaml").plans().getFirst();
    }

    private RunOptions opts() {
        return RunOptions.defaults().with(set -> set.stateDir = state);
    }

    @Test
    void aRandomScheduleReplaysToTheSameOutcomesAndACorruptedRecordIsCaughtAtItsStep() throws Exception {
        Plan plan = plan(RACE);
        ScheduledRun.Result first = ScheduledRun.run(plan, opts(), new RandomScheduler(7));
        assertTrue(
                first.report().failures().isEmpty(),
                () -> first.report().failures().toString());
        assertEquals(12, first.steps().size(), "3 processes x 2 increments x (load, store)");
        assertEquals(SchedulerSpec.random(7), first.scheduler());

        ScheduledRun.Result again =
                ScheduledRun.run(plan, opts(), new ReplayScheduler(first.steps(), first.scheduler()));
        assertNull(again.divergence(), () -> String.valueOf(again.divergence()));
        assertEquals(first.steps(), again.steps());
        assertEquals(first.report().counters(), again.report().counters());

        List<StepEvent> changed = new ArrayList<>(first.steps());
        StepEvent fifth = changed.get(4);
        StepOutcome o = fifth.outcome();
        changed.set(
                4,
                new StepEvent(
                        5,
                        fifth.process(),
                        new StepOutcome(
                                o.op(),
                                o.channel(),
                                o.result(),
                                o.value() + 100,
                                o.writer(),
                                o.seq(),
                                o.mtype(),
                                o.size(),
                                o.slot())));
        ScheduledRun.Result off = ScheduledRun.run(plan, opts(), new ReplayScheduler(changed, first.scheduler()));
        Divergence d = off.divergence();
        assertNotNull(d);
        assertEquals(5, d.step());
        assertEquals(fifth.process(), d.process());
        assertEquals(changed.get(4).outcome().toString(), d.expected());
        assertEquals(Outcome.FAILED, off.report().outcome());
        assertEquals(
                ipclab.engine.run.FailureKind.REPLAY,
                off.report().failures().getFirst().kind());
    }

    @Test
    void pctWithTheSameSeedGivesTheSameScheduleAndDepthOneNeverPreempts() throws Exception {
        Plan plan = plan(RACE);
        ScheduledRun.Result a = ScheduledRun.run(plan, opts(), new PctScheduler(3, 1, 12));
        assertEquals(2, a.contextSwitches(), "depth 1: each process runs to its end in priority order: " + a.steps());
        assertEquals(new RunReport.Counter(6, 6, 0), a.report().counters().get("counter"));
        ScheduledRun.Result b = ScheduledRun.run(plan, opts(), new PctScheduler(3, 1, 12));
        assertEquals(a.steps(), b.steps());
    }

    @Test
    void stepBackThenForwardGivesTheStateBefore() throws Exception {
        Plan plan = plan(RACE);
        Run run = Engine.start(plan, opts().with(set -> set.step = true));
        StepSnapshot before;
        List<StepEvent> done;
        try {
            Stepper s = run.stepper();
            RandomScheduler random = new RandomScheduler(11);
            for (int i = 0; i < 5; i++) {
                assertTrue(s.awaitSettled(ScheduledRun.SETTLE));
                s.grant(random.next(s.snapshot()));
            }
            assertTrue(s.awaitSettled(ScheduledRun.SETTLE));
            before = s.snapshot();
            done = s.events();
        } finally {
            run.stop();
            run.await();
        }
        Run back = Rewind.to(plan, opts(), done, 4);
        try {
            Stepper s = back.stepper();
            assertEquals(4, s.snapshot().steps());
            assertEquals(done.subList(0, 4), s.events());
            s.grant(done.get(4).process());
            assertTrue(s.awaitSettled(ScheduledRun.SETTLE));
            assertEquals(before, s.snapshot());
            assertEquals(done, s.events());
        } finally {
            back.stop();
            back.await();
        }
    }

    @Test
    void exploringARaceFindsALostUpdateAndShrinksItToAScheduleThatReplaysToIt() throws Exception {
        Plan plan = plan(RACE);
        List<Integer> seen = new ArrayList<>();
        Explorer.Summary s = Explorer.explore(
                plan,
                opts(),
                new Explorer.Settings(SchedulerSpec.Strategy.RANDOM, 1, 0, 6, 12),
                new Explorer.Listener() {
                    @Override
                    public void ran(int run, ScheduledRun.Result r) {
                        seen.add(run);
                    }
                });
        assertEquals(List.of(1, 2, 3, 4, 5, 6), seen);
        assertEquals(
                6, s.outcomes().values().stream().mapToInt(Integer::intValue).sum());
        assertFalse(s.failures().isEmpty(), () -> "outcomes: " + s.outcomes());
        Explorer.Failure f = s.failures().getFirst();
        assertTrue(f.shrunk().contextSwitches() <= f.found().contextSwitches());
        assertTrue(
                f.shrunk().contextSwitches() <= 3,
                () -> "a lost update needs 2 switches, 3 with a third process: "
                        + f.shrunk().steps());
        assertEquals(Outcome.REFUTED, f.shrunk().report().outcome());

        ScheduledRun.Result replay = ScheduledRun.run(
                plan, opts(), new ReplayScheduler(f.shrunk().steps(), f.shrunk().scheduler()));
        assertNull(replay.divergence());
        assertEquals(f.shrunk().report().counters(), replay.report().counters());
        assertTrue(replay.report().counters().get("counter").lostUpdates() > 0);
    }
}
