package ipclab.repl.compare;

import ipclab.dsl.model.ByteSize;
import ipclab.dsl.verdict.Figure;
import ipclab.dsl.verdict.Measurements;
import ipclab.dsl.verdict.Samples;
import ipclab.repl.report.Style;
import ipclab.repl.report.TextTable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A repeated sweep's figures for the terminal: one row per system and size, each figure as its
 * median with min and max ({@code 87.1 MiB/s (84.4–90.5)}), a noisy one (spread over 10% of its
 * median) marked and painted, a combination this machine cannot run with its reason.
 */
public final class RepeatTable {
    private RepeatTable() {}

    /** The figures shown, when measured. */
    static final List<Figure> FIGURES = List.of(
            Figure.THROUGHPUT,
            Figure.LATENCY,
            Figure.SYSCALLS_PER_MESSAGE,
            Figure.LOST_UPDATES,
            Figure.RETRIES_PER_MESSAGE);

    public static List<String> render(Measurements m, int repeats, Style style) {
        List<Figure> shown = FIGURES.stream()
                .filter(f -> m.points().stream().anyMatch(p -> p.figure() == f))
                .toList();
        TextTable t = new TextTable().text("system").number("size");
        for (Figure f : shown) t.number(f.text());
        Set<String> rows = new LinkedHashSet<>();
        for (Measurements.Point p : m.points()) {
            if (!shown.contains(p.figure()) || !rows.add(p.system() + "\u0000" + p.size())) continue;
            TextTable.Row row = t.row()
                    .cell(p.system())
                    .cell(p.size() == 0 ? "" : ByteSize.of(p.size()).toString());
            for (Figure f : shown) {
                Measurements.Point cell = m.point(p.system(), f, p.size()).orElse(null);
                if (cell == null) row.cell("");
                else if (!cell.measured()) row.cell(cell.unavailable(), Style.Tone.DIM);
                else {
                    Samples s = cell.samples();
                    row.cell(f.format(s), s.noisy() ? Style.Tone.WARN : Style.Tone.PLAIN);
                }
            }
        }
        List<String> out = new ArrayList<>();
        out.add(style.paint(Style.Tone.HEAD, "median (min–max) of " + repeats + " runs") + "  noisy: spread over "
                + Math.round(Samples.NOISE_THRESHOLD * 100) + "% of the median");
        out.addAll(t.render(style));
        return out;
    }
}
