package ipclab.repl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ipclab.repl.Ipclab;
import ipclab.repl.StateDir;
import ipclab.repl.SysvTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SuppressWarnings("try") // a StateDir works by being open
class RunCommandTest {
    @Test
    void anInvalidFileExits2AndCreatesNothing(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                name: bad
                channels:
                  q: {type: msgq}
                processes:
                  w: {role: writer, channel: q, size: 4 KiBs}
                  r: {role: reader, channel: q}
                """);
        Path json = dir.resolve("report.json");
        try (StateDir state = new StateDir()) {
            Ipclab r = Ipclab.run("run", bad.toString(), "--json", json.toString());
            assertEquals(2, r.code(), r.toString());
            assertEquals("", r.out());
            assertTrue(r.err().startsWith(bad + ":5:"), r.err());
            assertTrue(r.err().contains("processes.w.size"), r.err());
            assertFalse(Files.exists(json), "no report for a run that never started");
            assertFalse(
                    Files.exists(state.runs())
                            && Files.list(state.runs()).findAny().isPresent(),
                    "no run registered");
        }
    }

    @Test
    void aMissingFileExits2() {
        Ipclab r = Ipclab.run("run", "no/such.yaml");
        assertEquals(2, r.code(), r.toString());
        assertEquals("no/such.yaml: no such file\n", r.err());
    }

    @Test
    void staleObjectsOfDeadRunsAreRemovedFirst() throws Exception {
        try (StateDir state = new StateDir();
                SysvTool q = SysvTool.queue()) {
            int key = q.key().orElseThrow();
            state.staleRun("crashed", "msg", q.id(), key);
            Ipclab r = Ipclab.run("run", ValidateCommandTest.HELLO);
            assertTrue(
                    r.err()
                            .startsWith(String.format(
                                    "ipclab: removed msg id=%d key=0x%08x (run of crashed, pid %d), left by a run that died%n",
                                    q.id(), key, ProcessHandle.current().pid())),
                    r.toString());
            assertFalse(q.exists());
        }
    }

    @Test
    void helloRunsAndReports(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("hello.json");
        try (StateDir state = new StateDir()) {
            Ipclab r = Ipclab.run("run", ValidateCommandTest.HELLO, "--json", json.toString());
            assertEquals(0, r.code(), r.toString());
            assertTrue(r.out().startsWith("scenario hello  seed "), r.out());
            assertTrue(
                    r.out().lines().anyMatch(l -> l.matches("q\\s+msgq\\s+1,000\\s+1,000\\s+0\\s+0\\s+0\\s+0\\s.*")),
                    r.out());
            assertTrue(
                    r.out().lines().anyMatch(l -> l.matches("producer\\s+writer\\s+1,000\\s+0\\s+\\d+\\s+0\\s.*")),
                    r.out());
            assertTrue(r.out().contains("consumer.received == producer.sent"), r.out());
            assertTrue(r.out().endsWith("ok\n"), r.out());
            JsonNode report = new ObjectMapper().readTree(json.toFile());
            Set<String> top = new java.util.HashSet<>();
            report.fieldNames().forEachRemaining(top::add);
            assertTrue(
                    top.containsAll(Set.of(
                            "scenario",
                            "seed",
                            "ok",
                            "durationMs",
                            "host",
                            "processes",
                            "channels",
                            "counters",
                            "leaks",
                            "expectations")),
                    top.toString());
            assertTrue(report.get("ok").asBoolean());
            assertEquals(0, report.get("leaks").size());
        }
    }

    @Test
    void aSweepRunsEachCombinationAndARefutedClaimExits3(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("sizes.yaml");
        Files.writeString(f, """
                name: sizes
                channels:
                  q: {type: msgq}
                processes:
                  producer: {role: writer, channel: q, messages: 20}
                  consumer: {role: reader, channel: q}
                sweep:
                  processes.producer.size: [64, 1KiB]
                expect:
                  - consumer.received == producer.sent
                  - consumer.received == 21
                """);
        Path json = dir.resolve("sizes.json");
        try (StateDir state = new StateDir()) {
            Ipclab r = Ipclab.run("run", f.toString(), "--json", json.toString());
            assertEquals(3, r.code(), r.toString());
            assertEquals("run 1/2: processes.producer.size=64\nrun 2/2: processes.producer.size=1KiB\n", r.err());
            assertTrue(r.out().startsWith("sweep sizes  2 runs\n"), r.out());
            assertTrue(r.out().lines().anyMatch(l -> l.matches("64\\s+\u2717\\s+20\\s+20\\s+0\\s.*\\s1/2")), r.out());
            assertTrue(r.out().lines().anyMatch(l -> l.matches("1KiB\\s+\u2717\\s+20\\s+20\\s+0\\s.*\\s1/2")), r.out());
            assertTrue(
                    r.out()
                            .contains(
                                    "\u2717 processes.producer.size=64: consumer.received == 21  (consumer.received=20)"),
                    r.out());
            assertTrue(r.out().endsWith("\u2717 2 of 2 runs refuted a claim\n"), r.out());
            JsonNode report = new ObjectMapper().readTree(json.toFile());
            assertEquals("sizes", report.get("scenario").asText());
            assertEquals(2, report.get("runs").size());
            assertEquals(
                    "1KiB",
                    report.get("runs")
                            .get(1)
                            .get("params")
                            .get("processes.producer.size")
                            .asText());
            assertEquals(
                    1024,
                    report.get("runs")
                                    .get(1)
                                    .get("channels")
                                    .get(0)
                                    .get("bytes")
                                    .asLong()
                            / 20);
        }
    }
}
