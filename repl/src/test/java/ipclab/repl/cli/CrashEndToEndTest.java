package ipclab.repl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ipclab.repl.Ipclab;
import ipclab.repl.StateDir;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI as a user runs it, in its own JVM ({@code java ... ipclab.repl.Main run scenarios/leak.yaml}
 * with a private run registry), and what happens when it or one of its workers dies:
 *
 * <ul>
 *   <li>the supervisor SIGKILLed: its workers notice their closed stdin and exit; the queue and
 *       semaphores stay (no one removed them) but the segment is freed (marked IPC_RMID at the
 *       start barrier); {@code ipcs --mine} lists them and {@code clean} removes exactly them;</li>
 *   <li>the supervisor SIGTERMed: its shutdown hook stops the workers and removes everything;</li>
 *   <li>a worker SIGKILLed: the run fails (exit 1), names the dead worker and how it died, and
 *       removes everything.</li>
 * </ul>
 *
 * Robust on a loaded two-core machine: every wait is generous, nothing is timed.
 */
@Tag("e2e")
@SuppressWarnings("try") // a StateDir works by being open
class CrashEndToEndTest {
    static final String LEAK = "../scenarios/leak.yaml";
    static final ObjectMapper JSON = new ObjectMapper();

    /** The CLI in its own JVM, its output in files (never a full pipe). */
    record Cli(Process process, Path out, Path err) {
        String stdout() throws IOException {
            return Files.readString(out, StandardCharsets.UTF_8);
        }

        String stderr() throws IOException {
            return Files.readString(err, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            try {
                return "--- out\n" + stdout() + "--- err\n" + stderr();
            } catch (IOException e) {
                return e.toString();
            }
        }
    }

    /** What the run registry says of the run: its workers and its (not yet removed) objects. */
    record Registered(List<Long> workerPids, List<String> workerNames, List<JsonNode> objects) {}

    static Cli start(Path state, Path logs, String... args) throws IOException {
        // env --default-signal: a suite started in the background by a non-interactive shell (or
        // under nohup) inherits SIGINT ignored, and a JVM that starts with SIGINT ignored never
        // runs its shutdown hooks on one: the SIGINT these tests send would be lost
        List<String> cmd = new ArrayList<>(List.of(
                "env",
                "--default-signal=INT,TERM",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-Dipclab.state.dir=" + state,
                "-cp",
                System.getProperty("java.class.path"),
                "ipclab.repl.Main"));
        cmd.addAll(List.of(args));
        Path out = logs.resolve("out.txt"), err = logs.resolve("err.txt");
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        return new Cli(p, out, err);
    }

    /** Waits (up to 90 s: JVMs start slowly on a busy machine) until the workers passed the start barrier. */
    static Registered awaitGo(Cli cli, Path runs) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!cli.process().isAlive())
                throw new AssertionError(
                        "the CLI exited early (" + cli.process().exitValue() + ")\n" + cli);
            if (cli.stderr().lines().anyMatch(l -> l.matches("\\s*\\d+ ms\\s+go\\s.*"))) {
                Registered r = registered(runs);
                if (r.workerPids().size() == 4) return r;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the workers were not released within 90 s\n" + cli);
    }

    static Registered registered(Path runs) throws IOException {
        List<Long> pids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<JsonNode> objects = new ArrayList<>();
        for (Path f : runFiles(runs)) {
            JsonNode n;
            try {
                n = JSON.readTree(f.toFile());
            } catch (IOException e) {
                continue; // being replaced
            }
            n.get("workers").forEach(w -> {
                pids.add(w.get("pid").asLong());
                names.add(w.get("name").asText());
            });
            n.get("objects").forEach(objects::add);
        }
        return new Registered(pids, names, objects);
    }

    static List<Path> runFiles(Path runs) throws IOException {
        if (!Files.isDirectory(runs)) return List.of();
        try (Stream<Path> s = Files.list(runs)) {
            return s.filter(f -> f.toString().endsWith(".json")).toList();
        }
    }

