package ipclab.repl.report;

import ipclab.engine.run.RunReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A free run's replay: the recorded figures beside the new ones and their difference, per run
 * (one per sweep combination), channel and counter. Figures that depend on the schedule or the
 * clock (throughput, latency, lost updates) may differ; message counts should not.
 */
public final class FigureComparison {
    private final Style style;

    public FigureComparison(Style style) {
        this.style = style;
    }

    public List<String> render(List<RunReport> recorded, List<RunReport> now) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.max(recorded.size(), now.size()); i++) {
            RunReport a = i < recorded.size() ? recorded.get(i) : null, b = i < now.size() ? now.get(i) : null;
            if (recorded.size() > 1) {
                if (i > 0) out.add("");
                Map<String, String> params = (a != null ? a : b).params();
                out.add("run " + (i + 1) + ": "
                        + String.join(
                                " ",
                                params.entrySet().stream()
                                        .map(e -> e.getKey() + "=" + e.getValue())
                                        .toList()));
            }
            TextTable t = new TextTable()
                    .text("figure")
                    .number("recorded")
                    .number("now")
                    .number("difference");
            if (a != null && b != null) {
                for (RunReport.ChannelFigures c : a.channels()) {
                    RunReport.ChannelFigures d = channel(b, c.name());
                    if (d == null) continue;
                    String n = c.name() + ".";
                    row(t, n + "sent", c, d, x -> x.counts().sent(), false);
                    row(t, n + "received", c, d, x -> x.counts().received(), false);
                    row(t, n + "lost", c, d, x -> x.counts().lost(), false);
                    row(t, n + "msgs/s", c, d, x -> x.throughput().msgsPerSec(), true);
                    row(t, n + "MiB/s", c, d, x -> x.throughput().mibPerSec(), true);
                    rowNs(t, n + "p50", c.latencyNs().p50(), d.latencyNs().p50());
                    rowNs(t, n + "p99", c.latencyNs().p99(), d.latencyNs().p99());
                    row(t, n + "syscalls/msg", c, d, RunReport.ChannelFigures::syscallsPerMessage, true);
                }
                a.counters().forEach((name, c) -> {
                    RunReport.Counter d = b.counters().get(name);
                    if (d == null) return;
                    plain(t, name + ".final", c.finalValue(), d.finalValue());
                    plain(t, name + ".lostUpdates", c.lostUpdates(), d.lostUpdates());
                });
                rowNs(t, "duration", a.durationMs() * 1_000_000, b.durationMs() * 1_000_000);
                t.row()
                        .cell("outcome")
                        .cell(a.outcome().name().toLowerCase(Locale.ROOT))
                        .cell(b.outcome().name().toLowerCase(Locale.ROOT))
                        .cell(
                                a.outcome() == b.outcome() ? "" : "differs",
                                a.outcome() == b.outcome() ? Style.Tone.PLAIN : Style.Tone.WARN);
            } else {
                t.row()
                        .cell("the run")
                        .cell(a == null ? "-" : "recorded")
                        .cell(b == null ? "-" : "ran")
                        .cell("missing", Style.Tone.WARN);
            }
            out.addAll(t.render(style));
        }
        return out;
    }

    private static RunReport.ChannelFigures channel(RunReport r, String name) {
        for (RunReport.ChannelFigures c : r.channels()) if (c.name().equals(name)) return c;
        return null;
    }

    private static void row(
            TextTable t,
            String name,
            RunReport.ChannelFigures a,
            RunReport.ChannelFigures b,
            ToDoubleFunction<RunReport.ChannelFigures> f,
            boolean measured) {
        double x = f.applyAsDouble(a), y = f.applyAsDouble(b);
        if (!measured) {
            plain(t, name, (long) x, (long) y);
            return;
        }
        t.row().cell(name).cell(Units.decimal(x)).cell(Units.decimal(y)).cell(percent(x, y));
    }

    private static void plain(TextTable t, String name, long x, long y) {
        t.row()
                .cell(name)
                .cell(Units.count(x))
                .cell(Units.count(y))
                .cell(
                        x == y ? "=" : String.format(Locale.ROOT, "%+,d", y - x),
                        x == y ? Style.Tone.PLAIN : Style.Tone.WARN);
    }

    private static void rowNs(TextTable t, String name, long x, long y) {
        t.row().cell(name).cell(Units.nanos(x)).cell(Units.nanos(y)).cell(percent(x, y));
    }

    /** {@code +12%}, {@code =}, or {@code -} when the recorded figure is 0. */
    static String percent(double x, double y) {
        if (x == y) return "=";
        if (x == 0) return "-";
        return String.format(Locale.ROOT, "%+.0f%%", (y - x) / x * 100);
    }
}
