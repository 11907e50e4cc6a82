package ipclab.repl.report;

import ipclab.engine.run.Outcome;
import ipclab.engine.run.RunReport;
import ipclab.engine.run.RunReport.ChannelFigures;
import ipclab.engine.run.RunReport.Counter;
import ipclab.engine.run.RunReport.ExpectationResult;
import ipclab.engine.run.RunReport.Failure;
import ipclab.engine.run.RunReport.ProcessFigures;
import ipclab.repl.report.Style.Tone;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run's report for people, rendered from the typed {@link RunReport} (the same records the JSON
 * report is written from, so the table and {@code --json} never disagree). A sweep gets one compact
 * table with a row per combination.
 *
 * <p>Absent figures print as {@code -}; losses, crashes and refuted claims are coloured when the
 * {@link Style} allows.
 */
public final class RunTable {
    private final Style style;

    public RunTable(Style style) {
        this.style = style;
    }

    /** The lines for one run's report. */
    public List<String> render(RunReport r) {
        return render(r, null, List.of(), List.of());
    }

    /**
     * The lines for one run's report, with the scenario's description under the headline, figures
     * computed from the run's (shm's break-even) under the channels, and warnings about likely
     * distorted figures (each saying what to do) before the verdict.
     */
    public List<String> render(RunReport r, String description, List<String> computed, List<String> warnings) {
        RunNotes notes = new RunNotes(style);
        List<String> out = new ArrayList<>();
        out.add(headline(r));
        out.addAll(notes.description(description));
        Map<String, String> params = r.params();
        if (!params.isEmpty()) out.add("params: " + paramsText(params));
        section(out, channels(r));
        out.addAll(notes.allowedLoss(r));
        out.addAll(computed);
        section(out, processes(r));
        section(out, notes.events(r));
        section(out, counters(r));
        out.addAll(new FaultsTable(style).render(r));
        List<ExpectationResult> exps = r.expectations();
        if (!exps.isEmpty()) {
            out.add("");
            out.add(style.paint(Tone.HEAD, "expectations"));
            TextTable t = new TextTable().text("").text("claim").text("actual");
            for (ExpectationResult e : exps) {
                t.row()
                        .cell(e.ok() ? style.pass() : style.fail(), e.ok() ? Tone.GOOD : Tone.BAD)
                        .cell(Nulls.text(e.text()))
                        .cell(Nulls.text(e.actual()));
            }
            List<String> lines = t.render(style);
            out.addAll(lines.subList(1, lines.size()));
        }
        List<Failure> failures = r.failures();
        if (!failures.isEmpty()) {
            out.add("");
            out.add(style.paint(Tone.HEAD, "failures"));
            for (Failure f : failures) {
                out.add("  " + style.paint(Tone.BAD, failure(f)));
                for (String l : Nulls.list(f.log())) out.add("    " + style.paint(Tone.DIM, l));
            }
        }
        List<String> leaks = r.leaks();
        if (!leaks.isEmpty()) {
            out.add("");
            out.add(style.paint(Tone.HEAD, "leaks"));
            for (String l : leaks) out.add(style.paint(Tone.BAD, "  " + l));
        }
        if (!warnings.isEmpty()) {
            out.add("");
            out.addAll(notes.warnings(warnings));
        }
        out.add("");
        out.add(verdict(r));
        return out;
    }

    private String headline(RunReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(style.paint(Tone.HEAD, "scenario " + Nulls.text(r.scenario())));
        sb.append("  seed ").append(r.seed());
        sb.append("  ran ").append(Units.millis(r.durationMs()));
        RunReport.Host host = r.host();
        if (host != null) {
            List<String> h = new ArrayList<>();
            if (host.kernel() != null) h.add("kernel " + host.kernel());
            h.add(host.cpus() + " cpus");
            if (host.java() != null) h.add("java " + host.java());
            sb.append("  (").append(String.join(", ", h)).append(')');
        }
        return sb.toString();
    }

