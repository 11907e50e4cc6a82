package ipclab.repl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ipclab.repl.StateDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Soak ({@code ./ipclab test-long}): 10 million messages through each mechanism in one run of the
 * CLI, every one accounted for (sent = received, nothing lost, duplicated or corrupted, the run
 * ok), and the memory of the supervisor and of every worker flat: their resident set sizes
 * ({@code VmRSS}) are sampled every 250 ms from {@code /proc}, printed, and the last quarter of
 * the run may not exceed the largest sample of its second quarter by more than
 * {@value #GROWTH_MIB} MiB (a JVM's heap settles once its collector has sized it; a leak per
 * message would grow by far more over millions of messages). The figures at the start, middle and
 * end of each run are printed and appended to {@code repl/target/soak-report.txt}.
 * {@code -Dipclab.soak.messages=N} runs a shorter soak. UDP is left out: it may lose messages by
 * design, so "every message accounted for" would be a claim about the kernel's buffers, not ipclab.
 */
@Tag("long")
@Tag("e2e")
@SuppressWarnings("try") // a StateDir works by being open
class SoakTest {
    static final int GROWTH_MIB = 64;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"shm-sem", "shm-spin", "msgq", "pipe", "unix", "tcp"})
    @Timeout(3600)
    void tenMillionMessagesAllAccountedForMemoryFlat(String mechanism, @TempDir Path tmp) throws Exception {
        long messages = Long.getLong("ipclab.soak.messages", 10_000_000L);
        String channel =
                switch (mechanism) {
                    case "shm-sem" -> "type: shm\n    size: 1MiB\n    sync: semaphore";
                    case "shm-spin" -> "type: shm\n    size: 1MiB\n    sync: spin";
                    case "msgq" -> "type: msgq";
                    case "pipe" -> "type: pipe";
                    case "unix" -> "type: socket\n    domain: unix";
                    default -> "type: socket\n    domain: tcp";
                };
        Path yaml = Files.writeString(
                tmp.resolve("soak-" + mechanism + ".yaml"), """
                name: soak-%s
                description: the long soak of SoakTest
                timeout: 50m
                channels:
                  c:
                    %s
                processes:
                  w:
                    role: writer
                    channel: c
                    messages: %d
                    size: 64B
                  r:
                    role: reader
                    channel: c
                """.formatted(mechanism, channel, messages));
        Path json = tmp.resolve("report.json");
        try (StateDir state = new StateDir()) {
            List<String> cmd = List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED",
                    "-Dipclab.state.dir=" + state.dir(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    "ipclab.repl.Main",
                    "run",
                    yaml.toString(),
                    "--json",
                    json.toString());
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd)
                    .redirectOutput(tmp.resolve("out.txt").toFile())
                    .redirectError(tmp.resolve("err.txt").toFile())
                    .start();
            Map<Long, List<Long>> rss = new LinkedHashMap<>(); // pid -> samples in KiB
            try {
                while (!p.waitFor(250, TimeUnit.MILLISECONDS)) {
                    sample(p.toHandle(), rss);
                    p.toHandle().descendants().forEach(d -> sample(d, rss));
                }
            } finally {
                p.destroyForcibly().waitFor();
            }
            String out = Files.readString(tmp.resolve("out.txt")) + Files.readString(tmp.resolve("err.txt"));
            assertEquals(0, p.exitValue(), out);
            JsonNode c =
                    new ObjectMapper().readTree(json.toFile()).get("channels").get(0);
            assertEquals(messages, c.get("sent").asLong(), out);
            assertEquals(messages, c.get("received").asLong(), out);
            for (String k : List.of("lost", "duplicated", "corrupted"))
                assertEquals(0, c.get(k).asLong(), k + "\n" + out);

            StringBuilder report = new StringBuilder(String.format(
                    Locale.ROOT,
                    "soak %s: %,d messages in %.1f s; VmRSS MiB at start (10%%) / middle / end, and max, per process:%n",
                    mechanism,
                    messages,
                    (System.nanoTime() - t0) / 1e9));
            List<String> grew = new ArrayList<>();
            for (var e : rss.entrySet()) {
                List<Long> s = e.getValue();
                if (s.size() < 8) continue; // too short-lived to say (the JVM's own start-up)
                long q2 = s.subList(s.size() / 4, s.size() / 2).stream()
                        .mapToLong(Long::longValue)
                        .max()
                        .orElse(0);
                long last = s.subList(s.size() * 3 / 4, s.size()).stream()
                        .mapToLong(Long::longValue)
                        .max()
                        .orElse(0);
                long max = s.stream().mapToLong(Long::longValue).max().orElse(0);
                report.append(String.format(
                        Locale.ROOT,
                        "  pid %d %s: %d / %d / %d, max %d (%d samples)%n",
                        e.getKey(),
                        e.getKey() == p.pid() ? "supervisor" : "worker",
                        s.get(s.size() / 10) / 1024,
                        s.get(s.size() / 2) / 1024,
                        s.getLast() / 1024,
                        max / 1024,
                        s.size()));
                if (last - q2 > GROWTH_MIB * 1024L)
                    grew.add("pid " + e.getKey() + " grew " + (last - q2) / 1024 + " MiB");
            }
            Files.writeString(
                    Path.of("target", "soak-report.txt"),
                    report,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            System.out.print(report);
            assertTrue(rss.containsKey(p.pid()), "the supervisor was sampled");
            assertEquals(List.of(), grew, report.toString());
        }
    }

    private static void sample(ProcessHandle h, Map<Long, List<Long>> into) {
        try (Stream<String> lines = Files.lines(Path.of("/proc/" + h.pid() + "/status"))) {
            lines.filter(l -> l.startsWith("VmRSS:")).findFirst().ifPresent(l -> into.computeIfAbsent(
                            h.pid(), k -> new ArrayList<>())
                    .add(Long.parseLong(l.replaceAll("[^0-9]", ""))));
        } catch (IOException | RuntimeException gone) {
            // exited between listing and reading
        }
    }
}
