package ipclab.repl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ipclab.dsl.ScenarioLoader;
import ipclab.repl.Ipclab;
import ipclab.repl.StateDir;
import ipclab.repl.compare.HtmlReportBrowserTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, as a user runs it: {@code ipclab run scenarios/compare.yaml --quick
 * --out DIR}, once for the class. Which verdicts this machine gives is its business; that every
 * claim gets one, that a refuted claim is named with exit 3, and that the folder holds every file
 * and renders in a browser is ours.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class CompareCommandTest {
    static final String COMPARE = "../scenarios/compare.yaml";

    @TempDir
    static Path tmp;

    static StateDir state;
    static Path out;
    static Ipclab run;

    @BeforeAll
    static void runTheComparison() throws Exception {
        state = new StateDir();
        out = tmp.resolve("report");
        run = Ipclab.run("run", COMPARE, "--quick", "--out", out.toString());
    }

    @AfterAll
    static void restore() throws Exception {
        state.close();
    }

    /** Every compare: claim of every part of the file, as written. */
    static List<String> claims() throws Exception {
        List<String> out = new ArrayList<>();
        ObjectMapper yaml = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        try (var parser = yaml.getFactory().createParser(Path.of(COMPARE).toFile())) {
            for (var docs = yaml.readValues(parser, JsonNode.class); docs.hasNext(); ) {
                JsonNode doc = docs.next();
                if (doc != null && doc.has("compare")) doc.get("compare").forEach(c -> out.add(c.asText()));
            }
        }
        return out;
    }

    @Test
    void everyClaimGetsAVerdictAndARefutedOneIsNamed() throws Exception {
        List<String> claims = claims();
        assertTrue(claims.size() >= 20, "the comparison states the notes' claims: " + claims);
        assertTrue(run.code() == 0 || run.code() == 3, run.toString());
        String table = run.out().substring(run.out().indexOf("verdicts on this machine"));
        for (String c : claims) {
            String shown = c.contains(" #") ? c.substring(0, c.indexOf(" #")).strip() : c;
            assertTrue(
                    table.lines()
                            .anyMatch(l -> l.contains(shown)
                                    && (l.contains("confirmed")
                                            || l.contains("refuted")
                                            || l.contains("holds only in a range")
                                            || l.contains("inconclusive"))),
                    "no verdict for '" + shown + "':\n" + table);
        }
        JsonNode json = new ObjectMapper().readTree(out.resolve("compare.json").toFile());
        boolean refuted = false;
        for (JsonNode v : json.get("verdicts")) {
            if (v.get("verdict").asText().equals("refuted")) {
                refuted = true;
                String c = v.get("claim").asText();
                String shown =
                        c.contains(" #") ? c.substring(0, c.indexOf(" #")).strip() : c;
                assertTrue(
                        run.out().contains("refuted: " + shown),
                        "the refuted claim is named: " + shown + "\n" + run.out());
            }
        }
        assertEquals(refuted ? 3 : 0, run.code(), run.toString());
        assertTrue(
                table.contains("note on 'compare-leak.leaks == 0': "), "the leak claim says where the leak lesson is");
    }

    @Test
    void theFolderHoldsJsonMarkdownHtmlAndBothChartsAsPngAndSvg() throws Exception {
        for (String f : List.of(
                "compare.json",
                "compare.md",
                "compare.html",
                "latency.png",
                "latency.svg",
                "throughput.png",
                "throughput.svg")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f + " missing or empty in " + out + "\n" + run);
        }
        String md = Files.readString(out.resolve("compare.md"));
        assertTrue(md.contains("msgmax = "), "a size beyond msgmax is said, not failed:\n" + md);
        JsonNode json = new ObjectMapper().readTree(out.resolve("compare.json").toFile());
        assertEquals(claims().size(), json.get("verdicts").size());
        assertTrue(
                json.toString().contains("loadBefore") || json.toString().contains("load"),
                "the conditions are in the report");
    }

    @Test
    @Tag("browser")
    void theRealReportRendersInHeadlessChromium() throws Exception {
        // Two dozen claims with their figures push the charts below the screenshot: the page's own
        // count of charts drawn at a non-zero size stands for them.
        HtmlReportBrowserTest.assertRenders(tmp, out, claims().size(), List.of("confirmed"), false);
    }

    @Test
    void theCommandLineCanOverrideAndAddSweepAxes() throws Exception {
        // -p adds an axis to the parts that have the process: nothing to run needed to see the plan.
        var loaded = ScenarioLoader.load(Path.of("../scenarios/hello.yaml"));
        assertEquals(1, loaded.plans().size());
        assertEquals(
                java.util.Map.of("processes.producer.size", List.of("64", "1KiB")),
                RunCommand.sweepAxes(List.of("processes.producer.size=64,1KiB")));
        Ipclab bad = Ipclab.run("run", "../scenarios/hello.yaml", "-p", "processes.nobody.size=64");
        assertEquals(2, bad.code(), bad.toString());
        assertTrue(
                bad.err().contains("-p processes.nobody.size: ../scenarios/hello.yaml has no such channel or process"),
                bad.err());
    }
}
