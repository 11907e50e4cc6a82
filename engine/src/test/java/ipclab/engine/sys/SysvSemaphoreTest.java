package ipclab.engine.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ipclab.engine.testkit.ChildJvm;
import java.lang.foreign.Arena;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SysvSemaphoreTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void aSemaphoreBlocksAProcessUntilAnotherPosts() throws Exception {
        int semid = SysvSemaphore.semget(Ipc.IPC_PRIVATE, 2, Ipc.IPC_CREAT | 0600);
        try (Arena arena = Arena.ofConfined();
                ChildJvm child = ChildJvm.start(SysChild.class, "sem-wait", Integer.toString(semid))) {
            assertEquals("waiting", child.readLine(TIMEOUT));
            Procs.awaitBlockedIn(child.pid(), Procs.SYS_SEMTIMEDOP, TIMEOUT.toMillis());
            assertEquals(1, SysvSemaphore.getNcnt(semid, 0), "the child waits for semaphore 0 to rise");
            SysvSemaphore.semop(semid, SemOps.of(arena, 0, 1, 0));
            assertEquals("passed", child.readLine(TIMEOUT));
            assertEquals("undo-value 5", child.readLine(TIMEOUT));
            child.awaitSuccess(TIMEOUT);
            assertEquals(0, SysvSemaphore.getVal(semid, 0));
            assertEquals(0, SysvSemaphore.getVal(semid, 1), "SEM_UNDO gave back the child's +5 when it exited");
            assertEquals(child.pid(), SysvSemaphore.getPid(semid, 1));
        } finally {
            SysvSemaphore.remove(semid);
        }
    }

    @Test
    void severalOperationsInOneSemopAreAllOrNothing() {
        int semid = SysvSemaphore.semget(Ipc.IPC_PRIVATE, 2, Ipc.IPC_CREAT | 0600);
        try (Arena arena = Arena.ofConfined()) {
            SysvSemaphore.setVal(semid, 0, 1);
            SemOps ops = SemOps.allocate(arena, 2).set(0, 0, -1, Ipc.IPC_NOWAIT).set(1, 1, -1, Ipc.IPC_NOWAIT);
            assertEquals(-Errno.EAGAIN, SysvSemaphore.trySemop(semid, ops), "semaphore 1 is 0");
            assertEquals(1, SysvSemaphore.getVal(semid, 0), "so semaphore 0 was not taken either");
            SysvSemaphore.setVal(semid, 1, 3);
            assertEquals(0, SysvSemaphore.trySemop(semid, ops));
            assertEquals(0, SysvSemaphore.getVal(semid, 0));
            assertEquals(2, SysvSemaphore.getVal(semid, 1));
            IpcException e = assertThrows(IpcException.class, () -> SysvSemaphore.semop(semid, ops));
            assertEquals(
                    "semop(semid=" + semid
                            + ", ops=[{num=0, op=-1, flags=IPC_NOWAIT}, {num=1, op=-1, flags=IPC_NOWAIT}])"
                            + " failed: EAGAIN (Resource temporarily unavailable)",
                    e.getMessage());
        } finally {
            SysvSemaphore.remove(semid);
        }
        IpcException e = assertThrows(IpcException.class, () -> SysvSemaphore.getVal(semid, 0));
        assertEquals("semctl", e.failure().call());
    }

    @Test
    void setvalBeyondSemvmxIsErange() {
        int semid = SysvSemaphore.semget(Ipc.IPC_PRIVATE, 1, Ipc.IPC_CREAT | 0600);
        try {
            IpcException e = assertThrows(IpcException.class, () -> SysvSemaphore.setVal(semid, 0, 40000));
            assertEquals(
                    "semctl(semid=" + semid
                            + ", semnum=0, cmd=SETVAL, val=40000) failed: ERANGE (Numerical result out of range)",
                    e.getMessage());
        } finally {
            SysvSemaphore.remove(semid);
        }
    }
}
