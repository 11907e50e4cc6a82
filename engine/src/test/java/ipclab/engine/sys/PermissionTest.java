package ipclab.engine.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ipclab.engine.testkit.ChildJvm;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * EACCES, as the kernel really gives it: a process without write permission writes a mode 0400
 * object. Root bypasses the check (CAP_IPC_OWNER), so when the suite runs as root the child
 * first drops to uid/gid 65534 (nobody) with setgid/setuid; otherwise the owner itself lacks
 * write permission on 0400.
 */
class PermissionTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void writingAMode0400ObjectIsEacces() {
        int msqid = SysvMsgQueue.msgget(Ipc.IPC_PRIVATE, Ipc.IPC_CREAT | 0400);
        int shmid = SysvShm.shmget(Ipc.IPC_PRIVATE, 4096, Ipc.IPC_CREAT | 0400);
        try (ChildJvm child =
                ChildJvm.start(SysChild.class, "eacces", Integer.toString(msqid), Integer.toString(shmid))) {
            assertNotEquals("uid 0", child.readLine(TIMEOUT));
            assertEquals(
                    "msgsnd(msqid=" + msqid + ", size=8, flags=IPC_NOWAIT) failed: EACCES (Permission denied)",
                    child.readLine(TIMEOUT));
            assertEquals(
                    "shmat(shmid=" + shmid + ", flags=0) failed: EACCES (Permission denied)", child.readLine(TIMEOUT));
            child.awaitSuccess(TIMEOUT);
        } finally {
            SysvMsgQueue.remove(msqid);
            SysvShm.remove(shmid);
        }
    }
}
