package ipclab.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ipclab.dsl.ScenarioLoader;
import ipclab.dsl.plan.Plan;
import ipclab.engine.channel.ObjectKind;
import ipclab.engine.inspect.ProcSysvipc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RunOptions#keep()}: the run's System V objects stay in the kernel, listed as kept
 * (not leaks), the files go, the registry file stays marked kept, and {@link Cleaner} removes
 * them although their supervisor (this JVM) is alive.
 */
@Timeout(120)
class KeepRunTest {
    @TempDir
    Path state;

    @Test
    void aKeptRunLeavesItsSysvObjectsAndCleanRemovesThemFromTheLiveProcess() throws Exception {
        Plan plan = ScenarioLoader.fromYaml("""
                name: keep
                channels:
                  ring: {type: shm, size: 64KiB, sync: semaphore}
                  q: {type: msgq}
                  p: {type: pipe}
                processes:
                  sw: {role: writer, channel: ring, messages: 200, size: 64B}
                  sr: {role: reader, channel: ring}
                  qw: {role: writer, channel: q, messages: 200, size: 64B}
                  qr: {role: reader, channel: q}
                  pw: {role: writer, channel: p, messages: 200, size: 64B}
                  pr: {role: reader, channel: p}
                """, "keep.yaml").plans().getFirst();
        RunReport r = null;
        try {
            r = Engine.run(plan, RunOptions.defaults().with(set -> {
                set.stateDir = state;
                set.keep = true;
            }));
            RunReport done = r;
            assertTrue(r.ok(), () -> "failures: " + done.failures());
            assertEquals(List.of(), r.leaks(), "kept on purpose is no leak");
            assertEquals(
                    List.of(ObjectKind.SHM, ObjectKind.SEM, ObjectKind.MSG, ObjectKind.SEM),
                    r.kept().stream().map(RunReport.Kept::kind).toList(),
                    "" + r.kept());
            for (RunReport.Kept k : r.kept()) {
                if (k.kind() == ObjectKind.SHM) {
                    assertEquals(Boolean.TRUE, k.markedForRemoval(), "IPC_RMID at the start barrier");
                    assertFalse(inKernel(k), "a marked segment is freed at the last detach: " + k);
                } else {
                    assertNull(k.markedForRemoval());
                    assertTrue(inKernel(k), "kept: " + k);
                }
            }
            JsonNode json = new ObjectMapper().readTree(ReportJson.toJson(r));
            assertEquals(4, json.get("kept").size(), json.toPrettyString());
            assertEquals(true, json.get("kept").get(0).get("markedForRemoval").asBoolean());
            assertNull(json.get("kept").get(1).get("markedForRemoval"), "only a segment says whether it is marked");

            List<Map.Entry<Path, Registry.RunFile>> files = Registry.files(state.resolve("runs"));
            assertEquals(1, files.size());
            Registry.RunFile f = files.getFirst().getValue();
            assertTrue(f.kept());
            assertEquals(ProcessHandle.current().pid(), f.supervisorPid(), "this JVM made them and still runs");
            assertEquals(
                    List.of(ObjectKind.SEM, ObjectKind.MSG, ObjectKind.SEM),
                    f.objects().stream().map(Registry.Entry::kind).toList(),
                    "the FIFO is deleted, the marked segment no longer listed");
            assertTrue(Files.readString(files.getFirst().getKey()).contains("\"kept\" : true"));

            assertEquals(
                    List.of(),
                    Cleaner.cleanStale(state.resolve("runs")).removed(),
                    "a run's clean before it starts leaves kept objects");
            for (RunReport.Kept k : r.kept())
                if (!Boolean.TRUE.equals(k.markedForRemoval())) assertTrue(inKernel(k), "still kept: " + k);
            Cleaner.Result c = Cleaner.clean(state.resolve("runs"));
            assertEquals(3, c.removed().size(), "" + c);
            assertTrue(
                    c.removed().getFirst().contains("(kept by run of "),
                    c.removed().getFirst());
            for (RunReport.Kept k : r.kept()) assertFalse(inKernel(k), "clean removed " + k);
            assertEquals(List.of(), Registry.files(state.resolve("runs")));
        } finally {
            if (r != null)
                for (RunReport.Kept k : r.kept())
                    if (inKernel(k)) k.kind().sysv().remove(k.id());
        }
    }

    @Test
    void aRunThatIsNotKeptIsNotRemovedWhileItsSupervisorLives() throws Exception {
        Path runs = state.resolve("runs");
        RunRecord live = new RunRecord(runs, "live");
        try {
            live.created(ObjectKind.FILE, -1, 0, state.resolve("nothing-here").toString());
            Cleaner.Result c = Cleaner.cleanStale(runs);
            assertEquals(List.of(), c.runs(), "a live run's record stays");
            assertTrue(Files.exists(live.path()));
            live.markKept();
            assertEquals(List.of(), Cleaner.cleanStale(runs).runs(), "kept: only clean removes it");
            assertEquals(List.of(live.path()), Cleaner.clean(runs).runs(), "once kept, clean removes it");
        } finally {
            live.delete();
        }
    }

    static boolean inKernel(RunReport.Kept k) {
        return new ProcSysvipc()
                .list(k.kind().sysv()).stream().anyMatch(row -> row.id() == k.id() && row.key() == k.key());
    }
}
