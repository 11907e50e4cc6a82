package ipclab.repl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.repl.Ipclab;
import ipclab.repl.StateDir;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ipclab itself killed at random moments, then {@code ipclab clean}: nothing of the
 * killed runs may be left, over every mechanism (shm ring with semaphores, message queue with its
 * semaphores, FIFO, unix stream socket, a semaphore-guarded shm counter). Each kill aims at a
 * phase — while the registry and the objects are being made, while workers start and attach,
 * mid-run, while the run removes its objects — and lands at a random moment in it.
 *
 * <p>Two ways to die: SIGKILL of the CLI alone (no shutdown hook runs; the workers follow by
 * PR_SET_PDEATHSIG), and SIGTERM to the CLI and every worker at once, as {@code pkill -f} or a
 * session's end does: the CLI's shutdown hook then races the creating thread and workers that
 * die under it, and must either remove everything or leave the registry record for clean.
 *
 * <p>What counts as left, after clean: a System V object with this test's key tag
 * ({@code -Dipclab.key.tag}: every key the killed runs made carries it in its upper 16 bits), or
 * a segment whose creator was a killed CLI; a private directory or file of this test's channels
 * (their names carry a random token); a process whose environment names a killed CLI as its
 * supervisor; a run registry file. Zero of each. 12 SIGKILLs and 10 SIGTERMs in the suite, 60 and
 * 40 under the {@code long} tag; the seed is printed, and {@code -Dipclab.randomkill.seed=N}
 * replays it.
 */
@Tag("e2e")
@SuppressWarnings("try") // a StateDir works by being open
class RandomKillTest {
    private static final String[] PHASES = {"creating", "attaching", "mid-run", "cleaning-up"};

    /** How ipclab is made to die. */
    enum Death {
        /** SIGKILL to the CLI alone. */
        KILL,
        /** SIGTERM to the CLI and all its workers at once. */
        TERM_TREE
    }

    @ParameterizedTest(name = "{1} x {0}")
    @CsvSource({"KILL, 12", "TERM_TREE, 10"})
    @Timeout(600)
    void killsLeaveNothingAfterClean(Death death, int n, @TempDir Path tmp) throws Exception {
        kills(n, death, tmp);
    }

    @ParameterizedTest(name = "{1} x {0}")
    @CsvSource({"KILL, 60", "TERM_TREE, 40"})
    @Tag("long")
    @Timeout(3600)
    void manyKillsLeaveNothingAfterClean(Death death, int n, @TempDir Path tmp) throws Exception {
        kills(n, death, tmp);
    }

    private static void kills(int n, Death death, Path tmp) throws Exception {
        long seed = Long.getLong("ipclab.randomkill.seed", System.nanoTime());
        Random r = new Random(seed);
        String token = "rk" + HexFormat.of().toHexDigits((short) r.nextInt());
        int tag = 0x1000 + r.nextInt(0xe000);
        System.out.println("RandomKillTest: seed " + seed + ", " + n + " kills (" + death + "), key tag 0x"
                + Integer.toHexString(tag) + ", token " + token);
        List<Path> scenarios = scenarios(tmp, token);
        List<String> problems = new ArrayList<>();
        try (StateDir state = new StateDir()) {
            for (int i = 0; i < n; i++) {
                Path scenario = scenarios.get(i % scenarios.size());
                String phase = PHASES[(i / scenarios.size() + i) % PHASES.length];
                String what = "kill " + (i + 1) + " (" + scenario.getFileName() + ", " + phase + ")";
                Path logs = Files.createDirectories(tmp.resolve("kill-" + i));
                Killed k = killDuring(phase, death, r, state, logs, scenario, tag);
                if (k.problem() != null) problems.add(what + ": " + k.problem());
                Ipclab clean = Ipclab.run(java.util.Map.of(), "clean");
                if (clean.code() != 0 || clean.err().contains("Exception"))
                    problems.add(what + ": clean failed\n" + clean);
                List<String> left = leftOnceRemovedSegmentsAreFreed(k.cliPid(), tag, token, state.runs());
                List<String> events = Files.readAllLines(logs.resolve("err.txt")).stream()
                        .filter(l -> l.matches("\\s*\\d+ ms\\s.*"))
                        .toList();
                System.out.println("  " + what + ": killed " + k.atMs() + " ms after start, last event: "
                        + (events.isEmpty() ? "(none)" : events.getLast().strip()) + "; clean removed "
                        + clean.out()
                                .lines()
                                .filter(l -> l.startsWith("removed "))
                                .count());
                if (!left.isEmpty()) problems.add(what + " at " + k.atMs() + " ms: left " + left + "\n" + clean);
            }
        } finally {
            Ipclab.run("clean");
        }
        assertEquals(List.of(), problems, "seed " + seed + " (replay with -Dipclab.randomkill.seed=" + seed + ")");
    }

