package ipclab.engine.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * System V shared memory: shmget, shmat, shmdt, shmctl (man 2 shmget, shmop, shmctl).
 *
 * <p>All calls here are setup calls (they may allocate); access to an attached segment is plain
 * memory access and makes no system call. None of these calls blocks, so none retries EINTR.
 */
public final class SysvShm {
    private SysvShm() {}

    /**
     * Links every downcall handle of this facility now (the first link of a JVM costs ~100 ms),
     * so that a setup step timed afterwards measures the system call, not the linker.
     */
    public static void link() {
        Native.linked(Get.H);
        Native.linked(At.H);
        Native.linked(Dt.H);
        Native.linked(Ctl.H);
    }

    /**
     * Warms the call paths a timed setup step takes: each downcall is invoked once with arguments
     * the kernel rejects at once, without side effects (shmget of 0 bytes, shmat, shmdt of NULL and shmctl of id -1: EINVAL), so that the first timed call pays
     * the system call and not the JVM's first invocation of the handle (LambdaForm spinning,
     * ~10-80 ms in a cold JVM). Not counted in {@link Syscalls} (strace sees these calls).
     */
    public static void warm() {
        MemorySegment c = Native.state().capture;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ds = arena.allocate(Structs.SHMID_DS);
            int r = (int) Get.H.invokeExact(c, Ipc.IPC_PRIVATE, 0L, Ipc.IPC_CREAT);
            MemorySegment a = (MemorySegment) At.H.invokeExact(c, -1, MemorySegment.NULL, 0);
            r |= (int) Dt.H.invokeExact(c, MemorySegment.NULL);
            r |= (int) Ctl.H.invokeExact(c, -1, Ipc.IPC_STAT, ds);
            Structs.getLong(ds, Structs.SHMID_DS, "shm_segsz");
            Structs.getInt(ds, Structs.SHMID_DS, "shm_perm", "mode");
            a.reinterpret(0);
            if (r != -1) throw new IllegalStateException("shm warm-up calls were expected to fail with EINVAL");
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
    }

    /** The cleanup of an attachment: made once with the class, not at the first (timed) attach. */
    private static final java.util.function.Consumer<MemorySegment> DETACH = SysvShm::shmdt;

