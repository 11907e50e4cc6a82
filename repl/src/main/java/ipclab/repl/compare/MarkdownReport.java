package ipclab.repl.compare;

import ipclab.dsl.model.ByteSize;
import ipclab.dsl.verdict.Figure;
import ipclab.dsl.verdict.Measurements;
import ipclab.dsl.verdict.Verdict;
import java.util.List;
import java.util.Map;

/**
 * The comparison as Markdown, for a README, an issue or a lab report: the verdicts table, the
 * figures that decide each verdict, one table per figure (sizes down, systems across), the charts
 * (linked files beside it) and the conditions.
 */
final class MarkdownReport {
    private MarkdownReport() {}

    static String write(Comparison c, List<ComparisonCharts.Chart> charts) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(c.title()).append(": the comparison on this machine\n\n");
        md.append(
                c.repeats() > 1
                        ? "Each figure is the median of " + c.repeats()
                                + " runs, with min and max; a figure whose spread "
                                + "exceeds 10% of its median is noisy, and no verdict is drawn from it.\n\n"
                        : "Each figure comes from one run.\n\n");
        md.append("## Verdicts\n\n| claim | verdict | on this machine |\n| --- | --- | --- |\n");
        for (Verdict v : c.verdicts()) {
            md.append("| `")
                    .append(cell(v.claim()))
                    .append("` | ")
                    .append(badge(v.kind()))
                    .append(" | ")
                    .append(cell(v.summary()))
                    .append(" |\n");
        }
        md.append('\n');
        for (Verdict v : c.verdicts()) {
            if (v.figures().isEmpty()) continue;
            md.append("**`").append(v.claim()).append("`**\n\n");
            v.figures().forEach(f -> md.append("- ").append(f).append('\n'));
            md.append('\n');
        }
        Measurements m = c.measurements();
        for (Figure f : Figure.values()) {
            List<Long> sizes = m.sizes(f);
            if (sizes.isEmpty()) continue;
            md.append("## ").append(f.text()).append("\n\n| size |");
            List<String> systems = m.systems().stream()
                    .filter(s -> sizes.stream().anyMatch(z -> m.point(s, f, z).isPresent()))
                    .toList();
            systems.forEach(s -> md.append(' ').append(s).append(" |"));
            md.append("\n| ---: |");
            systems.forEach(s -> md.append(" ---: |"));
            md.append('\n');
            for (long size : sizes) {
                md.append("| ").append(ByteSize.of(size)).append(" |");
                for (String s : systems)
                    md.append(' ').append(cell(value(m, s, f, size))).append(" |");
                md.append('\n');
            }
            md.append('\n');
        }
        if (!charts.isEmpty()) {
            md.append("## Charts\n\n");
            for (ComparisonCharts.Chart ch : charts) {
                md.append("![")
                        .append(ch.caption())
                        .append("](")
                        .append(ch.svg().getFileName())
                        .append(")\n\n");
            }
        }
        md.append("## Conditions\n\n| | |\n| --- | --- |\n");
        for (Map.Entry<String, String> e : c.conditions().rows().entrySet()) {
            md.append("| ")
                    .append(e.getKey())
                    .append(" | ")
                    .append(cell(e.getValue()))
                    .append(" |\n");
        }
        return md.toString();
    }

    /** A cell's text: the median with min–max, "not possible ..." for a cell that could not run, "-" for none. */
    static String value(Measurements m, String system, Figure f, long size) {
        return m.point(system, f, size)
                .map(p -> p.measured() ? f.format(p.samples()) : p.unavailable())
                .orElse("-");
    }

    static String badge(Verdict.Kind k) {
        return switch (k) {
            case CONFIRMED -> "✅ confirmed";
            case REFUTED -> "❌ refuted";
            case RANGE -> "◐ holds only in a range";
            case INCONCLUSIVE -> "❔ inconclusive";
        };
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
