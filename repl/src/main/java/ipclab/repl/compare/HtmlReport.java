package ipclab.repl.compare;

import ipclab.dsl.model.ByteSize;
import ipclab.dsl.verdict.Figure;
import ipclab.dsl.verdict.Measurements;
import ipclab.dsl.verdict.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The comparison as one HTML page that needs nothing else: styles inline, charts embedded as SVG
 * data URIs (sharp when printed or zoomed), no script or font from the network. A teacher can
 * open it, print it or send it as one file. A small script marks on {@code <body>} how many charts
 * the browser drew ({@code data-charts-rendered}), which the browser test reads.
 */
final class HtmlReport {
    private static final String STYLE = """
            body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: #1d2125;
                   max-width: 1100px; margin: 2em auto; padding: 0 1.2em; }
            h1 { font-size: 1.6em; margin-bottom: .2em; } h2 { margin-top: 1.8em; border-bottom: 1px solid #ddd; }
            .lead { color: #555; margin-top: 0; }
            table { border-collapse: collapse; width: 100%; margin: .6em 0; }
            th, td { border: 1px solid #ddd; padding: .4em .6em; text-align: left; vertical-align: top; }
            th { background: #f4f5f7; } td.num { text-align: right; white-space: nowrap; }
            code { font: .92em "DejaVu Sans Mono", ui-monospace, monospace; }
            .badge { display: inline-block; padding: .1em .6em; border-radius: 1em; font-weight: 600; white-space: nowrap; }
            .confirmed { background: #dcf3e0; color: #14632b; } .refuted { background: #fbdcdc; color: #8a1c1c; }
            .range { background: #fdf0cf; color: #7a5300; } .inconclusive { background: #e6e8ec; color: #3b4250; }
            ul.figures { margin: 0; padding-left: 1.1em; font-size: .88em; color: #333; }
            figure { margin: 1em 0; } img.chart { width: 100%; max-width: 900px; height: auto; border: 1px solid #eee; }
            figcaption { color: #555; font-size: .9em; }
            footer { margin-top: 2em; color: #777; font-size: .85em; }
            """;
    /** Counts the charts the browser decoded and drew, once everything has loaded. */
    private static final String SCRIPT = """
            window.addEventListener('load', function () {
              var drawn = 0;
              document.querySelectorAll('img.chart').forEach(function (img) {
                var box = img.getBoundingClientRect();
                if (img.complete && img.naturalWidth > 0 && box.width > 0 && box.height > 0) drawn++;
              });
              document.body.setAttribute('data-charts-rendered', String(drawn));
            });
            """;

    private HtmlReport() {}

    static String write(Comparison c, List<ComparisonCharts.Chart> charts) throws IOException {
        StringBuilder h = new StringBuilder();
        String title = c.title() + ": the comparison on this machine";
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>")
                .append(esc(title))
                .append("</title>\n<style>\n")
                .append(STYLE)
                .append("</style>\n</head>\n")
                .append("<body data-charts-total=\"")
                .append(charts.size())
                .append("\" data-charts-rendered=\"0\">\n");
        h.append("<h1>")
                .append(esc(title))
                .append("</h1>\n<p class=\"lead\">")
                .append(
                        c.repeats() > 1
                                ? "Each figure is the median of " + c.repeats() + " runs, shown with its min and max. "
                                        + "A figure whose spread exceeds 10% of its median is noisy, and no verdict is drawn from it."
                                : "Each figure comes from one run.")
                .append("</p>\n");
        verdicts(h, c.verdicts());
        if (!charts.isEmpty()) {
            h.append("<h2 id=\"charts\">Charts</h2>\n");
            for (ComparisonCharts.Chart ch : charts) {
                String svg = Base64.getEncoder().encodeToString(Files.readAllBytes(ch.svg()));
                h.append("<figure><img class=\"chart\" id=\"chart-")
                        .append(ch.figure().text())
                        .append("\" width=\"")
                        .append(ComparisonCharts.WIDTH)
                        .append("\" height=\"")
                        .append(ComparisonCharts.HEIGHT)
                        .append("\" alt=\"")
                        .append(esc(ch.caption()))
                        .append("\" src=\"data:image/svg+xml;base64,")
                        .append(svg)
                        .append("\">")
                        .append("<figcaption>")
                        .append(esc(ch.caption()))
                        .append("</figcaption></figure>\n");
            }
        }
        figures(h, c.measurements());
        h.append("<h2 id=\"conditions\">Conditions</h2>\n<table class=\"conditions\">\n");
        for (Map.Entry<String, String> e : c.conditions().rows().entrySet()) {
            h.append("<tr><th>")
                    .append(esc(e.getKey()))
                    .append("</th><td>")
                    .append(esc(e.getValue()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n<footer>Written by ipclab ")
                .append(esc(c.conditions().ipclabVersion()))
                .append(". The JSON, the Markdown and the charts as PNG and SVG lie beside this page.</footer>\n")
                .append("<script>\n")
                .append(SCRIPT)
                .append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void verdicts(StringBuilder h, List<Verdict> verdicts) {
        h.append("<h2 id=\"verdicts\">Verdicts</h2>\n<table class=\"verdicts\">\n")
                .append(
                        "<thead><tr><th>claim</th><th>verdict</th><th>on this machine</th><th>the figures that decide it</th></tr></thead>\n<tbody>\n");
        for (Verdict v : verdicts) {
            String kind = ComparisonJson.kind(v.kind());
            h.append("<tr class=\"verdict\" data-verdict=\"")
                    .append(kind)
                    .append("\"><td><code>")
                    .append(esc(v.claim()))
                    .append("</code></td><td><span class=\"badge ")
                    .append(kind)
                    .append("\">")
                    .append(esc(v.kind().label()))
                    .append("</span></td><td>")
                    .append(esc(v.summary()))
                    .append("</td><td><ul class=\"figures\">");
            v.figures().forEach(f -> h.append("<li>").append(esc(f)).append("</li>"));
            h.append("</ul></td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private static void figures(StringBuilder h, Measurements m) {
        h.append("<h2 id=\"figures\">Figures</h2>\n");
        for (Figure f : Figure.values()) {
            List<Long> sizes = m.sizes(f);
            if (sizes.isEmpty()) continue;
            List<String> systems = m.systems().stream()
                    .filter(s -> sizes.stream().anyMatch(z -> m.point(s, f, z).isPresent()))
                    .toList();
            h.append("<h3>").append(esc(f.text())).append("</h3>\n<table class=\"figure\">\n<thead><tr><th>size</th>");
            systems.forEach(s -> h.append("<th>").append(esc(s)).append("</th>"));
            h.append("</tr></thead>\n<tbody>\n");
            for (long size : sizes) {
                h.append("<tr><th>").append(ByteSize.of(size)).append("</th>");
                for (String s : systems)
                    h.append("<td class=\"num\">")
                            .append(esc(MarkdownReport.value(m, s, f, size)))
                            .append("</td>");
                h.append("</tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