    private static final class Get {
        static final MethodHandle H =
                Native.withErrno("shmget", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_INT));
    }

    private static final class At {
        static final MethodHandle H =
                Native.withErrno("shmat", FunctionDescriptor.of(ADDRESS, JAVA_INT, ADDRESS, JAVA_INT));
    }

    private static final class Dt {
        static final MethodHandle H = Native.withErrno("shmdt", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    }

    private static final class Ctl {
        static final MethodHandle H =
                Native.withErrno("shmctl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
    }

    /**
     * Gets or creates a segment.
     *
     * @param flags e.g. {@code IPC_CREAT | IPC_EXCL | 0600}
     * @return the shmid
     */
    public static int shmget(int key, long size, int flags) {
        Native.PerThread t = Syscalls.count(Syscalls.SHMGET);
        int id;
        try {
            id = (int) Get.H.invokeExact(t.capture, key, size, flags);
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
        if (id == -1) {
            throw new IpcException(
                    "shmget",
                    "key=" + Ipc.keyHex(key) + ", size=" + size + ", flags=" + Ipc.getFlags(flags),
                    Native.errno(t.capture));
        }
        CreatedObjects.record(CreatedObjects.Kind.SHM, id, flags);
        return id;
    }

    /**
     * Attaches a segment anywhere in the address space.
     *
     * @param flags 0 or {@link Ipc#SHM_RDONLY}
     * @return the address, as a zero-length segment (see {@link #attach} for a sized one)
     */
    public static MemorySegment shmat(int shmid, int flags) {
        Native.PerThread t = Syscalls.count(Syscalls.SHMAT);
        MemorySegment addr;
        try {
            addr = (MemorySegment) At.H.invokeExact(t.capture, shmid, MemorySegment.NULL, flags);
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
        if (addr.address() == -1L) {
            throw new IpcException(
                    "shmat", "shmid=" + shmid + ", flags=" + Ipc.shmatFlags(flags), Native.errno(t.capture));
        }
        return addr;
    }

    /** Detaches the segment attached at {@code address}. */
    public static void shmdt(MemorySegment address) {
        Native.PerThread t = Syscalls.count(Syscalls.SHMDT);
        int rc;
        try {
            rc = (int) Dt.H.invokeExact(t.capture, address);
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
        if (rc == -1) {
            throw new IpcException(
                    "shmdt", "address=0x" + Long.toHexString(address.address()), Native.errno(t.capture));
        }
    }

    /**
     * Attaches a segment read-write and returns it as a segment of {@code size} bytes that is
     * detached (shmdt) when {@code arena} closes. Use a shared arena if several threads touch it.
     *
     * @param size at most the segment's size (see {@link #stat})
     */
    public static MemorySegment attach(int shmid, long size, Arena arena) {
        return attach(shmid, size, 0, arena);
    }

    /** As {@link #attach(int, long, Arena)}, with shmat flags (e.g. {@link Ipc#SHM_RDONLY}). */
    public static MemorySegment attach(int shmid, long size, int flags, Arena arena) {
        if (size <= 0) {
            throw new IllegalArgumentException(
                    "size=" + size + " must be > 0 (the bytes of segment " + shmid + " to map)");
        }
        MemorySegment addr = shmat(shmid, flags);
        return addr.reinterpret(size, arena, DETACH);
    }

    /** Attaches the whole segment (its size read with {@link #stat}); detached when {@code arena} closes. */
    public static MemorySegment attach(int shmid, Arena arena) {
        return attach(shmid, stat(shmid).segsz(), 0, arena);
    }

    /** shmctl(IPC_STAT). */
    public static ShmInfo stat(int shmid) {
        Native.PerThread t = Syscalls.count(Syscalls.SHMCTL);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ds = arena.allocate(Structs.SHMID_DS);
            int rc = (int) Ctl.H.invokeExact(t.capture, shmid, Ipc.IPC_STAT, ds);
            if (rc == -1) {
                throw new IpcException("shmctl", "shmid=" + shmid + ", cmd=IPC_STAT", Native.errno(t.capture));
            }
            var l = Structs.SHMID_DS;
            int mode = Structs.getInt(ds, l, "shm_perm", "mode");
            return new ShmInfo(
                    Structs.getInt(ds, l, "shm_perm", "__key"),
                    Structs.getInt(ds, l, "shm_perm", "uid"),
                    mode & 0777,
                    (mode & Ipc.SHM_DEST) != 0,
                    Structs.getLong(ds, l, "shm_segsz"),
                    Structs.getInt(ds, l, "shm_cpid"),
                    Structs.getInt(ds, l, "shm_lpid"),
                    Structs.getLong(ds, l, "shm_nattch"),
                    Structs.getLong(ds, l, "shm_atime"),
                    Structs.getLong(ds, l, "shm_dtime"),
                    Structs.getLong(ds, l, "shm_ctime"));
        } catch (IpcException e) {
            throw e;
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
    }

    /**
     * shmctl(IPC_RMID): destroys the segment now if nobody is attached, otherwise marks it and the
     * kernel frees it at the last detach (processes attached keep using it).
     */
    public static void remove(int shmid) {
        Native.PerThread t = Syscalls.count(Syscalls.SHMCTL);
        int rc;
        try {
            rc = (int) Ctl.H.invokeExact(t.capture, shmid, Ipc.IPC_RMID, MemorySegment.NULL);
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
        if (rc == -1) {
            throw new IpcException("shmctl", "shmid=" + shmid + ", cmd=IPC_RMID", Native.errno(t.capture));
        }
    }
}
