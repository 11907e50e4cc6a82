package ipclab.repl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ipclab.repl.Main;
import ipclab.repl.StateDir;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code repeat: 3} with one run made slow on purpose: the test loads every CPU while the second
 * run of the first combination goes (it starts the load when the progress line {@code run 2/6}
 * appears and stops it at {@code run 3/6}). That figure must come out noisy (spread over 10% of
 * its median), and the claim it decides must not get a verdict without saying so: inconclusive,
 * or its deciding line marked noisy. The two combinations are the same queue under two message
 * types, so that the claim between them hangs on the noise.
 */
@SuppressWarnings("try") // a StateDir works by being open
class NoisyRepeatTest {
    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aRunUnderLoadMakesItsFigureNoisyAndNoVerdictIsDrawnFromItSilently() throws Exception {
        Path file = tmp.resolve("noisy.yaml");
        Files.writeString(file, """
                name: noisy
                repeat: 3
                channels:
                  q: {type: msgq}
                processes:
                  producer: {role: writer, channel: q, messages: 20000, warmup: 2000}
                  consumer: {role: reader, channel: q}
                sweep:
                  processes.producer.mtype: [1, 2]
                compare:
                  - mtype1 beats mtype2 in throughput
                """);
        Path out = tmp.resolve("report");
        var stdout = new ByteArrayOutputStream();
        var stderr = new LoadSwitch(new ByteArrayOutputStream());
        int code;
        try (StateDir state = new StateDir();
                var o = new PrintStream(stdout, true, StandardCharsets.UTF_8);
                var e = new PrintStream(stderr, true, StandardCharsets.UTF_8)) {
            code = Main.run(new String[] {"run", file.toString(), "--out", out.toString()}, o, e, Map.of());
        } finally {
            stderr.load.stop();
        }
        String printed = stdout.toString(StandardCharsets.UTF_8) + "\n--- err\n" + stderr.seen;
        assertTrue(stderr.load.ran, "the load ran during the second run:\n" + printed);
        assertTrue(code == 0 || code == 3, printed);

        JsonNode json = new ObjectMapper().readTree(out.resolve("compare.json").toFile());
        JsonNode loaded = null;
        for (JsonNode p : json.get("points")) {
            if (p.get("system").asText().equals("mtype1")
                    && p.get("figure").asText().equals("throughput")) loaded = p;
        }
        assertTrue(loaded != null, json.toString());
        assertEquals(3, loaded.get("samples").size(), loaded.toString());
        assertTrue(loaded.get("noisy").asBoolean(), "three runs, one under load, are noisy: " + loaded);

        JsonNode v = json.get("verdicts").get(0);
        boolean said = v.get("verdict").asText().equals("inconclusive")
                || v.get("figures").toString().contains("noisy");
        assertTrue(said, "a verdict from a noisy figure says so: " + v);
        String terminal = stdout.toString(StandardCharsets.UTF_8);
        assertTrue(terminal.contains("median (min–max) of 3 runs"), "the repeats' table:\n" + printed);
        assertTrue(
                terminal.lines().anyMatch(l -> l.startsWith("mtype1") && l.contains(", noisy)")),
                "the terminal marks it noisy:\n" + printed);
    }

    /** Watches the progress lines and loads every CPU from "run 2/6" until "run 3/6". */
    private static final class LoadSwitch extends OutputStream {
        final ByteArrayOutputStream seen;
        final CpuLoad load = new CpuLoad();

        LoadSwitch(ByteArrayOutputStream seen) {
            this.seen = seen;
        }

        @Override
        public synchronized void write(int b) {
            seen.write(b);
            if (b != '\n') return;
            String text = seen.toString(StandardCharsets.UTF_8);
            if (text.contains("run 3/6")) load.stop();
            else if (text.contains("run 2/6")) load.start();
        }
    }

    /** Busy threads, two per CPU, at the test's own hand: started and stopped, never timed. */
    private static final class CpuLoad {
        private final List<Thread> threads = new ArrayList<>();
        private volatile boolean on;
        volatile boolean ran;

        synchronized void start() {
            if (on || ran) return;
            on = true;
            ran = true;
            for (int i = 0; i < 2 * Runtime.getRuntime().availableProcessors(); i++) {
                Thread t = Thread.ofPlatform().daemon().name("cpu-load-" + i).start(() -> {
                    long x = 0;
                    while (on) x += System.identityHashCode(this) ^ x;
                    if (x == 42) System.out.print("");
                });
                threads.add(t);
            }
        }

        synchronized void stop() {
            on = false;
            for (Thread t : threads) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            threads.clear();
        }
    }
}
