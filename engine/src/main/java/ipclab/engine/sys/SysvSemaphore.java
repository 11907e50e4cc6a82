package ipclab.engine.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * System V semaphore sets: semget, semop, semctl (man 2 semget, semop, semctl).
 *
 * <p>glibc's semop is the {@code semtimedop} system call (strace shows that name); it is counted
 * as {@code semop} (see {@link Syscalls}). semctl is variadic in C and is linked as such.
 *
 * <p>Hot path: {@link #trySemop} neither allocates nor throws for kernel errors (returns
 * {@code -errno}); {@link #semop} <b>retries EINTR</b> and throws anything else.
 */
public final class SysvSemaphore {
    private SysvSemaphore() {}

    /**
     * Links every downcall handle of this facility now (the first link of a JVM costs ~100 ms),
     * so that a setup step timed afterwards measures the system call, not the linker.
     */
    public static void link() {
        Native.linked(Get.H);
        Native.linked(Op.H);
        Native.linked(Ctl3.H);
        Native.linked(CtlInt.H);
    }

    /**
     * Warms the call paths a timed setup step takes: each downcall is invoked once with arguments
     * the kernel rejects at once, without side effects (semget of -1 semaphores, semop and semctl of id -1: EINVAL), so that the first timed call pays
     * the system call and not the JVM's first invocation of the handle (LambdaForm spinning,
     * ~10-80 ms in a cold JVM). Not counted in {@link Syscalls} (strace sees these calls).
     */
    public static void warm() {
        MemorySegment c = Native.state().capture;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ops = arena.allocate(Structs.SEMBUF);
            int r = (int) Get.H.invokeExact(c, Ipc.IPC_PRIVATE, -1, Ipc.IPC_CREAT);
            r |= (int) Op.H.invokeExact(c, -1, ops, 1L);
            r |= (int) Ctl3.H.invokeExact(c, -1, 0, Ipc.GETVAL);
            r |= (int) CtlInt.H.invokeExact(c, -1, 0, Ipc.SETVAL, 0);
            if (r != -1) throw new IllegalStateException("semaphore warm-up calls were expected to fail with EINVAL");
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
    }

    private static final class Get {
        static final MethodHandle H =
                Native.withErrno("semget", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    }

    private static final class Op {
        static final MethodHandle H =
                Native.withErrno("semop", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_LONG));
    }

    /** semop for operations that cannot sleep ({@link SemOps#cannotBlock()}); linked at its first use. */
    private static final class OpNow {
        static final MethodHandle H =
                Native.critical("semop", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_LONG));
    }

    /** semctl(semid, semnum, cmd) for commands without a fourth argument. */
    private static final class Ctl3 {
        static final MethodHandle H =
                Native.withErrnoVariadic("semctl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT), 3);
    }

    /** semctl(semid, semnum, cmd, int val) for SETVAL (union semun passed as its int member). */
    private static final class CtlInt {
        static final MethodHandle H = Native.withErrnoVariadic(
                "semctl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT), 3);
    }

    /** semctl(semid, 0, IPC_STAT, struct semid_ds *buf) (union semun passed as its pointer member). */
    private static final class CtlPtr {
        static final MethodHandle H = Native.withErrnoVariadic(
                "semctl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS), 3);
    }

    /**
     * semctl(IPC_STAT): the set's {@code sem_ctime} (creation or last change, seconds since the
     * epoch), part of what proves a set is the one ipclab made (ids are reused).
     */
    public static long ctime(int semid) {
        Native.PerThread t = Syscalls.count(Syscalls.SEMCTL);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ds = arena.allocate(Structs.SEMID_DS);
            int rc = (int) CtlPtr.H.invokeExact(t.capture, semid, 0, Ipc.IPC_STAT, ds);
            if (rc == -1)
                throw new IpcException("semctl", "semid=" + semid + ", cmd=IPC_STAT", Native.errno(t.capture));
            return Structs.getLong(ds, Structs.SEMID_DS, "sem_ctime");
        } catch (IpcException e) {
            throw e;
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
    }

    /**
     * Gets or creates a set of {@code nsems} semaphores (new ones start at 0).
     *
     * @return the semid
     */
    public static int semget(int key, int nsems, int flags) {
        Native.PerThread t = Syscalls.count(Syscalls.SEMGET);
        int id;
        try {
            id = (int) Get.H.invokeExact(t.capture, key, nsems, flags);
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
        if (id == -1) {
            throw new IpcException(
                    "semget",
                    "key=" + Ipc.keyHex(key) + ", nsems=" + nsems + ", flags=" + Ipc.getFlags(flags),
                    Native.errno(t.capture));
        }
        CreatedObjects.record(CreatedObjects.Kind.SEM, id, flags);
        return id;
    }

    /**
     * Performs all of {@code ops} atomically. Allocation-free.
     *
     * @return 0, or {@code -errno} ({@code -EAGAIN}: would block with IPC_NOWAIT; {@code -EIDRM}; {@code -EINTR})
     */
    public static int trySemop(int semid, SemOps ops) {
        Native.PerThread t = Syscalls.count(Syscalls.SEMOP);
        int rc = ops.cannotBlock()
                ? opNow(t.capture, semid, ops.segment(), ops.count())
                : opMayBlock(t.capture, semid, ops.segment(), ops.count());
        return rc == -1 ? -Native.errno(t.capture) : 0;
    }

    // One downcall per method, so that C2 inlines each whole (see SysvMsgQueue.sendNow).
    private static int opNow(MemorySegment c, int semid, MemorySegment ops, int count) {
        try {
            return (int) OpNow.H.invokeExact(c, semid, ops, (long) count);
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
    }

    private static int opMayBlock(MemorySegment c, int semid, MemorySegment ops, int count) {
        try {
            return (int) Op.H.invokeExact(c, semid, ops, (long) count);
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
    }

    /** As {@link #trySemop}, but retries EINTR and throws any other failure. */
    public static void semop(int semid, SemOps ops) {
        int rc;
        do {
            rc = trySemop(semid, ops);
        } while (rc == -Errno.EINTR);
        if (rc < 0) {
            throw new IpcException("semop", "semid=" + semid + ", ops=" + ops, -rc);
        }
    }

    /** semctl(SETVAL). */
    public static void setVal(int semid, int semNum, int value) {
        Native.PerThread t = Syscalls.count(Syscalls.SEMCTL);
        int rc;
        try {
            rc = (int) CtlInt.H.invokeExact(t.capture, semid, semNum, Ipc.SETVAL, value);
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
        if (rc == -1) {
            throw new IpcException(
                    "semctl",
                    "semid=" + semid + ", semnum=" + semNum + ", cmd=SETVAL, val=" + value,
                    Native.errno(t.capture));
        }
    }

    /** semctl(GETVAL): the semaphore's value. */
    public static int getVal(int semid, int semNum) {
        return ctl3(semid, semNum, Ipc.GETVAL, "GETVAL");
    }

    /** semctl(GETNCNT): how many processes wait for the value to increase. */
    public static int getNcnt(int semid, int semNum) {
        return ctl3(semid, semNum, Ipc.GETNCNT, "GETNCNT");
    }

    /** semctl(GETZCNT): how many processes wait for the value to become zero. */
    public static int getZcnt(int semid, int semNum) {
        return ctl3(semid, semNum, Ipc.GETZCNT, "GETZCNT");
    }

    /** semctl(GETPID): the pid of the last semop on that semaphore. */
    public static int getPid(int semid, int semNum) {
        return ctl3(semid, semNum, Ipc.GETPID, "GETPID");
    }

    /** semctl(IPC_RMID): removes the set now; processes blocked on it get EIDRM. */
    public static void remove(int semid) {
        ctl3(semid, 0, Ipc.IPC_RMID, "IPC_RMID");
    }

    private static int ctl3(int semid, int semNum, int cmd, String cmdName) {
        Native.PerThread t = Syscalls.count(Syscalls.SEMCTL);
        int rc;
        try {
            rc = (int) Ctl3.H.invokeExact(t.capture, semid, semNum, cmd);
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
        if (rc == -1) {
            throw new IpcException(
                    "semctl", "semid=" + semid + ", semnum=" + semNum + ", cmd=" + cmdName, Native.errno(t.capture));
        }
        return rc;
    }
}
