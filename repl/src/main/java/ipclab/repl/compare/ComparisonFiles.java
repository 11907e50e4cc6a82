package ipclab.repl.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a comparison's output folder: {@code compare.json}, {@code compare.md},
 * {@code compare.html} and the charts ({@code latency.png}, {@code latency.svg},
 * {@code throughput.png}, {@code throughput.svg}). The folder is created if needed; files of
 * these names in it are replaced, nothing else is touched.
 */
public final class ComparisonFiles {
    public static final String JSON = "compare.json";
    public static final String MARKDOWN = "compare.md";
    public static final String HTML = "compare.html";

    private ComparisonFiles() {}

    /** Writes everything and returns the files written, the HTML page last. */
    public static List<Path> write(Comparison c, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<ComparisonCharts.Chart> charts = ComparisonCharts.write(c, dir);
        List<Path> out = new ArrayList<>();
        for (ComparisonCharts.Chart ch : charts) {
            out.add(ch.png());
            out.add(ch.svg());
        }
        out.add(write(dir.resolve(JSON), ComparisonJson.write(c, charts)));
        out.add(write(dir.resolve(MARKDOWN), MarkdownReport.write(c, charts)));
        out.add(write(dir.resolve(HTML), HtmlReport.write(c, charts)));
        return out;
    }

    private static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
