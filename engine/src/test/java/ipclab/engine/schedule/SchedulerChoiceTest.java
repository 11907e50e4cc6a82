package ipclab.engine.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.engine.protocol.StepOp;
import ipclab.engine.protocol.StepOutcome;
import ipclab.engine.protocol.StepResult;
import ipclab.engine.run.StepEvent;
import ipclab.engine.run.StepProcess;
import ipclab.engine.run.StepSnapshot;
import ipclab.engine.run.StepStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schedulers' choices, on snapshots alone (no process): deterministic, within the enabled, as documented. */
class SchedulerChoiceTest {
    static StepSnapshot snapshot(int steps, String... enabled) {
        List<StepProcess> ps = new ArrayList<>();
        for (String p : List.of("a", "b", "c")) {
            boolean on = List.of(enabled).contains(p);
            ps.add(new StepProcess(p, on ? StepStatus.ENABLED : StepStatus.BLOCKED, StepOp.LOAD, "x", null));
        }
        return new StepSnapshot(steps, false, ps);
    }

    static StepEvent step(int n, String p, long value) {
        return new StepEvent(
                n,
                p,
                new StepOutcome(
                        StepOp.LOAD,
                        "x",
                        StepResult.OK,
                        value,
                        StepOutcome.NONE,
                        StepOutcome.NONE,
                        StepOutcome.NONE,
                        StepOutcome.NONE,
                        StepOutcome.NONE));
    }

    @Test
    void randomAndPctRepeatThemselvesForASeedAndPickOnlyEnabledProcesses() throws Exception {
        for (int seed = 0; seed < 20; seed++) {
            Scheduler r1 = new RandomScheduler(seed), r2 = new RandomScheduler(seed);
            Scheduler p1 = new PctScheduler(seed, 3, 20), p2 = new PctScheduler(seed, 3, 20);
            for (int i = 0; i < 20; i++) {
                StepSnapshot now = i % 3 == 0 ? snapshot(i, "a", "c") : snapshot(i, "a", "b", "c");
                String r = r1.next(now);
                assertEquals(r, r2.next(now));
                assertTrue(now.enabled().contains(r));
                String p = p1.next(now);
                assertEquals(p, p2.next(now));
                assertTrue(now.enabled().contains(p));
            }
        }
    }

    @Test
    void pctOfDepthOneKeepsOneProcessUntilItCannotMove() throws Exception {
        Scheduler p = new PctScheduler(5, 1, 10);
        String first = p.next(snapshot(0, "a", "b", "c"));
        for (int i = 1; i < 5; i++) assertEquals(first, p.next(snapshot(i, "a", "b", "c")));
    }

    @Test
    void replayFollowsItsRecordAndNamesTheFirstDifference() {
        ReplayScheduler r = new ReplayScheduler(List.of(step(1, "b", 0), step(2, "a", 0)), SchedulerSpec.random(1));
        assertEquals("b", r.next(snapshot(0, "a", "b")));
        r.stepped(step(1, "b", 0));
        assertEquals("a", r.next(snapshot(1, "a", "b")));
        r.stepped(step(2, "a", 7));
        Divergence d = r.divergence();
        assertNotNull(d);
        assertEquals("step 2, a, load: expected load(x) ok value=0, got load(x) ok value=7", d.toString());
        assertNull(r.next(snapshot(2, "a")));

        ReplayScheduler blocked = new ReplayScheduler(List.of(step(1, "c", 0)), SchedulerSpec.random(1));
        assertNull(blocked.next(snapshot(0, "a", "b")));
        assertEquals(
                "step 1, c, load: expected enabled for load(x) ok value=0, got c blocked on load(x): ",
                blocked.divergence().toString());
    }

    @Test
    void shrinkCandidatesTryTheFewestSwitchesFirst() {
        List<StepEvent> steps = List.of(step(1, "a", 0), step(2, "b", 0), step(3, "a", 0), step(4, "b", 0));
        List<List<String>> c = Shrinker.candidates(steps);
        assertEquals(List.of("a"), c.getFirst(), "a prefix without a switch first");
        assertTrue(c.indexOf(List.of("a", "b")) < c.indexOf(List.of("a", "b", "a")));
        assertEquals(List.of("b", "a", "b"), c.get(c.size() - 4 + 0), "then the schedule without its first block");
    }
}
