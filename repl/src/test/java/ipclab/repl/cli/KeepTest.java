package ipclab.repl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import ipclab.engine.channel.ObjectKind;
import ipclab.engine.run.RunReport;
import ipclab.repl.Ipclab;
import ipclab.repl.StateDir;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ipclab run --keep}: the leak lesson. The run is normal, but its System V objects stay
 * in the kernel and in the run registry (marked kept); {@code ipcs --mine} lists them and
 * {@code clean} removes them. The CLI runs in its own JVM (as
 * the user's would), the inspection in-process on the same private registry.
 */
@Tag("e2e")
@SuppressWarnings("try") // a StateDir works by being open
class KeepTest {
    @Test
    @Timeout(240)
    void keptObjectsAreListedByIpcsMineAndRemovedByClean(@TempDir Path logs) throws Exception {
        CrashEndToEndTest.Cli cli = null;
        List<ProcessHandle> descendants = new ArrayList<>();
        try (StateDir state = new StateDir()) {
            try {
                Path json = logs.resolve("report.json");
                cli = CrashEndToEndTest.start(
                        state.dir(), logs, "run", "--keep", CrashEndToEndTest.LEAK, "--json", json.toString());
                assertTrue(cli.process().waitFor(180, TimeUnit.SECONDS), "the run ends\n" + cli);
                assertEquals(0, cli.process().exitValue(), cli.toString());
                String out = cli.stdout();
                assertTrue(out.contains("\n✓ ok\n") || out.contains("\nok\n"), out);

                Matcher m = Pattern.compile("(?m)^kept: (.*)$").matcher(out);
                assertTrue(m.find(), out);
                String keptLine = m.group(1);
                assertTrue(
                        keptLine.matches("shm 0x[0-9a-f]{8} id \\d+(, (sem|msg) 0x[0-9a-f]{8} id \\d+){3}"), keptLine);
                assertTrue(
                        out.endsWith("kept: " + keptLine
                                + "\nsee them with 'ipclab ipcs --mine'; remove them with 'ipclab clean'\n"),
                        out);
                JsonNode report = CrashEndToEndTest.JSON.readTree(json.toFile());
                assertTrue(report.get("ok").asBoolean(), report.toPrettyString());
                assertEquals(0, report.get("leaks").size(), "kept on purpose is no leak");
                assertEquals(4, report.get("kept").size(), report.toPrettyString());

                CrashEndToEndTest.Registered reg = CrashEndToEndTest.registered(state.runs());
                assertEquals(
                        List.of("msg", "sem", "sem", "shm"),
                        reg.objects().stream()
                                .map(o -> o.get("kind").asText())
                                .sorted()
                                .toList(),
                        "remove: at-end keeps the segment too");
                for (JsonNode o : reg.objects()) {
                    assertTrue(CrashEndToEndTest.inKernel(o), "kept " + o);
                    assertTrue(
                            keptLine.contains(o.get("kind").asText() + " "
                                    + String.format("0x%08x", o.get("key").asInt()) + " id "
                                    + o.get("id").asInt()),
                            "the kept line names " + o + ": " + keptLine);
                }
                List<String> segment =
                        CrashEndToEndTest.segmentsCreatedBy(cli.process().pid());
                assertEquals(1, segment.size(), "the leak lesson's segment outlives its processes");
                int nattch = List.of(java.nio.file.Files.readAllLines(Path.of("/proc/sysvipc/shm"))
                                .getFirst()
                                .strip()
                                .split("\\s+"))
                        .indexOf("nattch");
                assertEquals("0", segment.getFirst().strip().split("\\s+")[nattch], "attached by nobody: " + segment);
                assertTrue(CrashEndToEndTest.allGone(reg.workerPids(), 10));

                JsonNode listed = CrashEndToEndTest.JSON.readTree(
                        Ipclab.run("ipcs", "--mine", "--json").out());
                List<String> ids = new ArrayList<>();
                listed.forEach(
                        l -> ids.add(l.get("kind").asText() + " " + l.get("id").asInt()));
                List<String> want = reg.objects().stream()
                        .map(o -> o.get("kind").asText() + " " + o.get("id").asInt())
                        .toList();
                assertEquals(
                        want.stream().sorted().toList(), ids.stream().sorted().toList(), listed.toPrettyString());

                Ipclab clean = Ipclab.run("clean");
                assertEquals(0, clean.code(), clean.toString());
                for (JsonNode o : reg.objects()) {
                    String line = String.format(
                            "removed %s id=%d key=0x%08x (kept by run of leak, pid %d)",
                            o.get("kind").asText(),
                            o.get("id").asInt(),
                            o.get("key").asInt(),
                            cli.process().pid());
                    assertTrue(clean.out().lines().anyMatch(line::equals), line + "\n" + clean.out());
                    assertFalse(CrashEndToEndTest.inKernel(o), "clean removed " + o);
                }
                assertEquals(
                        "[ ]",
                        CrashEndToEndTest.JSON
                                .readTree(Ipclab.run("ipcs", "--mine", "--json").out())
                                .toPrettyString());
                assertEquals(List.of(), CrashEndToEndTest.runFiles(state.runs()));
            } finally {
                if (cli != null) descendants.addAll(cli.process().descendants().toList());
                CrashEndToEndTest.cleanUp(cli, descendants);
            }
        }
    }

    @Test
    void theKeptLineNamesEachObjectAndSaysWhichSegmentIsMarked() {
        var kept = List.of(
                new RunReport.Kept(ObjectKind.MSG, 5, 0, null),
                new RunReport.Kept(ObjectKind.SHM, 7, 0x1234, true),
                new RunReport.Kept(ObjectKind.SHM, 8, 0, false));
        assertEquals(
                "kept: msg 0x00000000 id 5, shm 0x00001234 id 7 (marked for removal already: freed on last detach), shm 0x00000000 id 8",
                RunCommand.describe(kept));
    }
}
