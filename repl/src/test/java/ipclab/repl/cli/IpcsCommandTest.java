package ipclab.repl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ipclab.repl.Ipclab;
import ipclab.repl.StateDir;
import ipclab.repl.SysvTool;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** {@code ipclab ipcs} against real objects made by util-linux ipcmk. */
@SuppressWarnings("try") // a StateDir works by being open
class IpcsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEYS = Set.of(
            "kind",
            "key",
            "id",
            "owner",
            "uid",
            "mode",
            "bytes",
            "messages",
            "nsems",
            "nattch",
            "status",
            "cpid",
            "lpid",
            "lspid",
            "lrpid",
            "ipclab");

    private static JsonNode find(JsonNode arr, String kind, int id) {
        return StreamSupport.stream(arr.spliterator(), false)
                .filter(n -> n.get("kind").asText().equals(kind) && n.get("id").asInt() == id)
                .findFirst()
                .orElse(null);
    }

    private static Set<String> keysOf(JsonNode n) {
        Set<String> s = new HashSet<>();
        n.fieldNames().forEachRemaining(s::add);
        return s;
    }

    @Test
    void jsonListsAQueueWithItsKeyAndId() throws Exception {
        try (StateDir state = new StateDir();
                SysvTool q = SysvTool.queue()) {
            Ipclab r = Ipclab.run("ipcs", "--json");
            assertEquals(0, r.code(), r.toString());
            JsonNode arr = JSON.readTree(r.out());
            assertTrue(arr.isArray());
            JsonNode n = find(arr, "msg", q.id());
            assertNotNull(n, "queue " + q.id() + " not in " + r.out());
            assertEquals(KEYS, keysOf(n));
            assertEquals(
                    String.format("0x%08x", q.key().orElseThrow()), n.get("key").asText());
            assertEquals("644", n.get("mode").asText());
            assertEquals(0, n.get("messages").asLong());
            assertEquals(0, n.get("bytes").asLong());
            assertTrue(n.get("nattch").isNull());
            assertEquals(System.getProperty("user.name"), n.get("owner").asText());
            assertFalse(n.get("ipclab").asBoolean());

            Ipclab mine = Ipclab.run("ipcs", "--json", "--mine");
            assertEquals(0, mine.code(), mine.toString());
            assertNull(find(JSON.readTree(mine.out()), "msg", q.id()), "--mine lists ipcmk's queue: " + mine.out());
        }
    }

    @Test
    void mineListsWhatTheRegistryHolds() throws Exception {
        try (StateDir state = new StateDir();
                SysvTool ours = SysvTool.queue();
                SysvTool theirs = SysvTool.queue()) {
            state.liveRun("hello", "msg", ours.id(), ours.key().orElseThrow());
            JsonNode mine = JSON.readTree(Ipclab.run("ipcs", "--json", "--mine").out());
            assertNotNull(find(mine, "msg", ours.id()), mine.toString());
            assertTrue(find(mine, "msg", ours.id()).get("ipclab").asBoolean());
            assertNull(find(mine, "msg", theirs.id()), mine.toString());
            JsonNode all = JSON.readTree(Ipclab.run("ipcs", "--json").out());
            assertFalse(find(all, "msg", theirs.id()).get("ipclab").asBoolean());
        }
    }

    @Test
    void aRegistryEntryWithAnotherKeyIsNotIpclabs() throws Exception {
        // the id was reused by someone else after ipclab's object went: the key tells them apart
        try (StateDir state = new StateDir();
                SysvTool q = SysvTool.queue()) {
            state.liveRun("hello", "msg", q.id(), q.key().orElseThrow() + 1);
            JsonNode mine = JSON.readTree(Ipclab.run("ipcs", "--json", "--mine").out());
            assertNull(find(mine, "msg", q.id()), mine.toString());
        }
    }

    @Test
    void jsonListsSharedMemoryAndSemaphores() throws Exception {
        try (SysvTool shm = SysvTool.segment(4096);
                SysvTool sem = SysvTool.semaphores(2)) {
            JsonNode arr = JSON.readTree(Ipclab.run("ipcs", "--json").out());
            JsonNode s = find(arr, "shm", shm.id());
            assertEquals(
                    String.format("0x%08x", shm.key().orElseThrow()),
                    s.get("key").asText());
            assertEquals(4096, s.get("bytes").asLong());
            assertEquals(0, s.get("nattch").asLong());
            assertEquals("", s.get("status").asText());
            assertTrue(s.get("cpid").asInt() > 0, "ipcmk's pid as creator");
            assertTrue(s.get("lspid").isNull());
            JsonNode m = find(arr, "sem", sem.id());
            assertEquals(2, m.get("nsems").asInt());
            assertTrue(m.get("bytes").isNull());

            JsonNode only =
                    JSON.readTree(Ipclab.run("ipcs", "--json", "--kind", "sem").out());
            assertTrue(StreamSupport.stream(only.spliterator(), false)
                    .allMatch(n -> n.get("kind").asText().equals("sem")));
            assertNotNull(find(only, "sem", sem.id()));
        }
    }

    @Test
    void tableHasOneSectionPerKind() throws Exception {
        try (SysvTool q = SysvTool.queue()) {
            Ipclab r = Ipclab.run("ipcs");
            assertEquals(0, r.code(), r.toString());
            List<String> lines = r.out().lines().toList();
            int at = lines.indexOf("Message queues");
            assertTrue(at >= 0, r.out());
            String header = lines.get(at + 1);
            assertTrue(
                    header.matches(
                            "key\\s+msqid\\s+owner\\s+mode\\s+used-bytes\\s+messages\\s+lspid\\s+lrpid\\s+ipclab"),
                    header);
            assertTrue(lines.contains("Shared memory segments") && lines.contains("Semaphore arrays"), r.out());
            String row = lines.stream()
                    .filter(l -> l.matches("0x\\p{XDigit}{8}\\s+" + q.id() + "\\s.*"))
                    .findFirst()
                    .orElseThrow();
            assertTrue(row.matches(".*\\s644\\s+0\\s+0\\s+0\\s+0\\s+no"), row);
            // right-aligned: the id ends where the header's "msqid" ends
            String id = Integer.toString(q.id());
            assertEquals(header.indexOf("msqid") + "msqid".length(), row.indexOf(" " + id + " ") + 1 + id.length());
        }
    }

    @Test
    void anUnknownKindIsABadUsage() {
        Ipclab r = Ipclab.run("ipcs", "--kind", "pipe");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("ipclab: Invalid value for option '--kind'"), r.err());
    }
}
