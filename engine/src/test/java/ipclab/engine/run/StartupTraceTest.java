package ipclab.engine.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.engine.protocol.WorkerSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker started with {@code -Dipclab.startupTrace=FILE} (bench/startup-phases.sh passes it through
 * {@code IPCLAB_WORKER_XFLAGS}) writes, once it has sent "ready", its CPU time and every phase of its
 * start in order, to FILE with {@code %p} replaced by its pid.
 */
@Timeout(120)
class StartupTraceTest {
    @TempDir
    Path state;

    @Test
    void aTracedWorkerWritesItsPhasesAfterReady() throws Exception {
        WorkerSpec spec = TestPlans.loneSpec("trace");
        List<String> cmd = new ArrayList<>(WorkerCommand.forThisJvm(state).command(false, TestAgents.class.getName()));
        cmd.add(cmd.indexOf("-cp"), "-Dipclab.startupTrace=" + state.resolve("trace-%p"));
        Process w = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            TestPlans.sendSpecAwaitReady(w, spec);
            Path trace = state.resolve("trace-" + w.pid());
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!(Files.exists(trace) && Files.readString(trace).endsWith("\n")) && System.nanoTime() < end)
                Thread.sleep(10); // the trace is written just after "ready": poll for it
            String line = Files.readString(trace);
            assertTrue(
                    line.matches(
                            "pid " + w.pid() + " cpu=\\d+ ms after main: tied=[\\d.]+ spec-read=[\\d.]+"
                                    + " spec-parsed=[\\d.]+ pinned=[\\d.]+ role-made=[\\d.]+ started=[\\d.]+ ready-sent=[\\d.]+\n"),
                    "trace: " + line);
        } finally {
            w.destroyForcibly().waitFor();
        }
    }
}
