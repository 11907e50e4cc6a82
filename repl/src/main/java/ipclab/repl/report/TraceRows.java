package ipclab.repl.report;

import ipclab.engine.protocol.StepOutcome;
import ipclab.engine.protocol.StepResult;
import ipclab.engine.run.RunReport;
import ipclab.engine.run.StepEvent;
import ipclab.engine.trace.Trace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A stepped trace as a sequence diagram's rows: one column per process (plan order), one row per
 * step, and the shared state where a step changes it, worked out from the outcomes alone: a
 * counter's value after a store or an atomic add (a store that leaves it as it was is a lost update, and says so), a queue's or a socket's messages in flight, a
 * ring's full slots and racy cursor. {@link TraceDiagram} draws them for the terminal, {@link TraceSvg} as SVG.
 *
 * @param processes the columns
 * @param rows      one per step
 */
public record TraceRows(List<String> processes, List<Row> rows) {
    /**
     * @param step    1-based
     * @param process whose step it is
     * @param what    the outcome without its channel: {@code load(counter) ok value=0}
     * @param state   what changed in shared state ({@code counter=1}), or empty
     * @param blocked the step would have blocked (drawn dim)
     */
    public record Row(int step, String process, String what, String state, boolean blocked) {}

    public static TraceRows of(Trace t) {
        Set<String> names = new LinkedHashSet<>();
        for (RunReport r : t.reports()) for (RunReport.ProcessFigures p : r.processes()) names.add(p.name());
        for (StepEvent e : t.steps()) names.add(e.process());
        Map<String, Long> inFlight = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (StepEvent e : t.steps()) {
            StepOutcome o = e.outcome();
            rows.add(new Row(
                    e.step(),
                    e.process(),
                    o.toString(),
                    state(o, inFlight),
                    o.result().blocks()));
        }
        return new TraceRows(List.copyOf(names), rows);
    }

    private static String state(StepOutcome o, Map<String, Long> inFlight) {
        String c = o.channel();
        boolean ok = o.result() == StepResult.OK;
        return switch (o.op()) {
            case STORE -> ok ? store(inFlight, c, o.value()) : "";
            case ATOMIC_ADD -> ok && o.value() != StepOutcome.NONE ? store(inFlight, c, o.value() + 1) : "";
            case CURSOR_STORE -> ok ? c + ".cursor=" + o.value() : "";
            case MSGSND, SEND, WRITE, SLOT_PUBLISH -> ok ? move(inFlight, c, +1, o) : "";
            case MSGRCV, RECV, READ, SLOT_RELEASE ->
                ok || o.result() == StepResult.END_OF_STREAM ? move(inFlight, c, -1, o) : "";
            case END -> o.channel().isEmpty() ? "" : c + ": a writer ended";
            default -> "";
        };
    }

    /** A counter's new value; storing the value it already holds is an increment lost. */
    private static String store(Map<String, Long> values, String c, long v) {
        Long before = values.put(c + "#value", v);
        return c + "=" + v + (before != null && before == v ? " (unchanged: an update lost)" : "");
    }

    private static String move(Map<String, Long> inFlight, String c, int by, StepOutcome o) {
        long n = Math.max(0, inFlight.getOrDefault(c, 0L) + by);
        inFlight.put(c, n);
        String unit =
                switch (o.op()) {
                    case SLOT_PUBLISH, SLOT_RELEASE -> n == 1 ? "full slot" : "full slots";
                    default -> n == 1 ? "message queued" : "messages queued";
                };
        return c + ": " + n + " " + unit;
    }
}
