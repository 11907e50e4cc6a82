package ipclab.repl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Ctrl-C in the middle of an exploration (a stepped run under way, its workers at their gates):
 * the CLI stops, its workers (the pooled JVMs of the exploration) are gone, and nothing it made is left in the kernel or the registry.
 */
@Tag("e2e")
@SuppressWarnings("try") // a StateDir works by being open
class ExploreInterruptTest {
    @Test
    @Timeout(300)
    void sigintDuringAnExplorationLeavesNothing(@TempDir Path logs) throws Exception {
        Path file = logs.resolve("race.yaml");
        Files.writeString(file, ScheduleCliTest.RACE);
        CrashEndToEndTest.Cli cli = null;
        List<ProcessHandle> descendants = new ArrayList<>();
        try (StateDir state = new StateDir()) {
            try {
                cli = CrashEndToEndTest.start(
                        state.dir(), logs, "explore", file.toString(), "--runs", "50", "--shrink-runs", "0");
                CrashEndToEndTest.Registered reg = midExploration(cli, state.runs());
                descendants.addAll(cli.process().descendants().toList());
                long pid = cli.process().pid();
                assertEquals(
                        0,
                        new ProcessBuilder("kill", "-INT", Long.toString(pid))
                                .start()
                                .waitFor());
                assertTrue(cli.process().waitFor(60, TimeUnit.SECONDS), "SIGINT ends the CLI\n" + cli);
                assertTrue(
                        CrashEndToEndTest.allGone(reg.workerPids(), 30), "the workers are gone: " + reg.workerPids());
                // the explorer's pool: every worker JVM it started (idle ones too) goes with it
                List<Long> all = descendants.stream()
                        .filter(h -> h.info().command().orElse("").endsWith("java"))
                        .map(ProcessHandle::pid)
                        .toList();
                assertTrue(CrashEndToEndTest.allGone(all, 30), "every JVM the CLI started is gone: " + all);
                for (var o : reg.objects())
                    assertTrue(!CrashEndToEndTest.inKernel(o), "the shutdown hook removed " + o + "\n" + cli);
                assertEquals(List.of(), CrashEndToEndTest.segmentsCreatedBy(pid));
                assertEquals(
                        List.of(), CrashEndToEndTest.runFiles(state.runs()), "the registry file went with the objects");
            } finally {
                CrashEndToEndTest.cleanUp(cli, descendants);
            }
        }
    }

    /** Waits (up to 120 s) for the second run of the exploration to have its workers registered. */
    private static CrashEndToEndTest.Registered midExploration(CrashEndToEndTest.Cli cli, Path runs) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!cli.process().isAlive()) throw new AssertionError("the CLI exited early\n" + cli);
            if (cli.stdout().contains("run 1/50")) {
                CrashEndToEndTest.Registered r = CrashEndToEndTest.registered(runs);
                if (r.workerPids().size() == 2) return r;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the exploration did not reach its second run within 120 s\n" + cli);
    }
}
