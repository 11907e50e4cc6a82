package ipclab.repl.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesEveryFileOfTheOutputFolder() throws Exception {
        List<Path> written = ComparisonFiles.write(SampleComparison.build(), dir.resolve("out"));
        assertEquals(
                List.of(
                        "latency.png",
                        "latency.svg",
                        "throughput.png",
                        "throughput.svg",
                        "compare.json",
                        "compare.md",
                        "compare.html"),
                written.stream().map(p -> p.getFileName().toString()).toList());
        for (String chart : List.of("latency.png", "throughput.png")) {
            BufferedImage image = ImageIO.read(dir.resolve("out").resolve(chart).toFile());
            assertEquals(ComparisonCharts.WIDTH, image.getWidth(), chart);
            assertEquals(ComparisonCharts.HEIGHT, image.getHeight(), chart);
        }
        String svg = Files.readString(dir.resolve("out/throughput.svg"));
        assertTrue(
                svg.contains("<svg") && svg.contains("Throughput against message size") && svg.contains(">shm-spin<"),
                "SVG without title or legend");
    }

    @Test
    void theMarkdownLeadsWithTheVerdictsTable() throws Exception {
        ComparisonFiles.write(SampleComparison.build(), dir);
        List<String> md = Files.readAllLines(dir.resolve(ComparisonFiles.MARKDOWN));
        int table = md.indexOf("| claim | verdict | on this machine |");
        assertEquals(
                List.of(
                        "| claim | verdict | on this machine |",
                        "| --- | --- | --- |",
                        "| `shm-sem beats msgq in throughput from 16KiB up` | ❔ inconclusive | could not be measured from 16KiB up: msgq: not possible on this machine (msgmax = 8192) |",
                        "| `shm-sem beats msgq in throughput` | ◐ holds only in a range | holds only from 4KiB up |",
                        "| `msgq.syscallsPerMessage == 2` | ✅ confirmed | holds at 64B |",
                        "| `shm-spin.syscallsPerMessage == 0` | ✅ confirmed | holds at 64B |",
                        "| `msgq beats shm-sem in latency up to 4KiB` | ✅ confirmed | holds at every size from 64B to 4KiB |",
                        "| `shm-sem setup pays for itself after 10000 messages against msgq` | ✅ confirmed | holds at 64B |",
                        "| `unix beats msgq in throughput at 1KiB` | ❔ inconclusive | noisy at 1KiB (spread over 10% of the median): no verdict drawn there |"),
                md.subList(table, table + 9));
        assertTrue(
                md.contains(
                        "| 16KiB | 427 MiB/s (414–444) | not possible on this machine (msgmax = 8192) | 847 MiB/s (822–881) | 209 MiB/s (203–217) |"),
                "the throughput table's 16 KiB row");
        assertTrue(md.contains("- 1KiB: unix 52 MiB/s (40–75, noisy) vs msgq 50 MiB/s (48.5–52)  (noisy: undecided)"));
        assertTrue(
                md.contains(
                        "![Throughput against message size; median of 3 runs, bars from min to max, hollow markers noisy](throughput.svg)"));
        assertTrue(md.contains("| load after | 1.93 1.02 0.81 (1, 5, 15 min) |"));
        assertTrue(md.contains("| sem | 32000 1024000000 500 32000 |"));
    }

    @Test
    void theJsonHoldsVerdictsPointsAndConditions() throws Exception {
        ComparisonFiles.write(SampleComparison.build(), dir);
        JsonNode json =
                new ObjectMapper().readTree(dir.resolve(ComparisonFiles.JSON).toFile());
        assertEquals("sample (invented figures)", json.get("title").asText());
        assertEquals(3, json.get("repeats").asInt());
        JsonNode range = json.get("verdicts").get(1);
        assertEquals("range", range.get("verdict").asText());
        assertEquals("holds only from 4KiB up", range.get("summary").asText());
        assertEquals("shm-sem", range.get("crossovers").get(0).get("better").asText());
        assertEquals("inconclusive", json.get("verdicts").get(6).get("verdict").asText());
        JsonNode noisy = json.get("points").findParents("system").stream()
                .filter(p -> p.get("system").asText().equals("unix")
                        && p.get("size").asLong() == 1024
                        && p.get("figure").asText().equals("throughput"))
                .findFirst()
                .orElseThrow();
        assertEquals(52, noisy.get("median").asDouble());
        assertEquals(40, noisy.get("min").asDouble());
        assertEquals(75, noisy.get("max").asDouble());
        assertTrue(noisy.get("noisy").asBoolean());
        assertEquals("8192", json.at("/conditions/limits/msgmax").asText());
        assertEquals(2, json.at("/conditions/cpus").asInt());
        assertEquals("throughput.svg", json.at("/charts/1/svg").asText());
    }

    @Test
    void theHtmlIsOnePageWithTheChartsInside() throws Exception {
        ComparisonFiles.write(SampleComparison.build(), dir);
        String html = Files.readString(dir.resolve(ComparisonFiles.HTML));
        assertEquals(2, html.split("<img class=\"chart\"", -1).length - 1);
        assertTrue(html.contains("src=\"data:image/svg+xml;base64,"));
        assertTrue(!html.contains("src=\"http") && !html.contains("href=\"http"), "the page must not fetch anything");
        assertTrue(
                html.contains("<td><code>shm-sem setup pays for itself after 10000 messages against msgq</code></td>"));
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot;", HtmlReport.esc("a <b> & \"c\""));
    }
}