    private TextTable channels(RunReport r) {
        TextTable t = new TextTable().columns(RunColumns.CHANNEL);
        for (ChannelFigures c : r.channels()) t.row().cells(RunColumns.CHANNEL, c);
        return t;
    }

    private TextTable processes(RunReport r) {
        TextTable t = new TextTable().columns(RunColumns.PROCESS);
        for (ProcessFigures p : r.processes()) t.row().cells(RunColumns.PROCESS, p);
        return t;
    }

    private TextTable counters(RunReport r) {
        TextTable t = new TextTable().text("counter").columns(RunColumns.COUNTER);
        r.counters().forEach((name, k) -> t.row().cell(name).cells(RunColumns.COUNTER, k));
        return t;
    }

    /** The lines for a sweep: one row per combination (and per busy channel), then what went wrong, then the verdict. */
    public List<String> renderSweep(String scenario, List<RunReport> runs) {
        return renderSweep(scenario, runs, null, List.of(), List.of());
    }

    /** As {@link #renderSweep(String, List)}, with the description under the headline and warnings before the verdict. */
    public List<String> renderSweep(
            String scenario, List<RunReport> runs, String description, List<String> computed, List<String> warnings) {
        RunNotes notes = new RunNotes(style);
        List<String> out = new ArrayList<>();
        out.add(style.paint(Tone.HEAD, "sweep " + Nulls.text(scenario)) + "  " + runs.size() + " runs");
        out.addAll(notes.description(description));
        Set<String> errors = new LinkedHashSet<>();
        for (RunReport run : runs) errors.addAll(RunNotes.errorTotals(run).keySet());
        Set<String> keys = new LinkedHashSet<>();
        boolean manyChannels = false;
        boolean traffic = false;
        boolean counters = false;
        for (RunReport run : runs) {
            keys.addAll(run.params().keySet());
            List<ChannelFigures> busy = busyChannels(run);
            manyChannels |= busy.size() > 1;
            traffic |= !busy.isEmpty();
            counters |= !run.counters().isEmpty();
        }
        TextTable t = new TextTable();
        for (String k : keys) t.text(shortParam(k));
        if (manyChannels) t.text("channel");
        t.text("ok");
        if (traffic) t.columns(RunColumns.SWEEP_TRAFFIC);
        if (counters) t.columns(RunColumns.COUNTER);
        for (String e : errors) t.number(e);
        t.text("claims");
        for (RunReport run : runs) {
            List<ChannelFigures> rows = busyChannels(run);
            if (rows.isEmpty()) rows.add(null); // one row for the run, its traffic absent
            for (int i = 0; i < rows.size(); i++) {
                ChannelFigures c = rows.get(i);
                TextTable.Row row = t.row();
                for (String k : keys) row.cell(Nulls.text(run.params().get(k)));
                if (manyChannels) row.cell(c == null ? "" : c.name());
                row.cell(run.ok() ? style.pass() : style.fail(), run.ok() ? Tone.GOOD : Tone.BAD);
                if (traffic) row.cells(RunColumns.SWEEP_TRAFFIC, c);
                if (counters)
                    row.cells(RunColumns.COUNTER, counterFor(run.counters(), c == null ? "" : c.name(), i == 0));
                Map<String, Long> errs = RunNotes.errorTotals(run);
                for (String e : errors) {
                    Long v = i == 0 ? errs.get(e) : null;
                    row.cell(
                            v == null ? (i == 0 ? "0" : "") : Units.count(v),
                            v != null && v > 0 ? Tone.WARN : Tone.PLAIN);
                }
                List<ExpectationResult> exps = run.expectations();
                row.cell(claims(exps), claimsTone(exps));
            }
        }
        out.add("");
        out.addAll(t.render(style));
        out.addAll(computed);
        for (RunReport run : runs)
            out.addAll(notes.allowedLoss(run).stream()
                    .map(l -> l + "  [" + paramsText(run.params()) + "]")
                    .toList());
        for (RunReport run : runs) {
            String p = paramsText(run.params());
            for (Failure f : run.failures()) out.add(style.paint(Tone.BAD, style.fail() + " " + p + ": " + failure(f)));
            for (String l : run.leaks()) out.add(style.paint(Tone.BAD, "leak " + p + ": " + l));
            for (ExpectationResult e : run.expectations()) {
                if (!e.ok())
                    out.add(style.paint(Tone.BAD, style.fail() + " " + p + ": " + e.text() + "  (" + e.actual() + ")"));
            }
        }
        int failed = 0;
        int refuted = 0;
        for (RunReport run : runs) {
            switch (Outcome.of(run)) {
                case FAILED -> failed++;
                case REFUTED -> refuted++;
                case OK -> {}
            }
        }
        if (!warnings.isEmpty()) {
            out.add("");
            out.addAll(notes.warnings(warnings));
        }
        out.add("");
        if (failed == 0 && refuted == 0) {
            out.add(style.paint(Tone.GOOD, style.pass() + " all " + runs.size() + " runs ok"));
        } else {
            List<String> why = new ArrayList<>();
            if (failed > 0) why.add(failed + " of " + runs.size() + " runs failed");
            if (refuted > 0) why.add(refuted + " of " + runs.size() + " runs refuted a claim");
            out.add(style.paint(Tone.BAD, style.fail() + " " + String.join(", ", why)));
        }
        return out;
    }