    /** @param problem the CLI never reached the phase, or did not end by itself after a SIGTERM (its hook hung); or null */
    record Killed(long cliPid, long atMs, String problem) {}

    /** Starts {@code ipclab run -v}, waits for the phase's sign, then a random moment more, and kills it (see {@link Death}). */
    private static Killed killDuring(
            String phase, Death death, Random r, StateDir state, Path logs, Path scenario, int tag) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-Dipclab.state.dir=" + state.dir(),
                "-Dipclab.key.tag=" + tag,
                "-cp",
                System.getProperty("java.class.path"),
                "ipclab.repl.Main",
                "run",
                "-v",
                scenario.toString()));
        Path err = logs.resolve("err.txt");
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(logs.resolve("out.txt").toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        long t0 = System.nanoTime();
        long atMs;
        String problem = null;
        try {
            long deadline = t0 + TimeUnit.SECONDS.toNanos(120);
            boolean reached;
            while (!(reached = signOf(phase, state.runs(), err)) && p.isAlive() && System.nanoTime() < deadline)
                Thread.sleep(1);
            // a CLI that failed before the phase (a broken class path, a bad scenario) proves nothing
            if (!reached && !signOf(phase, state.runs(), err))
                problem = "never reached the phase: " + Files.readString(err);
            int extra =
                    switch (phase) {
                        case "creating" ->
                            r.nextInt(
                                    400); // the registry file is there; the first object follows the downcalls' warm-up
                        case "attaching" -> r.nextInt(600);
                        case "mid-run" -> r.nextInt(900);
                        default -> r.nextInt(60);
                    };
            if (extra > 0) p.waitFor(extra, TimeUnit.MILLISECONDS);
        } finally {
            atMs = (System.nanoTime() - t0) / 1_000_000;
            if (death == Death.TERM_TREE) {
                // all at once: the list is taken first, then SIGTERM to each without waiting
                List<ProcessHandle> tree = new ArrayList<>(List.of(p.toHandle()));
                tree.addAll(p.toHandle().descendants().toList());
                for (ProcessHandle h : tree) h.destroy();
                // the shutdown hook stops the workers, removes the objects, and the CLI exits
                if (!p.waitFor(90, TimeUnit.SECONDS) && problem == null) problem = "still running 90 s after SIGTERM";
            }
            p.toHandle().destroyForcibly();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "SIGKILL ends the CLI");
        }
        // its workers die with it (PR_SET_PDEATHSIG); wait for that, or clean kills what is left
        awaitNoWorkersOf(p.pid(), 30);
        return new Killed(p.pid(), atMs, problem);
    }

    /** Has the run reached the phase? creating: a registry file exists; attaching: a worker was spawned; mid-run: go; cleaning-up: a worker exited. */
    private static boolean signOf(String phase, Path runs, Path err) throws IOException {
        if (phase.equals("creating")) {
            if (!Files.isDirectory(runs)) return false;
            try (Stream<Path> s = Files.list(runs)) {
                return s.anyMatch(f -> f.toString().endsWith(".json"));
            }
        }
        String word =
                switch (phase) {
                    case "attaching" -> "spawned";
                    case "mid-run" -> "go";
                    default -> "exited";
                };
        return Files.readString(err, StandardCharsets.UTF_8)
                .lines()
                .anyMatch(l -> l.matches("\\s*\\d+ ms\\s+(\\S+\\s+)?" + word + "\\b.*"));
    }

    private static void awaitNoWorkersOf(long cliPid, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!workersOf(cliPid).isEmpty() && System.nanoTime() < deadline) Thread.sleep(20);
    }

    /** Processes whose environment names cliPid as their supervisor ({@code IPCLAB_SUPERVISOR_PID}). */
    static List<Long> workersOf(long cliPid) {
        byte[] mark = ("IPCLAB_SUPERVISOR_PID=" + cliPid + "\0").getBytes(StandardCharsets.UTF_8);
        List<Long> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("/proc"))) {
            for (Path d : s.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit))
                    .toList()) {
                try {
                    byte[] env = Files.readAllBytes(d.resolve("environ"));
                    if (indexOf(env, mark) >= 0 && !zombie(d))
                        out.add(Long.parseLong(d.getFileName().toString()));
                } catch (IOException | RuntimeException gone) {
                    // exited meanwhile, or not ours to read
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    private static boolean zombie(Path procDir) throws IOException {
        String stat = Files.readString(procDir.resolve("stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            if (i > 0 && hay[i - 1] != 0) continue; // variables start after a NUL
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    /**
     * {@link #left}, after waiting (at most 30 s) while all it finds is shm segments already
     * removed (SHM_DEST) but still attached: the kernel frees such a segment when its last process
     * detaches, and a killed JVM's threads can keep its memory, attachments included, a moment after
     * its main thread shows as a zombie, which is when {@link #awaitNoWorkersOf} stops waiting. What is
     * still there then is reported with the pid that last attached or detached it and that process's
     * state.
     */
    private static List<String> leftOnceRemovedSegmentsAreFreed(long cliPid, int tag, String token, Path runs)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<String> left = left(cliPid, tag, token, runs);
        while (!left.isEmpty()
                && left.stream().allMatch(RandomKillTest::removedSegment)
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
            left = left(cliPid, tag, token, runs);
        }
        List<String> out = new ArrayList<>();
        for (String l : left) out.add(removedSegment(l) ? l + " (" + lastUser(l) + ")" : l);
        return out;
    }

    /** A line of {@link #left} for a segment marked for removal (SHM_DEST, 01000 in its perms). */
    private static boolean removedSegment(String line) {
        if (!line.startsWith("shm ")) return false;
        String[] f = line.substring(4).split("\\s+");
        return (Integer.parseInt(f[2], 8) & 01000) != 0;
    }

    /** The segment's lpid (the last to attach or detach it) and that process's state, for a report. */
    private static String lastUser(String line) {
        String lpid = line.substring(4).split("\\s+")[5];
        try {
            String stat = Files.readString(Path.of("/proc", lpid, "stat"));
            return "lpid " + lpid + ", state " + stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3)
                    + ", " + stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        } catch (IOException gone) {
            return "lpid " + lpid + ", gone";
        }
    }

    /** Everything of the killed run still there after clean. */
    private static List<String> left(long cliPid, int tag, String token, Path runs) throws IOException {
        List<String> left = new ArrayList<>();
        for (String kind : List.of("shm", "msg", "sem")) {
            List<String> lines = Files.readAllLines(Path.of("/proc/sysvipc", kind));
            List<String> header = List.of(lines.getFirst().strip().split("\\s+"));
            int cpid = header.indexOf("cpid");
            for (String l : lines.subList(1, lines.size())) {
                String[] f = l.strip().split("\\s+");
                int key = (int) Long.parseLong(f[0]);
                boolean tagged = (key >>> 16) == tag;
                boolean madeByCli = cpid >= 0 && Long.parseLong(f[cpid]) == cliPid;
                if (tagged || madeByCli) left.add(kind + " " + l.strip());
            }
        }
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            s.filter(f -> f.getFileName().toString().startsWith("ipclab-" + token))
                    .forEach(f -> left.add("file " + f));
        }
        if (!Path.of(System.getProperty("java.io.tmpdir")).equals(Path.of("/tmp"))) {
            try (Stream<Path> s = Files.list(Path.of("/tmp"))) {
                s.filter(f -> f.getFileName().toString().startsWith("ipclab-" + token))
                        .forEach(f -> left.add("file " + f));
            }
        }
        for (long w : workersOf(cliPid)) left.add("process " + w);
        if (Files.isDirectory(runs)) {
            try (Stream<Path> s = Files.list(runs)) {
                s.filter(f -> f.toString().endsWith(".json"))
                        .forEach(f -> left.add("registry file " + f.getFileName()));
            }
        }
        return left;
    }

    /** One scenario per mechanism, each about a second long, channels named with the token. */
    private static List<Path> scenarios(Path dir, String token) throws IOException {
        String stream = """
                name: %1$s-%2$s
                timeout: 30s
                channels:
                  %1$s%2$s:
                    %3$s
                processes:
                  w:
                    role: writer
                    channel: %1$s%2$s
                    duration: 1s
                    rate: 2000/s
                  r:
                    role: reader
                    channel: %1$s%2$s
                """;
        List<Path> out = new ArrayList<>();
        out.add(write(dir, "shm", stream.formatted(token, "shm", "type: shm\n    size: 64KiB\n    sync: semaphore")));
        out.add(write(dir, "msgq", stream.formatted(token, "msgq", "type: msgq")));
        out.add(write(dir, "fifo", stream.formatted(token, "fifo", "type: pipe")));
        out.add(write(dir, "unix", stream.formatted(token, "unix", "type: socket\n    domain: unix")));
        out.add(write(dir, "sem", """
                name: %1$s-sem
                timeout: 30s
                channels:
                  %1$ssem:
                    type: shm
                    size: 4KiB
                    sync: semaphore
                processes:
                  adder:
                    role: incrementer
                    channel: %1$ssem
                    replicas: 2
                    messages: 5000
                """.formatted(token)));
        return out;
    }

    private static Path write(Path dir, String name, String yaml) throws IOException {
        Path f = dir.resolve(name + ".yaml");
        Files.writeString(f, yaml);
        Ipclab v = Ipclab.run("validate", f.toString());
        assertEquals(0, v.code(), v.toString());
        return f;
    }
}
