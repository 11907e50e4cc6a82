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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Soak ({@code ./ipclab test-long}): 10 million messages through each mechanism in one run of the
 * CLI, every one accounted for (sent = received, nothing lost, duplicated or corrupted, the run
 * ok), and the memory of the supervisor and of every worker flat: their resident set sizes
 * ({@code VmRSS}) are sampled every 250 ms from {@code /proc}, printed at every tenth of the run,
 * and the last quarter of the run may not exceed the largest sample of its second quarter by more
 * than {@value #GROWTH_MIB} MiB (a JVM's heap settles once its collector has sized it; a leak
 * grows linearly, so 5 bytes a message over 10 million messages is caught). The supervisor runs
 * with the launcher's flags ({@code repl/src/main/jvm/supervisor.args}: without them its
 * resident set grew 30-140 MiB as G1 touched more of its large initial heap); and its heap after each
 * garbage collection ({@code -Xlog:gc}), what it really keeps, may not grow by more than
 * {@value #LIVE_GROWTH_MIB} MiB from the second quarter to the last. The figures at the start, middle and
 * end of each run are printed and appended to {@code repl/target/soak-report.txt}.
 * {@code -Dipclab.soak.messages=N} runs a shorter soak, {@code -Dipclab.soak.mechanisms=msgq,pipe}
 * only those. UDP is left out: it may lose messages by design, so "every message accounted for"
 * would be a claim about the kernel's buffers, not ipclab.
 */
@Tag("long")
@Tag("e2e")
@SuppressWarnings("try") // a StateDir works by being open
class SoakTest {
    static final int GROWTH_MIB = 24;
    /** The supervisor's heap after a collection: what it keeps, whatever the collector's sizing does to its RSS. */
    static final int LIVE_GROWTH_MIB = 16;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"shm-sem", "shm-spin", "msgq", "pipe", "unix", "tcp"})
    @Timeout(3600)
    void tenMillionMessagesAllAccountedForMemoryFlat(String mechanism, @TempDir Path tmp) throws Exception {
        String only = System.getProperty("ipclab.soak.mechanisms", "");
        Assumptions.assumeTrue(
                only.isBlank() || List.of(only.split(",")).contains(mechanism), "not in -Dipclab.soak.mechanisms");
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
                    "@" + Path.of("src", "main", "jvm", "supervisor.args").toAbsolutePath(),
                    "-Xlog:gc:file=" + tmp.resolve("gc.log"),
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
                    "soak %s: %,d messages in %.1f s; VmRSS MiB at start (10%%) / middle / end, and max, per process,"
                            + " then at every tenth:%n",
                    mechanism,
                    messages,
                    (System.nanoTime() - t0) / 1e9));
            List<String> grew = new ArrayList<>();
            for (var e : rss.entrySet()) {
                List<Long> s = e.getValue();
                if (s.size() < 8) continue; // too short-lived to say (the JVM's own start-up)
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
                StringBuilder tenths = new StringBuilder("    ");
                for (int t = 0; t <= 10; t++)
                    tenths.append(' ').append(s.get(Math.min(s.size() - 1, s.size() * t / 10)) / 1024);
                report.append(tenths).append(System.lineSeparator());
                long growth = growth(s);
                if (growth > GROWTH_MIB * 1024L) grew.add("pid " + e.getKey() + " grew " + growth / 1024 + " MiB");
            }
            List<Long> live = heapAfterGc(tmp.resolve("gc.log"));
            if (!live.isEmpty()) {
                report.append(String.format(
                        Locale.ROOT,
                        "  supervisor heap after GC, MiB at start (10%%) / middle / end: %d / %d / %d (%d collections)%n",
                        live.get(live.size() / 10),
                        live.get(live.size() / 2),
                        live.getLast(),
                        live.size()));
                if (live.size() >= 8 && growth(live) > LIVE_GROWTH_MIB)
                    grew.add("the supervisor's live heap grew " + growth(live) + " MiB");
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

    /** How much the largest sample of the last quarter exceeds the largest of the second quarter. */
    private static long growth(List<Long> samples) {
        int n = samples.size();
        long q2 = samples.subList(n / 4, n / 2).stream()
                .mapToLong(Long::longValue)
                .max()
                .orElse(0);
        long last = samples.subList(n * 3 / 4, n).stream()
                .mapToLong(Long::longValue)
                .max()
                .orElse(0);
        return last - q2;
    }

    /** The heap in use after each collection, in MiB, from the supervisor's {@code -Xlog:gc} lines ("24M->3M(256M)"). */
    private static List<Long> heapAfterGc(Path log) throws IOException {
        List<Long> after = new ArrayList<>();
        if (!Files.exists(log)) return after;
        java.util.regex.Pattern p = java.util.regex.Pattern.compile("(\\d+)M->(\\d+)M\\(\\d+M\\)");
        for (String l : Files.readAllLines(log)) {
            java.util.regex.Matcher m = p.matcher(l);
            if (m.find()) after.add(Long.parseLong(m.group(2)));
        }
        return after;
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
