package ipclab.repl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import ipclab.repl.StateDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C in the middle of a sweep: the engine stops the run in progress and removes its objects,
 * and the command line still prints (and writes to --json) the finished rows and the stopped one,
 * says what was interrupted and removed, and exits 130. The CLI runs in its own JVM and gets a
 * real SIGINT.
 */
@Tag("e2e")
@SuppressWarnings("try") // a StateDir works by being open
class InterruptTest {
    static final String SWEEP = """
            name: slow-sweep
            channels:
              q:
                type: msgq
            processes:
              producer:
                role: writer
                channel: q
                duration: 3s
                rate: 1k/s
              consumer:
                role: reader
                channel: q
            sweep:
              seed: [1, 2, 3]
            """;

    @Test
    @Timeout(240)
    void ctrlCMidSweepKeepsTheFinishedRowsAndExits130(@TempDir Path logs) throws Exception {
        CrashEndToEndTest.Cli cli = null;
        List<ProcessHandle> descendants = new ArrayList<>();
        try (StateDir state = new StateDir()) {
            try {
                Path yaml = logs.resolve("slow-sweep.yaml");
                Files.writeString(yaml, SWEEP);
                Path json = logs.resolve("report.json");
                cli = CrashEndToEndTest.start(
                        state.dir(), logs, "run", "-v", yaml.toString(), "--json", json.toString());
                awaitSecondGo(cli);
                descendants.addAll(cli.process().descendants().toList());
                Process kill = new ProcessBuilder(
                                "kill", "-INT", Long.toString(cli.process().pid()))
                        .start();
                assertEquals(0, kill.waitFor());
                assertTrue(cli.process().waitFor(90, TimeUnit.SECONDS), "SIGINT ends the CLI\n" + cli);
                assertEquals(130, cli.process().exitValue(), cli.toString());

                String out = cli.stdout();
                assertTrue(out.lines().anyMatch(l -> l.matches("1\\s+✓\\s+.*")), "the finished row is printed\n" + out);
                assertTrue(out.lines().anyMatch(l -> l.matches("2\\s+✗\\s+.*")), "the stopped row is printed\n" + out);
                assertTrue(
                        out.contains(
                                "interrupted (SIGINT/SIGTERM) during run 2/3 of " + yaml
                                        + " [seed=2]: its 2 processes were stopped"
                                        + " and the objects of channel q removed (nothing left behind); 1 finished run reported above, 1 not run"),
                        out);

                JsonNode report = CrashEndToEndTest.JSON.readTree(json.toFile());
                assertEquals(2, report.get("runs").size(), report.toPrettyString());
                assertTrue(report.get("runs").get(0).get("ok").asBoolean(), report.toPrettyString());
                assertTrue(
                        report.get("runs")
                                        .get(0)
                                        .get("channels")
                                        .get(0)
                                        .get("sent")
                                        .asLong()
                                > 0,
                        "the finished run's figures are there");
                assertEquals(
                        "stopped",
                        report.get("runs")
                                .get(1)
                                .get("failures")
                                .get(0)
                                .get("kind")
                                .asText());

                assertEquals(
                        List.of(), CrashEndToEndTest.runFiles(state.runs()), "the registry is empty: nothing left");
                assertTrue(
                        CrashEndToEndTest.allGone(
                                descendants.stream().map(ProcessHandle::pid).toList(), 10),
                        "every worker is gone");
            } finally {
                CrashEndToEndTest.cleanUp(cli, descendants);
            }
        }
    }

    /** Waits until the second combination's workers have been released. */
    private static void awaitSecondGo(CrashEndToEndTest.Cli cli) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!cli.process().isAlive()) throw new AssertionError("the CLI exited early\n" + cli);
            String err = cli.stderr();
            int second = err.indexOf("run 2/3");
            if (second >= 0 && err.indexOf(" go ", second) >= 0) return;
            Thread.sleep(20);
        }
        throw new AssertionError("the second run did not start\n" + cli);
    }
}
