package ipclab.repl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ipclab.repl.Ipclab;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** {@code ipclab ipcs} against real objects made by util-linux ipcmk. */
class IpcsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEYS = Set.of("kind", "key", "id", "owner", "uid", "mode", "bytes", "messages",
            "nsems", "nattch", "status", "cpid", "lpid", "lspid", "lrpid", "ipclab");

    /** An object made by ipcmk; removed by close(). */
    private record Made(String kind, int id, String rmFlag) implements AutoCloseable {
        static Made with(String kind, String rmFlag, String... ipcmkArgs) throws Exception {
            String text = exec(concat("ipcmk", ipcmkArgs));
            Matcher m = Pattern.compile("id: (\\d+)").matcher(text);
            if (!m.find()) throw new AssertionError("ipcmk printed no id: " + text);
            return new Made(kind, Integer.parseInt(m.group(1)), rmFlag);
        }

        @Override public void close() throws IOException {
            try {
                exec("ipcrm", rmFlag, Integer.toString(id));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted removing " + kind + " " + id, e);
            }
        }
    }

    private static String[] concat(String first, String... rest) {
        String[] a = new String[rest.length + 1];
        a[0] = first;
        System.arraycopy(rest, 0, a, 1, rest.length);
        return a;
    }

    private static String exec(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        if (rc != 0) throw new AssertionError(String.join(" ", cmd) + " exited " + rc + ": " + text);
        return text;
    }

    private static JsonNode find(JsonNode arr, String kind, int id) {
        return StreamSupport.stream(arr.spliterator(), false)
                .filter(n -> n.get("kind").asText().equals(kind) && n.get("id").asInt() == id)
                .findFirst().orElse(null);
    }

    @Test
    void jsonListsAQueueWithItsKeyAndId() throws Exception {
        try (Made q = Made.with("msg", "-q", "-Q", "-p", "0640")) {
            Ipclab r = Ipclab.run("ipcs", "--json");
            assertEquals(0, r.code(), r.toString());
            JsonNode arr = JSON.readTree(r.out());
            assertTrue(arr.isArray());
            JsonNode n = find(arr, "msg", q.id());
            assertTrue(n != null, "queue " + q.id() + " not in " + r.out());
            assertEquals(KEYS, iterSet(n));
            String procLine = procLine("msg", q.id());
            int key = Integer.parseInt(procLine.strip().split("\\s+")[0]);
            assertEquals(String.format("0x%08x", key), n.get("key").asText());
            assertEquals("640", n.get("mode").asText());
            assertEquals(0, n.get("messages").asLong());
            assertEquals(0, n.get("bytes").asLong());
            assertTrue(n.get("nattch").isNull());
            assertEquals(System.getProperty("user.name"), n.get("owner").asText());
            assertFalse(n.get("ipclab").asBoolean());

            Ipclab mine = Ipclab.run("ipcs", "--json", "--mine");
            assertEquals(0, mine.code(), mine.toString());
            assertEquals(null, find(JSON.readTree(mine.out()), "msg", q.id()), "--mine lists ipcmk's queue: " + mine.out());
        }
    }

    @Test
    void jsonListsSharedMemoryAndSemaphores() throws Exception {
        try (Made shm = Made.with("shm", "-m", "-M", "4096"); Made sem = Made.with("sem", "-s", "-S", "2")) {
            JsonNode arr = JSON.readTree(Ipclab.run("ipcs", "--json").out());
            JsonNode s = find(arr, "shm", shm.id());
            assertEquals(4096, s.get("bytes").asLong());
            assertEquals(0, s.get("nattch").asLong());
            assertEquals("", s.get("status").asText());
            assertTrue(s.get("cpid").asInt() > 0, "ipcmk's pid as creator");
            assertTrue(s.get("lspid").isNull());
            JsonNode m = find(arr, "sem", sem.id());
            assertEquals(2, m.get("nsems").asInt());
            assertTrue(m.get("bytes").isNull());

            JsonNode only = JSON.readTree(Ipclab.run("ipcs", "--json", "--kind", "sem").out());
            assertTrue(StreamSupport.stream(only.spliterator(), false).allMatch(n -> n.get("kind").asText().equals("sem")));
            assertTrue(find(only, "sem", sem.id()) != null);
        }
    }

    @Test
    void tableHasOneSectionPerKind() throws Exception {
        try (Made q = Made.with("msg", "-q", "-Q")) {
            Ipclab r = Ipclab.run("ipcs");
            assertEquals(0, r.code(), r.toString());
            List<String> lines = r.out().lines().toList();
            int at = lines.indexOf("Message queues");
            assertTrue(at >= 0, r.out());
            assertTrue(lines.get(at + 1).matches("key\\s+msqid\\s+owner\\s+mode\\s+used-bytes\\s+messages\\s+lspid\\s+lrpid\\s+ipclab"), lines.get(at + 1));
            assertTrue(lines.contains("Shared memory segments") && lines.contains("Semaphore arrays"), r.out());
            String row = lines.stream().filter(l -> l.matches("0x\\p{XDigit}{8}\\s+" + q.id() + "\\s.*")).findFirst().orElseThrow();
            assertTrue(row.matches(".*\\s644\\s+0\\s+0\\s+0\\s+0\\s+no"), row);
            // columns line up: the id ends where the header's "msqid" ends
            assertEquals(lines.get(at + 1).indexOf("msqid") + 5, row.indexOf(" " + q.id() + " ") + 1 + Integer.toString(q.id()).length());
        }
    }

    @Test
    void mineWithNothingOfIpclabsSaysNone() {
        Ipclab r = Ipclab.run("ipcs", "--mine", "--kind", "msg");
        assertEquals(0, r.code(), r.toString());
        assertEquals("Message queues\n(none)\n", r.out());
    }

    private static Set<String> iterSet(JsonNode n) {
        java.util.Set<String> s = new java.util.HashSet<>();
        n.fieldNames().forEachRemaining(s::add);
        return s;
    }

    private static String procLine(String kind, int id) throws IOException {
        return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/sysvipc", kind)).stream().skip(1)
                .filter(l -> l.strip().split("\\s+")[1].equals(Integer.toString(id))).findFirst().orElseThrow();
    }
}
