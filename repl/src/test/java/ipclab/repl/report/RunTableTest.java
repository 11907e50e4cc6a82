package ipclab.repl.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ipclab.engine.run.RunReport;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The run table on hand-made reports in the JSON contract of issue 4, read back into the typed
 * reports the table renders (a sweep: {@code {scenario, runs[]}}).
 */
class RunTableTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode load(String name) throws IOException {
        try (InputStream in = RunTableTest.class.getResourceAsStream("/reports/" + name)) {
            return JSON.readTree(in);
        }
    }

    private static String render(String name, Style style) throws IOException {
        JsonNode tree = load(name);
        RunTable table = new RunTable(style);
        List<String> lines;
        if (tree.has("runs")) {
            List<RunReport> runs = new ArrayList<>();
            for (JsonNode run : tree.get("runs")) runs.add(JSON.treeToValue(run, RunReport.class));
            lines = table.renderSweep(tree.get("scenario").asText(), runs);
        } else {
            lines = table.render(JSON.treeToValue(tree, RunReport.class));
        }
        return String.join("\n", lines) + "\n";
    }

    @Test
    void oneRun() throws IOException {
        assertEquals("""
                scenario shm-vs-msgq  seed 42  ran 1.23 s  (kernel 6.18.44, 2 cpus, java 25.0.3)

                channel  type    sent  received  lost  dup  corrupt  reorder  msgs/s  MiB/s     p50      p99      max  syscalls/msg    setup
                jobs     msgq  10,000     9,990    10    0        0        0    812k   3.17  850 ns  3.10 us  1.25 ms          2.00  15.3 us
                ring     shm        0         0     -    -        -        -       -      -       -        -        -             -   120 us

                process    role           sent  received   pid  exit  user ms  sys ms  vol cs  invol cs  faults min/maj  syscalls  ready ms  cpus
                producer   writer       10,000         0  4242     0      120    31.0      12         3         1,203/0    10,001       412  0 pinned
                consumer   reader            0     9,990  4243   137     98.0    45.5   9,876         4         1,100/2     9,990       398  0-1
                counter-1  incrementer       0         0  4244     0     5.00   0.400       1         0           700/0         0       450  -

                counter  final  expected  lost updates
                ring     1,500     2,000           500

                expectations
                ✗  consumer.received == producer.sent  consumer.received=9990, producer.sent=10000
                ✓  jobs.latency.p50 < 50us             jobs.latency.p50=850ns

                failures
                  died consumer: killed by SIGKILL (after 812 ms)
                    consumer: received 9990 of 10000
                  loss: jobs lost 10 messages (after 1.30 s)

                ✗ 2 failures, 1 claim refuted
                """, render("run.json", new Style(false, true)));
    }

    @Test
    void colourOnlyWhenAllowed() throws IOException {
        String coloured = render("run.json", new Style(true, true));
        org.junit.jupiter.api.Assertions.assertTrue(
                coloured.contains("\u001b[31m137\u001b[0m"), "a non-zero exit in red");
        org.junit.jupiter.api.Assertions.assertTrue(
                coloured.contains("\u001b[32m\u2713\u001b[0m"), "a kept claim in green");
        org.junit.jupiter.api.Assertions.assertEquals(
                render("run.json", new Style(false, true)),
                coloured.replaceAll("\u001b\\[[0-9;]*m", ""),
                "colour adds nothing but escapes");
    }

    @Test
    void aSweepIsOneRowPerCombination() throws IOException {
        assertEquals("""
                sweep size-sweep  2 runs

                producer.size  ok     sent  received  lost  msgs/s  MiB/s      p50      p99  syscalls/msg  claims
                64B            ok    1,000     1,000     0    250k   15.3   900 ns  4.00 us          2.00  1/1
                64KiB          FAIL  1,000       998     2   20.0k   1250  45.0 us   120 us          2.01  0/1
                FAIL processes.producer.size=64KiB: jobs.lost == 0  (jobs.lost=2)

                FAIL 1 of 2 runs refuted a claim
                """, render("sweep.json", new Style(false, false)));
    }

    @Test
    void aCounterSweepShowsTheCountersNotTraffic() throws IOException {
        assertEquals("""
                sweep race  2 runs

                counter.sync  ok      final   expected  lost updates  claims
                none          ok  1,342,117  2,000,000       657,883  1/1
                semaphore     ok  2,000,000  2,000,000             0  1/1

                ok all 2 runs ok
                """, render("race-sweep.json", new Style(false, false)));
    }
}
