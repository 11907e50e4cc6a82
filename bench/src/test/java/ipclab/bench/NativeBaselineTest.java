package ipclab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * bench/native/ipcbase.c, the project's own C baseline, builds with gcc and keeps its promises:
 * every mechanism and mode runs, checks every message and counts the system calls the bench table
 * compares; a run killed half way leaves no message queue behind. Unpinned ({@code -c none}), so
 * that it runs on a one-CPU machine too. Skipped where gcc is missing.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class NativeBaselineTest {
    private static final Path SOURCE = Path.of("../bench/native/ipcbase.c");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Path binary;

    @BeforeAll
    static void build() throws Exception {
        Assumptions.assumeTrue(onPath("gcc"), "gcc is not installed");
        binary = dir.resolve("ipcbase");
        Result r =
                run(List.of("gcc", "-O2", "-Wall", "-Wextra", "-Werror", "-o", binary.toString(), SOURCE.toString()));
        assertEquals(0, r.exit, "gcc: " + r.err);
    }

    @Test
    void everyMechanismAndModeMovesEveryMessageWithTheExpectedCalls() throws Exception {
        // mech, mode, parent's calls per message (per round trip), child's
        String[][] cases = {
            {"shm-spin", "pingpong", "0.000", "0.000"}, {"shm-spin", "stream", "0.000", "0.000"},
            {"shm-sem", "pingpong", "4.000", "4.000"}, {"shm-sem", "stream", "2.000", "2.000"},
            {"msgq", "pingpong", "2.000", "2.000"}, {"msgq", "stream", "1.000", "1.000"},
            {"unix", "pingpong", "2.000", "2.000"}, {"unix", "stream", "1.000", "1.000"},
            {"tcp", "pingpong", "2.000", "2.000"}, {"tcp", "stream", "1.000", "1.000"},
            {"pipe", "pingpong", "2.000", "2.000"}, {"pipe", "stream", "1.000", "1.000"},
        };
        for (String[] c : cases) {
            Result r = run(List.of(binary.toString(), "-c", "none", "-t", "120", c[0], c[1], "256", "300"));
            String what = c[0] + " " + c[1] + ": " + r.err;
            assertEquals(0, r.exit, what);
            JsonNode j = JSON.readTree(r.out);
            assertEquals("ipcbase", j.path("tool").asText(), what);
            assertTrue(j.path("ok").asBoolean(), what);
            assertEquals(300, j.path("count").asLong(), what);
            assertEquals(100, j.path("warmup").asLong(), what);
            assertEquals("none", j.path("cpus").asText(), what);
            assertEquals(
                    c[2],
                    String.format(
                            java.util.Locale.ROOT,
                            "%.3f",
                            j.path("syscalls_per_msg").asDouble()),
                    what);
            assertEquals(
                    c[3],
                    String.format(
                            java.util.Locale.ROOT,
                            "%.3f",
                            j.path("child_syscalls_per_msg").asDouble()),
                    what);
            if (c[1].equals("pingpong")) {
                assertTrue(
                        j.path("p50_ns").asLong() > 0
                                && j.path("p50_ns").asLong() <= j.path("p99_ns").asLong(),
                        what);
            } else {
                assertTrue(j.path("mib_per_s").asDouble() > 0, what);
            }
            assertEquals(1, r.out.strip().lines().count(), "one line per run: " + r.out);
        }
    }

    @Test
    void badInputIsAUsageErrorNamingWhatIsWrong() throws Exception {
        Result r = run(List.of(binary.toString(), "carrier-pigeon", "stream", "64", "10"));
        assertEquals(2, r.exit);
        assertTrue(r.err.startsWith("ipcbase: unknown mechanism 'carrier-pigeon'\nusage: ipcbase "), r.err);
        r = run(List.of(binary.toString(), "-c", "0-1", "msgq", "stream", "64", "10"));
        assertEquals(2, r.exit);
        assertTrue(r.err.startsWith("ipcbase: -c is '0-1'; expected two CPUs like 0,1, or none"), r.err);
        r = run(List.of(binary.toString(), "msgq", "stream", "16", "10"));
        assertEquals(2, r.exit);
        assertTrue(r.err.startsWith("ipcbase: SIZE is '16'; expected bytes, 32 (the header) to 1073741824"), r.err);
    }

    @Test
    void terminatedHalfWayItRemovesItsQueue() throws Exception {
        Process p = start("msgq", "pingpong");
        long child = awaitQueueInUse(p);
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(128 + 15, p.exitValue());
        String err = err(p);
        assertTrue(err.contains("interrupted; IPC objects removed"), err);
        assertQueueGone(p.pid(), child);
    }

    @Test
    void whenItsParentIsKilledTheChildRemovesTheQueue() throws Exception {
        Process p = start("msgq", "stream");
        long child = awaitQueueInUse(p);
        p.destroyForcibly(); // SIGKILL: no handler runs in the parent; PR_SET_PDEATHSIG tells the child
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        awaitGone(child);
        assertQueueGone(p.pid(), child);
    }

    @Test
    void whenItsChildDiesTheParentStopsAndRemovesTheQueue() throws Exception {
        Process p = start("msgq", "pingpong");
        long child = awaitQueueInUse(p);
        ProcessHandle.of(child).orElseThrow().destroyForcibly();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue());
        String err = err(p);
        assertTrue(err.contains("the other process died"), err);
        assertQueueGone(p.pid(), child);
    }

    // ---- helpers ----

    record Result(int exit, String out, String err) {}

    private static Result run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).start();
        // small outputs: the pipes' buffers hold them until the process exits
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "still running: " + cmd);
        return new Result(
                p.exitValue(),
                new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** A run that would last for hours: it is stopped by the test. Its stderr goes to a file (destroy() closes the pipes). */
    private static Process start(String mech, String mode) throws IOException {
        ProcessBuilder b =
                new ProcessBuilder(binary.toString(), "-c", "none", "-t", "600", mech, mode, "64", "1000000000");
        Process p = b.redirectError(dir.resolve("stderr-" + System.nanoTime()).toFile())
                .start();
        ERR.put(p.pid(), b.redirectError().file().toPath());
        return p;
    }

    private static final java.util.Map<Long, Path> ERR = new java.util.concurrent.ConcurrentHashMap<>();

    private static String err(Process p) throws IOException {
        return Files.readString(ERR.get(p.pid()));
    }

    /** Waits until the run's queue carries messages (a queue whose last sender or receiver is one of its two processes); returns the child's pid. */
    private static long awaitQueueInUse(Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) throw new AssertionError("ipcbase ended early: " + err(p));
            List<Long> children = p.children().map(ProcessHandle::pid).toList();
            if (!children.isEmpty()
                    && !queuesOf(Set.of(p.pid(), children.get(0))).isEmpty()) return children.get(0);
            Thread.sleep(10);
        }
        throw new AssertionError("ipcbase's queue never carried a message");
    }

    private static void awaitGone(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            assertTrue(System.nanoTime() < deadline, "process " + pid + " is still alive");
            Thread.sleep(10);
        }
    }

    private static void assertQueueGone(long parent, long child) throws IOException {
        List<String> left = queuesOf(Set.of(parent, child));
        assertTrue(left.isEmpty(), "left behind in /proc/sysvipc/msg: " + left);
        assertFalse(
                ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false),
                "the child " + child + " is still alive");
    }

    /** Lines of /proc/sysvipc/msg whose lspid or lrpid is one of {@code pids}. */
    private static List<String> queuesOf(Set<Long> pids) throws IOException {
        List<String> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(Path.of("/proc/sysvipc/msg"));
        List<String> head = List.of(lines.get(0).trim().split("\\s+"));
        int lspid = head.indexOf("lspid"), lrpid = head.indexOf("lrpid");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.trim().split("\\s+");
            if (pids.contains(Long.parseLong(f[lspid])) || pids.contains(Long.parseLong(f[lrpid])))
                rows.add(line.trim());
        }
        return rows;
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null
                && java.util.Arrays.stream(path.split(":"))
                        .map(d -> Path.of(d, tool))
                        .anyMatch(Files::isExecutable);
    }
}
