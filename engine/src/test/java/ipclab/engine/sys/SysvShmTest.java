package ipclab.engine.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.engine.testkit.ChildJvm;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SysvShmTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void aSegmentWrittenByOneProcessIsReadByAnother() {
        int shmid = SysvShm.shmget(Ipc.IPC_PRIVATE, 4096, Ipc.IPC_CREAT | 0600);
        try (Arena arena = Arena.ofShared()) {
            MemorySegment seg = SysvShm.attach(shmid, 4096, arena);
            seg.setString(0, "hello from parent");
            try (ChildJvm child = ChildJvm.start(SysChild.class, "shm-read", Integer.toString(shmid), "4096")) {
                assertEquals("read hello from parent", child.readLine(TIMEOUT));
                assertEquals("nattch 2", child.readLine(TIMEOUT));
                child.awaitSuccess(TIMEOUT);
                assertEquals("ack from " + child.pid(), seg.getString(1024));
            }
            ShmInfo info = SysvShm.stat(shmid);
            assertEquals(1, info.nattch());
            assertEquals(4096, info.segsz());
            assertEquals(0600, info.mode());
            assertEquals(ProcessHandle.current().pid(), info.cpid());
            assertFalse(info.markedForRemoval());
            assertTrue(info.dtime() > 0, "the child detached: " + info);
        } finally {
            SysvShm.remove(shmid);
        }
    }

    @Test
    void removeWhileAttachedOnlyMarksTheSegmentUntilTheLastDetach() {
        int shmid = SysvShm.shmget(Ipc.IPC_PRIVATE, 8192, Ipc.IPC_CREAT | 0600);
        boolean removed = false;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = SysvShm.attach(shmid, arena);
            assertEquals(8192, seg.byteSize());
            SysvShm.remove(shmid);
            removed = true;
            ShmInfo info = SysvShm.stat(shmid);
            assertTrue(info.markedForRemoval(), info.toString());
            assertEquals(0600, info.mode());
            seg.set(java.lang.foreign.ValueLayout.JAVA_LONG, 8184, 42L);
            assertEquals(42L, seg.get(java.lang.foreign.ValueLayout.JAVA_LONG, 8184));
        } finally {
            if (!removed) {
                SysvShm.remove(shmid);
            }
        }
        IpcException e = assertThrows(IpcException.class, () -> SysvShm.stat(shmid));
        assertTrue(e.failure().errno() == Errno.EINVAL || e.failure().errno() == Errno.EIDRM, e.getMessage());
    }

    @Test
    void shmgetReportsEexistAndEnoentWithTheKey() {
        int key = 0x1cab0000 | (int) (ProcessHandle.current().pid() & 0xffff);
        int shmid = SysvShm.shmget(key, 4096, Ipc.IPC_CREAT | Ipc.IPC_EXCL | 0600);
        try {
            IpcException e = assertThrows(
                    IpcException.class, () -> SysvShm.shmget(key, 4096, Ipc.IPC_CREAT | Ipc.IPC_EXCL | 0600));
            assertEquals(
                    String.format(
                            "shmget(key=0x%08x, size=4096, flags=IPC_CREAT|IPC_EXCL|0600) failed: EEXIST (File exists)",
                            key),
                    e.getMessage());
            assertEquals(shmid, SysvShm.shmget(key, 4096, 0));
            assertEquals(key, SysvShm.stat(shmid).key());
        } finally {
            SysvShm.remove(shmid);
        }
        IpcException e = assertThrows(IpcException.class, () -> SysvShm.shmget(key, 4096, 0));
        assertEquals("ENOENT", e.failure().errnoName());
        assertEquals("shmget", e.failure().call());
    }

    @Test
    void shmatOfABadIdIsEinval() {
        IpcException e = assertThrows(IpcException.class, () -> SysvShm.shmat(-12345, 0));
        assertEquals("shmat(shmid=-12345, flags=0) failed: EINVAL (Invalid argument)", e.getMessage());
    }
}
