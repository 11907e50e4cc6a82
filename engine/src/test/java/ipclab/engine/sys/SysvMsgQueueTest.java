package ipclab.engine.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.engine.testkit.ChildJvm;
import java.lang.foreign.Arena;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SysvMsgQueueTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Arena arena;
    private int msqid = -1;

    @BeforeEach
    void makeQueue() {
        arena = Arena.ofConfined();
        msqid = SysvMsgQueue.msgget(Ipc.IPC_PRIVATE, Ipc.IPC_CREAT | 0600);
    }

    @AfterEach
    void removeQueue() {
        try {
            if (msqid != -1) {
                SysvMsgQueue.remove(msqid);
            }
        } finally {
            arena.close();
        }
    }

    private void send(long mtype, String text) {
        MsgBuf buf = MsgBuf.allocate(arena, 64).mtype(mtype);
        buf.text().setString(0, text);
        SysvMsgQueue.send(msqid, buf, text.length(), 0);
    }

    @Test
    void aMessageOfType2IsSkippedByAReaderSelecting1AndReceivedByOneSelecting2() {
        send(2, "two");
        try (ChildJvm child = ChildJvm.start(SysChild.class, "msg-select", Integer.toString(msqid))) {
            assertEquals("select1 ENOMSG", child.readLine(TIMEOUT));
            assertEquals("select2 mtype=2 text=two", child.readLine(TIMEOUT));
            child.awaitSuccess(TIMEOUT);
            MsqInfo info = SysvMsgQueue.stat(msqid);
            assertEquals(0, info.qnum());
            assertEquals(ProcessHandle.current().pid(), info.lspid());
            assertEquals(child.pid(), info.lrpid());
            assertTrue(info.rtime() >= info.stime() && info.stime() > 0, info.toString());
        }
    }

    @Test
    void typeSelectionZeroPositiveAndNegative() {
        send(3, "c");
        send(1, "a");
        send(2, "b");
        MsgBuf buf = MsgBuf.allocate(arena, 16);
        assertEquals(1, SysvMsgQueue.receive(msqid, buf, 16, 0, Ipc.IPC_NOWAIT));
        assertEquals(3, buf.mtype(), "type 0 takes the first message");
        SysvMsgQueue.receive(msqid, buf, 16, -2, Ipc.IPC_NOWAIT);
        assertEquals(1, buf.mtype(), "type -2 takes the lowest type <= 2");
        SysvMsgQueue.receive(msqid, buf, 16, 2, Ipc.IPC_NOWAIT);
        assertEquals(2, buf.mtype());
        assertEquals("b", SysChild.text(buf.text(), 1));
        assertEquals(-Errno.ENOMSG, SysvMsgQueue.tryReceive(msqid, buf, 16, 0, Ipc.IPC_NOWAIT));
    }

    @Test
    void peekCopiesAMessageByIndexAndLeavesItInTheQueue() {
        send(3, "first");
        send(5, "second");
        MsgBuf buf = MsgBuf.allocate(arena, 8192);
        long n = SysvMsgQueue.tryPeek(msqid, buf, 1);
        if (n == -Errno.ENOSYS) return; // a kernel without CONFIG_CHECKPOINT_RESTORE: nothing to peek with
        assertEquals(6, n, "second, index 1: " + (n < 0 ? Errno.name((int) -n) : ""));
        assertEquals(5, buf.mtype());
        assertEquals(-Errno.ENOMSG, SysvMsgQueue.tryPeek(msqid, buf, 2));
        assertEquals(2, SysvMsgQueue.stat(msqid).qnum(), "nothing taken");
    }

    @Test
    void emptyQueueWithNowaitIsEnomsg() {
        MsgBuf buf = MsgBuf.allocate(arena, 16);
        IpcException e =
                assertThrows(IpcException.class, () -> SysvMsgQueue.receive(msqid, buf, 16, 0, Ipc.IPC_NOWAIT));
        assertEquals(
                "msgrcv(msqid=" + msqid
                        + ", size=16, mtype=0, flags=IPC_NOWAIT) failed: ENOMSG (No message of desired type)",
                e.getMessage());
        assertEquals(Errno.ENOMSG, e.failure().errno());
        assertEquals("ENOMSG", e.failure().errnoName());
        assertEquals("msgrcv", e.failure().call());
    }

    @Test
    void fullQueueWithNowaitIsEagainAfterExactlyQbytesOfText() {
        SysvMsgQueue.setQbytes(msqid, 64);
        assertEquals(64, SysvMsgQueue.stat(msqid).qbytes());
        MsgBuf buf = MsgBuf.allocate(arena, 8).mtype(1);
        int sent = 0;
        while (SysvMsgQueue.trySend(msqid, buf, 8, Ipc.IPC_NOWAIT) == 0) {
            sent++;
            assertTrue(sent <= 8, "the queue took more than 64 bytes");
        }
        assertEquals(8, sent);
        assertEquals(-Errno.EAGAIN, SysvMsgQueue.trySend(msqid, buf, 8, Ipc.IPC_NOWAIT));
        IpcException e = assertThrows(IpcException.class, () -> SysvMsgQueue.send(msqid, buf, 8, Ipc.IPC_NOWAIT));
        assertEquals(
                "msgsnd(msqid=" + msqid
                        + ", size=8, flags=IPC_NOWAIT) failed: EAGAIN (Resource temporarily unavailable)",
                e.getMessage());
        MsqInfo info = SysvMsgQueue.stat(msqid);
        assertEquals(8, info.qnum());
        assertEquals(64, info.cbytes());
    }

    @Test
    void tooLongForTheBufferIsE2bigWithoutMsgNoerrorAndTruncatedWithIt() {
        send(1, "0123456789abcdefghijklmnopqrstuv");
        MsgBuf small = MsgBuf.allocate(arena, 16);
        IpcException e =
                assertThrows(IpcException.class, () -> SysvMsgQueue.receive(msqid, small, 16, 0, Ipc.IPC_NOWAIT));
        assertEquals(
                "msgrcv(msqid=" + msqid
                        + ", size=16, mtype=0, flags=IPC_NOWAIT) failed: E2BIG (Argument list too long)",
                e.getMessage());
        assertEquals(1, SysvMsgQueue.stat(msqid).qnum(), "E2BIG leaves the message in the queue");
        long n = SysvMsgQueue.receive(msqid, small, 16, 0, Ipc.IPC_NOWAIT | Ipc.MSG_NOERROR);
        assertEquals(16, n);
        assertEquals("0123456789abcdef", SysChild.text(small.text(), n));
        assertEquals(0, SysvMsgQueue.stat(msqid).qnum(), "MSG_NOERROR drops the rest");
    }

    @Test
    void aMessageLargerThanMsgmaxIsEinval() {
        long msgmax = Procs.procLimit("msgmax");
        MsgBuf big = MsgBuf.allocate(arena, msgmax + 1).mtype(1);
        IpcException e =
                assertThrows(IpcException.class, () -> SysvMsgQueue.send(msqid, big, msgmax + 1, Ipc.IPC_NOWAIT));
        assertEquals(
                "msgsnd(msqid=" + msqid + ", size=" + (msgmax + 1)
                        + ", flags=IPC_NOWAIT) failed: EINVAL (Invalid argument)",
                e.getMessage());
        assertEquals(
                0,
                SysvMsgQueue.trySend(
                        msqid, big, Math.min(msgmax, SysvMsgQueue.stat(msqid).qbytes()), Ipc.IPC_NOWAIT),
                "msgmax bytes themselves are fine");
    }

    @Test
    void msggetReportsEexistAndEnoent() {
        int key = 0x2cab0000 | (int) (ProcessHandle.current().pid() & 0xffff);
        int q = SysvMsgQueue.msgget(key, Ipc.IPC_CREAT | Ipc.IPC_EXCL | 0600);
        try {
            IpcException e = assertThrows(
                    IpcException.class, () -> SysvMsgQueue.msgget(key, Ipc.IPC_CREAT | Ipc.IPC_EXCL | 0600));
            assertEquals(
                    String.format(
                            "msgget(key=0x%08x, flags=IPC_CREAT|IPC_EXCL|0600) failed: EEXIST (File exists)", key),
                    e.getMessage());
            assertEquals(q, SysvMsgQueue.msgget(key, 0));
        } finally {
            SysvMsgQueue.remove(q);
        }
        IpcException e = assertThrows(IpcException.class, () -> SysvMsgQueue.msgget(key, 0600));
        assertEquals(
                String.format("msgget(key=0x%08x, flags=0600) failed: ENOENT (No such file or directory)", key),
                e.getMessage());
    }

    @Test
    void removingAQueueWakesAProcessBlockedInMsgrcvWithEidrm() throws Exception {
        try (ChildJvm child = ChildJvm.start(SysChild.class, "msg-block", Integer.toString(msqid))) {
            assertEquals("blocking", child.readLine(TIMEOUT));
            Procs.awaitBlockedIn(child.pid(), Procs.SYS_MSGRCV, TIMEOUT.toMillis());
            SysvMsgQueue.remove(msqid);
            int removed = msqid;
            msqid = -1;
            assertEquals(
                    "EIDRM msgrcv(msqid=" + removed + ", size=64, mtype=0, flags=0) failed: EIDRM (Identifier removed)",
                    child.readLine(TIMEOUT));
            child.awaitSuccess(TIMEOUT);
        }
    }
}