    /** Is the System V object with this id and key in /proc/sysvipc/KIND? */
    static boolean inKernel(String kind, int id, int key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/sysvipc", kind)).stream()
                .skip(1)
                .toList()) {
            String[] f = line.strip().split("\\s+");
            if (Integer.parseInt(f[1]) == id && (int) Long.parseLong(f[0]) == key) return true;
        }
        return false;
    }

    static boolean inKernel(JsonNode o) throws IOException {
        return inKernel(
                o.get("kind").asText(), o.get("id").asInt(), o.get("key").asInt());
    }

    /** Segments this pid created that still exist. */
    static List<String> segmentsCreatedBy(long pid) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc/sysvipc/shm"));
        int cpid = List.of(lines.getFirst().strip().split("\\s+")).indexOf("cpid");
        return lines.stream()
                .skip(1)
                .filter(l -> Long.parseLong(l.strip().split("\\s+")[cpid]) == pid)
                .toList();
    }

    static boolean allGone(List<Long> pids, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (pids.stream()
                    .noneMatch(
                            p -> ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false))) return true;
            Thread.sleep(50);
        }
        return false;
    }

    /** Whatever a failed test left: the CLI and its workers killed, the registry's objects removed. */
    static void cleanUp(Cli cli, List<ProcessHandle> descendants) {
        if (cli == null) return;
        cli.process().destroyForcibly();
        for (ProcessHandle h : descendants) h.destroyForcibly();
        try {
            cli.process().waitFor(30, TimeUnit.SECONDS);
            for (ProcessHandle h : descendants) h.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // reported by the leak guard if it matters
        }
        Ipclab.run("clean");
    }

    @Test
    @Timeout(240)
    void aKilledSupervisorLeavesWhatCleanRemoves(@TempDir Path logs) throws Exception {
        Cli cli = null;
        List<ProcessHandle> descendants = new ArrayList<>();
        try (StateDir state = new StateDir()) {
            try {
                cli = start(state.dir(), logs, "run", "-v", LEAK);
                Registered reg = awaitGo(cli, state.runs());
                descendants.addAll(cli.process().descendants().toList());
                long cliPid = cli.process().pid();
                assertEquals(
                        List.of("msg", "sem", "sem", "shm"),
                        reg.objects().stream()
                                .map(o -> o.get("kind").asText())
                                .sorted()
                                .toList(),
                        "the queue, its semaphores, the ring's and its segment (remove: at-end, so not marked for removal yet)");

                cli.process().toHandle().destroyForcibly();
                assertTrue(cli.process().waitFor(30, TimeUnit.SECONDS), "SIGKILL ends the CLI");
                assertEquals(137, cli.process().exitValue());
                assertTrue(
                        allGone(reg.workerPids(), 30),
                        "the workers exit by themselves once their stdin closes: " + reg.workerPids());

                for (JsonNode o : reg.objects()) assertTrue(inKernel(o), "no one removed " + o);
                assertEquals(
                        1, segmentsCreatedBy(cliPid).size(), "the segment, never marked IPC_RMID, outlives the run");
                assertEquals(1, runFiles(state.runs()).size(), "the dead run's registry file stays");

                Ipclab ipcs = Ipclab.run("ipcs", "--mine", "--json");
                assertEquals(0, ipcs.code(), ipcs.toString());
                JsonNode listed = JSON.readTree(ipcs.out());
                assertEquals(reg.objects().size(), listed.size(), ipcs.out());
                for (JsonNode o : reg.objects()) {
                    assertTrue(
                            Stream.of(listed)
                                    .flatMap(a -> java.util.stream.StreamSupport.stream(a.spliterator(), false))
                                    .anyMatch(l -> l.get("kind")
                                                    .asText()
                                                    .equals(o.get("kind").asText())
                                            && l.get("id").asInt()
                                                    == o.get("id").asInt()),
                            "ipcs --mine lists " + o + "\n" + ipcs.out());
                }

                Ipclab clean = Ipclab.run("clean");
                assertEquals(0, clean.code(), clean.toString());
                for (JsonNode o : reg.objects()) {
                    String line = String.format(
                            "removed %s id=%d key=0x%08x (run of leak, pid %d)",
                            o.get("kind").asText(),
                            o.get("id").asInt(),
                            o.get("key").asInt(),
                            cliPid);
                    assertTrue(clean.out().lines().anyMatch(line::equals), "clean names " + line + "\n" + clean.out());
                    assertTrue(!inKernel(o), "clean removed " + o);
                }
                assertTrue(clean.out().endsWith("1 stale run record deleted\n"), clean.out());
                assertEquals(List.of(), runFiles(state.runs()));
                assertEquals(
                        "[ ]",
                        JSON.readTree(Ipclab.run("ipcs", "--mine", "--json").out())
                                .toPrettyString());
            } finally {
                cleanUp(cli, descendants); // inside: clean must see this test's registry, never the user's
            }
        }
    }

    @Test
    @Timeout(240)
    void sigtermStopsTheWorkersAndRemovesEverything(@TempDir Path logs) throws Exception {
        Cli cli = null;
        List<ProcessHandle> descendants = new ArrayList<>();
        try (StateDir state = new StateDir()) {
            try {
                cli = start(state.dir(), logs, "run", "-v", LEAK);
                Registered reg = awaitGo(cli, state.runs());
                descendants.addAll(cli.process().descendants().toList());

                cli.process().toHandle().destroy(); // SIGTERM
                assertTrue(cli.process().waitFor(60, TimeUnit.SECONDS), "SIGTERM ends the CLI\n" + cli);
                assertNotEquals(0, cli.process().exitValue(), cli.toString());
                assertTrue(allGone(reg.workerPids(), 10), "the shutdown hook stopped the workers: " + reg.workerPids());
                for (JsonNode o : reg.objects())
                    assertTrue(!inKernel(o), "the shutdown hook removed " + o + "\n" + cli);
                assertEquals(List.of(), segmentsCreatedBy(cli.process().pid()));
                assertEquals(List.of(), runFiles(state.runs()), "the registry file went with the objects");
            } finally {
                cleanUp(cli, descendants); // inside: clean must see this test's registry, never the user's
            }
        }
    }

    @Test
    @Timeout(240)
    void aKilledWorkerFailsTheRunByNameAndLeavesNothing(@TempDir Path logs) throws Exception {
        Cli cli = null;
        List<ProcessHandle> descendants = new ArrayList<>();
        try (StateDir state = new StateDir()) {
            try {
                cli = start(state.dir(), logs, "run", "-v", LEAK);
                Registered reg = awaitGo(cli, state.runs());
                descendants.addAll(cli.process().descendants().toList());
                Optional<ProcessHandle> victim = cli.process()
                        .children()
                        .filter(c -> reg.workerPids().contains(c.pid()))
                        .findFirst();
                assertTrue(victim.isPresent(), "a worker is a child of the CLI: " + reg.workerPids());
                long pid = victim.get().pid();
                String name = reg.workerNames().get(reg.workerPids().indexOf(pid));

                victim.get().destroyForcibly();
                assertTrue(cli.process().waitFor(90, TimeUnit.SECONDS), "the run ends\n" + cli);
                assertEquals(1, cli.process().exitValue(), cli.toString());
                String all = cli.stdout() + cli.stderr();
                assertTrue(all.contains(name + " (pid " + pid + ") was killed by SIGKILL (exit status 137)"), all);
                assertTrue(allGone(reg.workerPids(), 10), "every worker is gone: " + reg.workerPids());
                for (JsonNode o : reg.objects()) assertTrue(!inKernel(o), "the run removed " + o + "\n" + cli);
                assertEquals(List.of(), segmentsCreatedBy(cli.process().pid()));
                assertEquals(List.of(), runFiles(state.runs()));
            } finally {
                cleanUp(cli, descendants); // inside: clean must see this test's registry, never the user's
            }
        }
    }
}
