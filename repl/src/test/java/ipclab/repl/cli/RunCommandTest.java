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
            assertFalse(Files.exists(state.runs()) && Files.list(state.runs()).findAny().isPresent(), "no run registered");
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
        try (StateDir state = new StateDir(); SysvTool q = SysvTool.queue()) {
            int key = q.key().orElseThrow();
            state.staleRun("crashed", "msg", q.id(), key);
            Ipclab r = Ipclab.run("run", ValidateCommandTest.HELLO);
            assertTrue(r.err().startsWith(String.format("ipclab: removed msg id=%d key=0x%08x (run of crashed, pid %d), left by a run that died%n",
                    q.id(), key, ProcessHandle.current().pid())), r.toString());
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
            assertTrue(r.out().lines().anyMatch(l -> l.matches("q\\s+msgq\\s+1,000\\s+1,000\\s+0\\s+0\\s+0\\s+0\\s.*")), r.out());
            assertTrue(r.out().lines().anyMatch(l -> l.matches("producer\\s+writer\\s+\\d+\\s+0\\s.*")), r.out());
            assertTrue(r.out().contains("consumer.received == producer.sent"), r.out());
            assertTrue(r.out().endsWith("ok\n"), r.out());
            JsonNode report = new ObjectMapper().readTree(json.toFile());
            Set<String> top = new java.util.HashSet<>();
            report.fieldNames().forEachRemaining(top::add);
            assertTrue(top.containsAll(Set.of("scenario", "seed", "ok", "durationMs", "host", "processes", "channels",
                    "counters", "leaks", "expectations")), top.toString());
            assertTrue(report.get("ok").asBoolean());
            assertEquals(0, report.get("leaks").size());
        }
    }
}
