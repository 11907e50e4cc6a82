package ipclab.repl.report;

import ipclab.engine.run.RunReport;
import ipclab.engine.run.RunReport.ChannelFigures;
import ipclab.engine.run.RunReport.ProcessFigures;
import ipclab.repl.report.Style.Tone;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a report says besides its figure tables, so that a student needs no JSON: the scenario's
 * description, each process's events (EAGAIN, ENOMSG, EIDRM, would-block retries, warm-up), the
 * loss a lossy channel allows with its share, and the warnings about figures that are likely
 * distorted.
 */
public final class RunNotes {
    /** Error events first: they are what blocking-vs-nowait and the queue lessons are about. */
    static final List<String> ERRORS = List.of("EAGAIN", "ENOMSG", "EIDRM", "EINTR", "would-block", "refused");

    private static final int WIDTH = 100;

    private final Style style;

    public RunNotes(Style style) {
        this.style = style;
    }

    /** The description wrapped to the terminal's usual width; nothing when there is none. */
    public List<String> description(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) return out;
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > WIDTH) {
                out.add(style.paint(Tone.DIM, line.toString()));
                line.setLength(0);
            }
            if (!line.isEmpty()) line.append(' ');
            line.append(word);
        }
        if (!line.isEmpty()) out.add(style.paint(Tone.DIM, line.toString()));
        return out;
    }

    /** One row per process with events, one column per event (errors first); empty when none had any. */
    public TextTable events(RunReport r) {
        Set<String> names = new LinkedHashSet<>();
        for (String e : ERRORS)
            for (ProcessFigures p : list(r.processes())) if (events(p).containsKey(e)) names.add(e);
        for (ProcessFigures p : list(r.processes())) names.addAll(events(p).keySet());
        TextTable t = new TextTable().text("events");
        for (String n : names) t.number(n);
        if (names.isEmpty()) return t;
        for (ProcessFigures p : list(r.processes())) {
            Map<String, Long> ev = events(p);
            if (ev.isEmpty()) continue;
            TextTable.Row row = t.row().cell(p.name());
            for (String n : names) {
                Long v = ev.get(n);
                row.cell(v == null ? "-" : Units.count(v), v != null && ERRORS.contains(n) ? Tone.WARN : Tone.PLAIN);
            }
        }
        return t;
    }

    /** The error events of a run, summed over its processes, by name (for a sweep's columns). */
    public static Map<String, Long> errorTotals(RunReport r) {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        for (String e : ERRORS) {
            long sum = 0;
            boolean any = false;
            for (ProcessFigures p : list(r.processes())) {
                Long v = events(p).get(e);
                if (v != null) {
                    sum += v;
                    any = true;
                }
            }
            if (any) out.put(e, sum);
        }
        return out;
    }

    /**
     * A line per channel that lost messages its type allows to lose, e.g. {@code ring: 36,607 of
     * 40,000 lost (91.5%), 116 corrupted: loss that sync: none allows, not a failure}.
     */
    public List<String> allowedLoss(RunReport r) {
        List<String> out = new ArrayList<>();
        for (ChannelFigures c : list(r.channels())) {
            if (!c.lossExpected() || (c.counts().lost() == 0 && c.counts().corrupted() == 0)) continue;
            String share = c.counts().sent() == 0
                    ? ""
                    : String.format(
                            Locale.ROOT,
                            " (%.1f%%)",
                            100.0 * c.counts().lost() / c.counts().sent());
            String corrupt = c.counts().corrupted() == 0
                    ? ""
                    : ", " + Units.count(c.counts().corrupted()) + " corrupted";
            String why = c.type().equals("shm")
                    ? "an unsynchronised ring (sync: none) allows"
                    : c.type().toUpperCase(Locale.ROOT) + " allows";
            out.add(style.paint(
                    Tone.WARN,
                    "allowed loss  " + c.name() + ": " + Units.count(c.counts().lost()) + " of "
                            + Units.count(c.counts().sent()) + " lost" + share + corrupt + ": loss that " + why
                            + ", not a failure"));
        }
        return out;
    }

    /** Warning lines, each with what to do. */
    public List<String> warnings(List<String> warnings) {
        List<String> out = new ArrayList<>();
        for (String w : warnings) out.add(style.paint(Tone.WARN, "warning  " + w));
        return out;
    }

    /**
     * Several scenarios run in turn (files, or a Java file's members, e.g. examples/PingPong.java):
     * one row per busy channel of each run, side by side.
     *
     * @param labels one per report: the scenario's label and, in a sweep, its combination
     */
    public List<String> summary(List<String> labels, List<RunReport> reports) {
        TextTable t = new TextTable().text("summary").text("").columns(RunColumns.SUMMARY);
        for (int i = 0; i < reports.size(); i++) {
            RunReport r = reports.get(i);
            boolean first = true;
            for (ChannelFigures c : list(r.channels())) {
                if (RunColumns.idle(c)) continue;
                t.row()
                        .cell(first ? labels.get(i) : "")
                        .cell(
                                first
                                        ? (ipclab.engine.run.Outcome.of(r) == ipclab.engine.run.Outcome.OK
                                                ? style.pass()
                                                : style.fail())
                                        : "",
                                first ? (r.ok() ? Tone.GOOD : Tone.BAD) : Tone.PLAIN)
                        .cells(RunColumns.SUMMARY, c);
                first = false;
            }
        }
        return t.isEmpty() ? List.of() : t.render(style);
    }

    private static Map<String, Long> events(ProcessFigures p) {
        return p.events() == null ? Map.of() : p.events();
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }
}
