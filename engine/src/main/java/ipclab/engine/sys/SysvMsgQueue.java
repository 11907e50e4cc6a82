package ipclab.engine.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * System V message queues: msgget, msgsnd, msgrcv, msgctl (man 2 msgget, msgop, msgctl).
 *
 * <p>Hot path: {@link #trySend} and {@link #tryReceive} neither allocate nor throw for kernel
 * errors; they return {@code -errno} (e.g. {@code -Errno.EAGAIN} on a full queue with IPC_NOWAIT,
 * {@code -Errno.ENOMSG} on an empty one). {@link #send} and {@link #receive} throw
 * {@link IpcException} and <b>retry EINTR</b> (a blocked call interrupted by a signal); the
 * {@code try} variants return {@code -EINTR} to the caller.
 */
public final class SysvMsgQueue {
    private SysvMsgQueue() {}

    /**
     * Links every downcall handle of this facility now (the first link of a JVM costs ~100 ms),
     * so that a setup step timed afterwards measures the system call, not the linker.
     */
    public static void link() {
        Native.linked(Get.H);
        Native.linked(Snd.H);
        Native.linked(Rcv.H);
        Native.linked(Ctl.H);
    }

    /**
     * Warms the call paths a timed setup step takes: each downcall is invoked once with arguments
     * the kernel rejects at once, without side effects (msgget of a fixed key with flags 0: ENOENT, or a mere lookup; msgsnd, msgrcv and msgctl of id -1: EINVAL), so that the first timed call pays
     * the system call and not the JVM's first invocation of the handle (LambdaForm spinning,
     * ~10-80 ms in a cold JVM). Not counted in {@link Syscalls} (strace sees these calls).
     */
    public static void warm() {
        MemorySegment c = Native.state().capture;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ds = arena.allocate(Structs.MSQID_DS);
            int r = (int) Get.H.invokeExact(c, 0x1ec1ab00, 0);
            r = (int) Snd.H.invokeExact(c, -1, ds, 0L, Ipc.IPC_NOWAIT);
            long n = (long) Rcv.H.invokeExact(c, -1, ds, 0L, 0L, Ipc.IPC_NOWAIT);
            r |= (int) Ctl.H.invokeExact(c, -1, Ipc.IPC_STAT, ds);
            Structs.setLong(
                    ds,
                    Structs.getLong(ds, Structs.MSQID_DS, "msg_qbytes"),
                    Structs.MSQID_DS,
                    "msg_qbytes"); // setQbytes' own work
            if (r != -1 || n != -1)
                throw new IllegalStateException("msgq warm-up calls were expected to fail with EINVAL");
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
    }

    private static final class Get {
        static final MethodHandle H = Native.withErrno("msgget", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    }

    private static final class Snd {
        static final MethodHandle H =
                Native.withErrno("msgsnd", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    }

    private static final class Rcv {
        static final MethodHandle H = Native.withErrno(
                "msgrcv", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_INT));
    }

    private static final class Ctl {
        static final MethodHandle H =
                Native.withErrno("msgctl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
    }

    /**
     * Gets or creates a queue.
     *
     * @param flags e.g. {@code IPC_CREAT | IPC_EXCL | 0600}
     * @return the msqid
     */
    public static int msgget(int key, int flags) {
        Native.PerThread t = Syscalls.count(Syscalls.MSGGET);
        int id;
        try {
            id = (int) Get.H.invokeExact(t.capture, key, flags);
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
        if (id == -1) {
            throw new IpcException(
                    "msgget", "key=" + Ipc.keyHex(key) + ", flags=" + Ipc.getFlags(flags), Native.errno(t.capture));
        }
        CreatedObjects.record(CreatedObjects.Kind.MSG, id, flags);
        return id;
    }

    /**
     * msgsnd of {@code textSize} bytes of {@code buf}'s text with its mtype. Allocation-free.
     *
     * @param flags 0 (block while the queue is full) or {@link Ipc#IPC_NOWAIT}
     * @return 0, or {@code -errno} ({@code -EAGAIN}: full with IPC_NOWAIT; {@code -EIDRM}: removed; {@code -EINTR})
     */
    public static int trySend(int msqid, MsgBuf buf, long textSize, int flags) {
        Native.PerThread t = Syscalls.count(Syscalls.MSGSND);
        int rc;
        try {
            rc = (int) Snd.H.invokeExact(t.capture, msqid, buf.segment(), textSize, flags);
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
        return rc == -1 ? -Native.errno(t.capture) : 0;
    }

    /** As {@link #trySend}, but retries EINTR and throws any other failure. */
    public static void send(int msqid, MsgBuf buf, long textSize, int flags) {
        int rc;
        do {
            rc = trySend(msqid, buf, textSize, flags);
        } while (rc == -Errno.EINTR);
        if (rc < 0) {
            throw new IpcException(
                    "msgsnd", "msqid=" + msqid + ", size=" + textSize + ", flags=" + Ipc.msgFlags(flags), -rc);
        }
    }

    /**
     * msgrcv into {@code buf} (its mtype is set to the received message's type). Allocation-free.
     *
     * @param maxText at most this many text bytes (at most {@code buf.capacity()})
     * @param mtype   0: the first message; &gt; 0: the first of that type (or, with MSG_EXCEPT, not of it);
     *                &lt; 0: the first of the lowest type &lt;= |mtype|
     * @param flags   {@link Ipc#IPC_NOWAIT}, {@link Ipc#MSG_NOERROR} (truncate instead of E2BIG), or 0
     * @return the text size received, or {@code -errno} ({@code -ENOMSG}: nothing matching with
     *         IPC_NOWAIT; {@code -E2BIG}: too long without MSG_NOERROR; {@code -EIDRM}; {@code -EINTR})
     */
    public static long tryReceive(int msqid, MsgBuf buf, long maxText, long mtype, int flags) {
        Native.PerThread t = Syscalls.count(Syscalls.MSGRCV);
        long n;
        try {
            n = (long) Rcv.H.invokeExact(t.capture, msqid, buf.segment(), maxText, mtype, flags);
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
        return n == -1 ? -Native.errno(t.capture) : n;
    }

    /** As {@link #tryReceive}, but retries EINTR and throws any other failure; returns the text size. */
    public static long receive(int msqid, MsgBuf buf, long maxText, long mtype, int flags) {
        if (maxText > buf.capacity()) {
            throw new IllegalArgumentException(
                    "maxText=" + maxText + " exceeds the buffer's capacity=" + buf.capacity());
        }
        long n;
        do {
            n = tryReceive(msqid, buf, maxText, mtype, flags);
        } while (n == -Errno.EINTR);
        if (n < 0) {
            throw new IpcException(
                    "msgrcv",
                    "msqid=" + msqid + ", size=" + maxText + ", mtype=" + mtype + ", flags=" + Ipc.msgFlags(flags),
                    (int) -n);
        }
        return n;
    }

    /**
     * Looks at the message at {@code index} (0 is the oldest) without taking it: msgrcv with
     * MSG_COPY and IPC_NOWAIT. {@code buf} must hold the largest message (msgmax): a copy into a
     * smaller buffer fails with EINVAL.
     *
     * @return the text size, with the type in {@code buf}; or {@code -errno}: {@code -ENOMSG} past
     *         the last message, {@code -ENOSYS} on a kernel without CONFIG_CHECKPOINT_RESTORE
     */
    public static long tryPeek(int msqid, MsgBuf buf, long index) {
        return tryReceive(msqid, buf, buf.capacity(), index, Ipc.MSG_COPY | Ipc.IPC_NOWAIT | Ipc.MSG_NOERROR);
    }

    /** msgctl(IPC_STAT). */
    public static MsqInfo stat(int msqid) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ds = statInto(msqid, arena);
            var l = Structs.MSQID_DS;
            return new MsqInfo(
                    Structs.getInt(ds, l, "msg_perm", "__key"),
                    Structs.getInt(ds, l, "msg_perm", "uid"),
                    Structs.getInt(ds, l, "msg_perm", "mode") & 0777,
                    Structs.getLong(ds, l, "msg_qnum"),
                    Structs.getLong(ds, l, "msg_qbytes"),
                    Structs.getLong(ds, l, "__msg_cbytes"),
                    Structs.getInt(ds, l, "msg_lspid"),
                    Structs.getInt(ds, l, "msg_lrpid"),
                    Structs.getLong(ds, l, "msg_stime"),
                    Structs.getLong(ds, l, "msg_rtime"),
                    Structs.getLong(ds, l, "msg_ctime"));
        }
    }

    private static MemorySegment statInto(int msqid, Arena arena) {
        MemorySegment ds = arena.allocate(Structs.MSQID_DS);
        ctl(msqid, Ipc.IPC_STAT, "IPC_STAT", ds, "");
        return ds;
    }

    /**
     * Changes the queue's capacity in bytes (IPC_STAT, change {@code msg_qbytes}, IPC_SET). Raising
     * it above /proc/sys/kernel/msgmnb needs CAP_SYS_RESOURCE (EPERM otherwise).
     */
    public static void setQbytes(int msqid, long qbytes) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ds = statInto(msqid, arena);
            Structs.setLong(ds, qbytes, Structs.MSQID_DS, "msg_qbytes");
            ctl(msqid, Ipc.IPC_SET, "IPC_SET", ds, ", msg_qbytes=" + qbytes);
        }
    }

    /** msgctl(IPC_RMID): removes the queue now; processes blocked on it get EIDRM. */
    public static void remove(int msqid) {
        ctl(msqid, Ipc.IPC_RMID, "IPC_RMID", MemorySegment.NULL, "");
    }

    private static void ctl(int msqid, int cmd, String cmdName, MemorySegment ds, String extra) {
        Native.PerThread t = Syscalls.count(Syscalls.MSGCTL);
        int rc;
        try {
            rc = (int) Ctl.H.invokeExact(t.capture, msqid, cmd, ds);
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
        if (rc == -1) {
            throw new IpcException("msgctl", "msqid=" + msqid + ", cmd=" + cmdName + extra, Native.errno(t.capture));
        }
    }
}
