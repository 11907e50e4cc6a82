package ipclab.repl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.repl.Ipclab;
import ipclab.repl.StateDir;
import ipclab.repl.SysvTool;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** {@code ipclab clean} on hand-written registry files naming real queues made by ipcmk. */
@SuppressWarnings("try") // a StateDir works by being open
class CleanCommandTest {
    private static final long PID = ProcessHandle.current().pid();

    @Test
    void nothingToClean() throws Exception {
        try (StateDir state = new StateDir()) {
            Ipclab r = Ipclab.run("clean");
            assertEquals(0, r.code(), r.toString());
            assertEquals("nothing to clean\n", r.out());
        }
    }

    @Test
    void removesWhatADeadRunLeftAndNothingElse() throws Exception {
        try (StateDir state = new StateDir();
                SysvTool left = SysvTool.queue();
                SysvTool other = SysvTool.queue()) {
            int key = left.key().orElseThrow();
            int otherKey = other.key().orElseThrow();
            state.staleRun("hello", "msg", left.id(), key);
            // a record whose id now belongs to an object with another key: someone else's, never removed
            state.staleRun("race", "msg", other.id(), otherKey + 1);
            Ipclab r = Ipclab.run("clean");
            assertEquals(0, r.code(), r.toString());
            assertTrue(
                    r.out()
                            .contains(String.format(
                                    "removed msg id=%d key=0x%08x (run of hello, pid %d)%n", left.id(), key, PID)),
                    r.out());
            assertTrue(
                    r.out()
                            .contains(String.format(
                                    "left    msg id=%d key=0x%08x: not ours (id reused: key=0x%08x uid=%d)%n",
                                    other.id(), otherKey + 1, otherKey, ipclab.engine.run.Proc.uid())),
                    r.out());
            assertTrue(r.out().endsWith("2 stale run records deleted\n"), r.out());
            assertFalse(left.exists(), "the dead run's queue is gone");
            assertTrue(other.exists(), "the other queue is untouched");
            try (var files = Files.list(state.runs())) {
                assertEquals(0, files.count());
            }
        }
    }

    @Test
    void aLiveRunIsLeftAlone() throws Exception {
        try (StateDir state = new StateDir();
                SysvTool q = SysvTool.queue()) {
            state.liveRun("hello", "msg", q.id(), q.key().orElseThrow());
            Ipclab r = Ipclab.run("clean");
            assertEquals("nothing to clean\n", r.out());
            assertTrue(q.exists());
        }
    }
}
