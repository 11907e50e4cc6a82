package ipclab.repl.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.engine.protocol.StepOp;
import ipclab.engine.protocol.StepOutcome;
import ipclab.engine.protocol.StepResult;
import ipclab.engine.run.StepEvent;
import ipclab.engine.schedule.SchedulerSpec;
import ipclab.engine.trace.Trace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sequence diagram's rows: one column per process, the shared state where a step changes it, a lost update named. */
class TraceRowsTest {
    private static StepEvent step(int n, String p, StepOp op, String channel, StepResult r, long value) {
        long none = StepOutcome.NONE;
        return new StepEvent(n, p, new StepOutcome(op, channel, r, value, none, none, none, none, none));
    }

    private static Trace trace(List<StepEvent> steps) {
        return new Trace(
                "0",
                "t",
                Trace.Scenario.of("s", "s.yaml", "name: s\n"),
                1,
                new Trace.Host("k", 2, "j", Map.of()),
                SchedulerSpec.random(1),
                steps,
                List.of());
    }

    @Test
    void loadLoadStoreStoreShowsTheLostUpdate() {
        TraceRows rows = TraceRows.of(trace(List.of(
                step(1, "a", StepOp.LOAD, "counter", StepResult.OK, 0),
                step(2, "b", StepOp.LOAD, "counter", StepResult.OK, 0),
                step(3, "a", StepOp.STORE, "counter", StepResult.OK, 1),
                step(4, "b", StepOp.STORE, "counter", StepResult.OK, 1))));
        assertEquals(List.of("a", "b"), rows.processes());
        assertEquals(
                List.of("", "", "counter=1", "counter=1 (unchanged: an update lost)"),
                rows.rows().stream().map(TraceRows.Row::state).toList());
        List<String> text = new TraceDiagram(new Style(false, false)).render(rows);
        String gap = " ".repeat(26); // a column as wide as "store(counter) ok value=1", then two spaces
        assertEquals("step  a" + gap + "b" + gap + "shared state", text.getFirst());
        assertEquals("   2  |" + gap + "load(counter) ok value=0", text.get(2));
        assertTrue(TraceSvg.render(rows, "s").contains(">counter=1 (unchanged: an update lost)</text>"));
    }

    @Test
    void aQueueCountsWhatIsInItAndABlockedTryChangesNothing() {
        TraceRows rows = TraceRows.of(trace(List.of(
                step(1, "r", StepOp.MSGRCV, "q", StepResult.WOULD_BLOCK, StepOutcome.NONE),
                step(2, "w", StepOp.MSGSND, "q", StepResult.OK, StepOutcome.NONE),
                step(3, "r", StepOp.MSGRCV, "q", StepResult.OK, StepOutcome.NONE))));
        assertEquals(
                List.of("", "q: 1 message queued", "q: 0 messages queued"),
                rows.rows().stream().map(TraceRows.Row::state).toList());
        assertTrue(rows.rows().getFirst().blocked());
    }
}
