package ipclab.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import ipclab.engine.worker.WorkerMain;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker's tie to its supervisor made by its launcher ({@code setpriv --pdeathsig KILL}, see
 * {@link WorkerCommand#launcher()}): the worker is told so ({@code --tied}) and makes no prctl of
 * its own, yet still dies with SIGKILL when the process that started it dies, even though its
 * stdin (the control pipe) stays open.
 */
@Timeout(120)
class WorkerTieTest {
    @TempDir
    Path state;

    @Test
    void theCommandTiesAtExecWhenSetprivCan() {
        List<String> cmd = WorkerCommand.forThisJvm(state).command(false, null);
        List<String> launcher = WorkerCommand.launcher();
        assumeFalse(launcher.isEmpty(), "no setpriv with --pdeathsig here: the worker ties itself");
        assertEquals(launcher, cmd.subList(0, launcher.size()));
        assertEquals(WorkerMain.TIED, cmd.get(cmd.indexOf(WorkerCommand.MAIN) + 1));
    }

    @Test
    void aTiedWorkerDiesWithTheProcessThatStartedIt() throws Exception {
        assumeFalse(WorkerCommand.launcher().isEmpty(), "no setpriv with --pdeathsig here");
        StringBuilder worker = new StringBuilder();
        for (String a : WorkerCommand.forThisJvm(state).command(false, null))
            worker.append('\'').append(a.replace("'", "'\\''")).append("' ");
        // sh starts the worker in the background on sh's own stdin (kept open by this test), prints
        // its pid and waits: the worker's parent is sh, which is then killed
        Process sh = new ProcessBuilder("/bin/sh", "-c", "exec 3<&0; " + worker + "<&3 & echo $!; wait")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        ProcessHandle w = null;
        try {
            String pid =
                    new BufferedReader(new InputStreamReader(sh.getInputStream(), StandardCharsets.UTF_8)).readLine();
            Optional<ProcessHandle> h = ProcessHandle.of(Long.parseLong(pid.trim()));
            assertTrue(h.isPresent() && h.get().isAlive(), "the worker runs, waiting for its spec");
            w = h.get();
            sh.destroyForcibly().waitFor();
            assertTrue(
                    w.onExit().completeOnTimeout(null, 60, TimeUnit.SECONDS).get() != null && !w.isAlive(),
                    "the worker outlived the process that started it");
        } finally {
            sh.destroyForcibly();
            if (w != null) w.destroyForcibly();
            sh.getOutputStream().close();
        }
    }
}
