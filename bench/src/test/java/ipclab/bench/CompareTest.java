package ipclab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compare reads the files compare.sh leaves, pairs them by case and repeat, and judges the ratios. */
class CompareTest {
    @TempDir
    Path dir;

    private void ref(String name, int rep, String json) throws IOException {
        Files.writeString(dir.resolve(name + "." + rep + ".ipcref.json"), json + "\n");
    }

    private void lab(String name, int rep, boolean ok, String channel, String processes) throws IOException {
        Files.writeString(
                dir.resolve(name + "." + rep + ".ipclab.json"),
                "{\"ok\": " + ok + ", \"channels\": [" + channel + "], \"processes\": [" + processes
                        + "], \"failures\": [" + (ok ? "" : "{\"message\": \"link lost 3 messages\"}") + "]}");
    }

    private static String pingProcs(long ping, long pong, long n) {
        return "{\"role\": \"pinger\", \"sent\": " + n + ", \"syscalls\": {\"msgsnd\": " + ping / 2 + ", \"msgrcv\": "
                + (ping - ping / 2) + "}}," + "{\"role\": \"echo\", \"received\": " + n
                + ", \"syscalls\": {\"msgsnd\": " + pong / 2 + ", \"msgrcv\": " + (pong - pong / 2) + "}}";
    }

    @Test
    void pingpongRatioIsTheMedianOfPairedRatiosAndSyscallsArePerRoundTrip() throws IOException {
        String c = "pingpong-msgq-64";
        long[] refP50 = {20_000, 10_000, 40_000};
        long[] labP50 = {22_000, 30_000, 40_000}; // ratios 1.1, 3.0, 1.0: median 1.1
        for (int i = 0; i < 3; i++) {
            ref(
                    c,
                    i + 1,
                    "{\"mech\":\"msgq\",\"mode\":\"pingpong\",\"p50_ns\":" + refP50[i]
                            + ",\"syscalls_per_msg\":2.000,\"child_syscalls_per_msg\":2.000}");
            lab(
                    c,
                    i + 1,
                    true,
                    "{\"latencyNs\": {\"p50\": " + labP50[i] + "}, \"throughput\": {\"mibPerSec\": 1.0}}",
                    pingProcs(2000, 2000, 1000));
        }
        List<Compare.Row> rows = Compare.read(dir);
        assertEquals(1, rows.size());
        Compare.Row r = rows.getFirst();
        assertEquals("msgq", r.mech());
        assertEquals(1.1, r.median(Compare.Pair::ratio), 1e-9);
        assertEquals(1.0, r.minRatio(), 1e-9);
        assertEquals(3.0, r.maxRatio(), 1e-9);
        assertEquals(2.0, r.median(Compare.Pair::labSys), 1e-9);
        assertEquals("ok", r.verdict());
        String line = String.join("\n", Compare.table(rows).render(new ipclab.repl.report.Style(false, false)));
        assertTrue(
                line.contains("pingpong-msgq-64")
                        && line.contains("20.0 us")
                        && line.contains("30.0 us")
                        && line.contains("1.10")
                        && line.contains("1.00-3.00"),
                line);
    }

    @Test
    void streamBelowTheAimWithExtraSyscallsIsSlow() throws IOException {
        String c = "stream-shm-sem-4096";
        ref(
                c,
                1,
                "{\"mech\":\"shm-sem\",\"mode\":\"stream\",\"mib_per_s\":1000.0,\"syscalls_per_msg\":2.000,\"child_syscalls_per_msg\":2.000}");
        lab(
                c,
                1,
                true,
                "{\"latencyNs\": null, \"throughput\": {\"mibPerSec\": 500.0}}",
                "{\"role\": \"writer\", \"sent\": 100, \"syscalls\": {\"semop\": 300}}, {\"role\": \"reader\", \"received\": 100, \"syscalls\": {\"semop\": 200}}");
        Compare.Row r = Compare.read(dir).getFirst();
        assertEquals("shm-sem", r.mech());
        assertEquals("slow: 0.50x < 0.85, more syscalls", r.verdict());
    }

    @Test
    void aSmallMessageStreamIsJudgedByTheSmallAim() throws IOException {
        String c = "stream-shm-spin-64";
        ref(
                c,
                1,
                "{\"mech\":\"shm-spin\",\"mode\":\"stream\",\"mib_per_s\":1000.0,\"syscalls_per_msg\":0,\"child_syscalls_per_msg\":0}");
        lab(
                c,
                1,
                true,
                "{\"latencyNs\": null, \"throughput\": {\"mibPerSec\": 700.0}}",
                "{\"role\": \"writer\", \"sent\": 100}, {\"role\": \"reader\", \"received\": 100}");
        Compare.Row r = Compare.read(dir).getFirst();
        assertEquals(64, r.size());
        assertEquals(0.6, r.aim(), 1e-9);
        assertEquals("ok", r.verdict());
        String c2 = "stream-shm-spin-4096";
        ref(
                c2,
                1,
                "{\"mech\":\"shm-spin\",\"mode\":\"stream\",\"mib_per_s\":1000.0,\"syscalls_per_msg\":0,\"child_syscalls_per_msg\":0}");
        lab(
                c2,
                1,
                true,
                "{\"latencyNs\": null, \"throughput\": {\"mibPerSec\": 700.0}}",
                "{\"role\": \"writer\", \"sent\": 100}, {\"role\": \"reader\", \"received\": 100}");
        Compare.Row big = Compare.read(dir).stream()
                .filter(x -> x.name().equals(c2))
                .findFirst()
                .orElseThrow();
        assertEquals("slow: 0.70x < 0.85", big.verdict());
    }

    @Test
    void aFailedOrMissingRunIsNamed() throws IOException {
        String c = "pingpong-shm-spin-64";
        ref(
                c,
                1,
                "{\"mech\":\"shm-spin\",\"mode\":\"pingpong\",\"p50_ns\":200,\"syscalls_per_msg\":0,\"child_syscalls_per_msg\":0}");
        lab(c, 1, false, "{\"latencyNs\": {\"p50\": 250}}", pingProcs(0, 0, 10));
        ref(
                c,
                2,
                "{\"mech\":\"shm-spin\",\"mode\":\"pingpong\",\"p50_ns\":200,\"syscalls_per_msg\":0,\"child_syscalls_per_msg\":0}");
        Compare.Row r = Compare.read(dir).getFirst();
        assertEquals("FAILED 2/2: ipclab run not ok: link lost 3 messages", r.verdict());
        assertEquals(1.25, r.median(Compare.Pair::ratio), 1e-9);
        assertTrue(
                r.pairs().get(1).failure().startsWith("ipclab gave no report (no file"),
                r.pairs().get(1).failure());
    }
}
