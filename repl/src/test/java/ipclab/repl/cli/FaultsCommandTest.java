package ipclab.repl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ipclab.repl.Ipclab;
import ipclab.repl.StateDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Faults on purpose, through the command line: a writer killed after 1000 messages, a queue
 * removed at 500 ms. Each run ends with a report naming the fault, when it acted and what each
 * process saw; its claims decide the exit status; and nothing is left: no run record (the
 * supervisor's leak check found every object gone), no worker process, the removed queue not in
 * /proc/sysvipc/msg.
 */
@SuppressWarnings("try") // a StateDir works by being open
class FaultsCommandTest {
    static final String KILL = "../scenarios/faults/kill-writer.yaml";
    static final String REMOVE = "../scenarios/faults/remove-queue.yaml";

    @Test
    void aWriterKilledAfter1000MessagesIsNamedAndItsClaimsDecide(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("kill.json");
        try (StateDir state = new StateDir()) {
            Ipclab r = Ipclab.run("run", KILL, "--json", json.toString());
            assertEquals(0, r.code(), r.toString());
            assertTrue(
                    r.out()
                            .lines()
                            .anyMatch(
                                    l -> l.matches(
                                            "kill producer after 1000 messages\\s+\\d+ ms\\s+SIGKILL sent by producer to itself after 1000 messages")),
                    r.out());
            assertTrue(
                    r.out()
                            .lines()
                            .anyMatch(l -> l.matches("producer\\s+writer\\s+[\\d,]+\\s+[\\d,]+\\s+\\d+\\s+137\\s.*")),
                    r.out());
            assertFalse(r.out().contains("died"), "a kill on purpose is no death\n" + r.out());
            JsonNode report = new ObjectMapper().readTree(json.toFile());
            JsonNode fault = report.get("faults").get(0);
            assertEquals("kill", fault.get("action").asText());
            assertTrue(fault.get("atMs").asLong() >= 0, fault.toString());
            assertEquals(1000, report.get("channels").get(0).get("received").asLong());
            assertNothingLeft(state, report);
        }
    }

    /**
     * Off a queue, a killed writer's readers end as they would have: a stream or FIFO at end of
     * file, a ring because the supervisor counts the writer done for it (and on a semaphore ring puts
     * the end marker in a slot), a datagram socket because the supervisor sends the writer's end
     * marker. The reader exits 0 with its report, so the 1000 messages are received, none lost.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "type: shm\n    sync: semaphore",
                "type: shm\n    sync: spin",
                "type: socket\n    domain: unix-dgram",
                "type: pipe"
            })
    void aKilledWritersReaderEndsCleanlyWithWhatItGotOnEveryMechanism(String channel, @TempDir Path dir)
            throws Exception {
        Path yaml = dir.resolve("kill.yaml");
        Files.writeString(yaml, Files.readString(Path.of(KILL)).replace("type: msgq", channel));
        Path json = dir.resolve("kill.json");
        try (StateDir state = new StateDir()) {
            Ipclab r = Ipclab.run("run", yaml.toString(), "--json", json.toString());
            assertEquals(0, r.code(), r.toString());
            JsonNode report = new ObjectMapper().readTree(json.toFile());
            JsonNode consumer = report.get("processes").get(1);
            assertEquals("consumer", consumer.get("name").asText());
            assertEquals(0, consumer.get("exitCode").asInt(), consumer.toString());
            assertEquals(1000, consumer.get("received").asLong(), consumer.toString());
            JsonNode c = report.get("channels").get(0);
            assertEquals(1000, c.get("received").asLong(), c.toString());
            assertEquals(0, c.get("lost").asLong(), c.toString());
            assertNothingLeft(state, report);
        }
    }

    @Test
    void aClaimTheKillRefutesExits3(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("kill-refuted.yaml");
        Files.writeString(
                yaml,
                Files.readString(Path.of(KILL))
                        .replace("  - producer.sent == 1000\n", "  - consumer.received == 5000\n"));
        try (StateDir state = new StateDir()) {
            Ipclab r = Ipclab.run("run", yaml.toString());
            assertEquals(3, r.code(), r.toString());
            assertTrue(r.out().contains("✗  consumer.received == 5000"), r.out());
            assertTrue(r.out().contains("kill producer after 1000 messages"), r.out());
        }
    }

    @Test
    void aQueueRemovedAt500msIsReportedWithEidrm(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("remove.json");
        try (StateDir state = new StateDir()) {
            Ipclab r = Ipclab.run("run", REMOVE, "--json", json.toString());
            assertEquals(0, r.code(), r.toString());
            assertTrue(
                    r.out()
                            .lines()
                            .anyMatch(l -> l.matches(
                                    "remove channel jobs at 500ms\\s+\\d+ ms\\s+msgctl\\(\\d+, IPC_RMID\\).*")),
                    r.out());
            assertTrue(r.out().lines().anyMatch(l -> l.matches("consumer\\s+EIDRM 1\\s+\\(exit 1\\)")), r.out());
            assertFalse(r.out().contains("died"), r.out());
            JsonNode report = new ObjectMapper().readTree(json.toFile());
            JsonNode consumer = report.get("processes").get(1);
            assertEquals(1, consumer.get("events").get("errors.EIDRM").asLong(), consumer.toString());
            String result = report.get("faults").get(0).get("result").asText();
            String id = result.substring("msgctl(".length(), result.indexOf(','));
            try (Stream<String> rows = Files.lines(Path.of("/proc/sysvipc/msg"))) {
                assertTrue(
                        rows.skip(1).noneMatch(l -> l.trim().split("\\s+")[1].equals(id)), "queue " + id + " is gone");
            }
            assertNothingLeft(state, report);
        }
    }

    /** No leak in the report, no run record left (the supervisor removes it only when nothing is left), no worker alive. */
    static void assertNothingLeft(StateDir state, JsonNode report) throws Exception {
        assertEquals(0, report.get("leaks").size(), report.toString());
        if (Files.exists(state.runs())) {
            try (Stream<Path> s = Files.list(state.runs())) {
                assertEquals(0, s.count(), "no run record left");
            }
        }
        for (JsonNode p : report.get("processes")) {
            long pid = p.get("pid").asLong();
            assertFalse(
                    ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "worker pid " + pid + " is gone");
        }
    }
}
