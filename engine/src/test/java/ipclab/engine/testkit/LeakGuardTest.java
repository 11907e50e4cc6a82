package ipclab.engine.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.engine.sys.Ipc;
import ipclab.engine.sys.IpcException;
import ipclab.engine.sys.SysvMsgQueue;
import ipclab.engine.sys.SysvSemaphore;
import ipclab.engine.sys.SysvShm;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** The leak check itself: it must see a leak, clean it, and say what it was. Leaks here are deliberate and cleaned. */
class LeakGuardTest {

    @Test
    void findsRemovesAndListsLeftObjects() {
        SysvSnapshot before = SysvSnapshot.take();
        Set<Long> children = LeakGuard.liveChildren();
        int msqid = SysvMsgQueue.msgget(Ipc.IPC_PRIVATE, Ipc.IPC_CREAT | 0600);
        int semid = SysvSemaphore.semget(Ipc.IPC_PRIVATE, 1, Ipc.IPC_CREAT | 0600);
        int shmid = SysvShm.shmget(Ipc.IPC_PRIVATE, 4096, Ipc.IPC_CREAT | 0600);
        String report = LeakGuard.Leaks.findAndClean(before, children);
        assertTrue(report.contains("left in /proc/sysvipc/msg: msg id=" + msqid + " "), report);
        assertTrue(report.contains("left in /proc/sysvipc/sem: sem id=" + semid + " "), report);
        assertTrue(report.contains("left in /proc/sysvipc/shm: shm id=" + shmid + " "), report);
        assertEquals(3, report.lines().filter(l -> l.endsWith("(removed)")).count(), report);
        assertThrows(IpcException.class, () -> SysvMsgQueue.stat(msqid), "the leak was removed");
        assertThrows(IpcException.class, () -> SysvShm.stat(shmid), "the leak was removed");
        assertEquals("", LeakGuard.Leaks.findAndClean(before, children), "nothing left the second time");
    }

    @Test
    void findsAndDestroysAChildLeftAlive() throws Exception {
        SysvSnapshot before = SysvSnapshot.take();
        Set<Long> children = LeakGuard.liveChildren();
        ChildJvm child = ChildJvm.start(Sleeper.class);
        assertEquals("sleeping", child.readLine(Duration.ofSeconds(30)));
        String report = LeakGuard.Leaks.findAndClean(before, children);
        assertTrue(report.startsWith("  child process left alive (destroyed): pid=" + child.pid() + " "), report);
        // SIGKILL is sent, not awaited: on a loaded machine the child may take a moment to be gone
        assertTrue(child.process().waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "the child was killed");
        child.close();
    }

    /** Also proves the registration: autodetection is switched on by junit-platform.properties alone. */
    @Test
    void aTestThatLeaksFailsWithTheListAndTheNextOneIsClean() {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(LeakyExample.class))
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        assertEquals(2, summary.getTestsStartedCount());
        assertEquals(1, summary.getTestsFailedCount(), "only the leaking test fails");
        TestExecutionSummary.Failure failure = summary.getFailures().get(0);
        assertEquals("leaksAQueue()", failure.getTestIdentifier().getDisplayName());
        String message = failure.getException().getMessage();
        assertTrue(
                message.startsWith("test leaksAQueue() leaked (now cleaned up):\n  left in /proc/sysvipc/msg: msg id="
                        + LeakyExample.leaked + " "),
                message);
    }

    /** Run only through the launcher above (surefire skips nested classes). */
    static class LeakyExample {
        static volatile int leaked = -1;

        @Test
        void leaksAQueue() {
            leaked = SysvMsgQueue.msgget(Ipc.IPC_PRIVATE, Ipc.IPC_CREAT | 0600);
        }

        @Test
        void cleanTest() {
            SysvMsgQueue.remove(SysvMsgQueue.msgget(Ipc.IPC_PRIVATE, Ipc.IPC_CREAT | 0600));
        }
    }

    /** A child that stays alive until killed. */
    public static final class Sleeper {
        public static void main(String[] args) throws InterruptedException {
            System.out.println("sleeping");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }
}