    /** A failure: {@code died consumer: killed by SIGKILL (after 812 ms)}. */
    static String failure(Failure f) {
        List<String> who = new ArrayList<>();
        if (f.kind() != null) who.add(f.kind().label());
        if (f.process() != null) who.add(f.process());
        String what = Nulls.text(f.message());
        String text = who.isEmpty() ? what : String.join(" ", who) + ": " + what;
        return text + " (after " + Units.millis(f.atMs()) + ")";
    }

    /** Channels that carried messages (a counter-only segment carries none). */
    private static List<ChannelFigures> busyChannels(RunReport run) {
        List<ChannelFigures> out = new ArrayList<>();
        for (ChannelFigures c : run.channels()) if (!RunColumns.idle(c)) out.add(c);
        return out;
    }

    /** The counter of that channel, or the run's only counter on its first row, or null. */
    private static Counter counterFor(Map<String, Counter> counters, String channel, boolean firstRow) {
        if (counters.containsKey(channel)) return counters.get(channel);
        if (firstRow && counters.size() == 1)
            return counters.values().iterator().next();
        return null;
    }

    /** {@code processes.producer.size} reads as {@code producer.size} in a column header. */
    static String shortParam(String path) {
        for (String p : List.of("processes.", "channels.")) if (path.startsWith(p)) return path.substring(p.length());
        return path;
    }

    private static String paramsText(Map<String, String> params) {
        List<String> kv = new ArrayList<>();
        params.forEach((k, v) -> kv.add(k + "=" + v));
        return String.join(" ", kv);
    }

    private static String claims(List<ExpectationResult> exps) {
        if (exps.isEmpty()) return "-";
        long ok = exps.stream().filter(ExpectationResult::ok).count();
        return ok + "/" + exps.size();
    }

    private static Tone claimsTone(List<ExpectationResult> exps) {
        for (ExpectationResult e : exps) if (!e.ok()) return Tone.BAD;
        return exps.isEmpty() ? Tone.PLAIN : Tone.GOOD;
    }

    private String verdict(RunReport r) {
        long refuted = r.expectations().stream().filter(e -> !e.ok()).count();
        int failures = r.failures().size() + r.leaks().size();
        if (Outcome.of(r) == Outcome.OK) return style.paint(Tone.GOOD, style.pass() + " ok");
        List<String> why = new ArrayList<>();
        if (failures > 0) why.add(failures + (failures == 1 ? " failure" : " failures"));
        if (refuted > 0) why.add(refuted + (refuted == 1 ? " claim refuted" : " claims refuted"));
        if (why.isEmpty()) why.add("run failed");
        return style.paint(Tone.BAD, style.fail() + " " + String.join(", ", why));
    }

    private void section(List<String> out, TextTable t) {
        if (t.isEmpty()) return;
        out.add("");
        out.addAll(t.render(style));
    }
}
