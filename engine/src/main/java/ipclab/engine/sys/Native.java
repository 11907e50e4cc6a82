package ipclab.engine.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The linker, libc lookup and per-thread state shared by every binding in this package. Not API.
 *
 * <p>Every facility class keeps each of its downcall handles in a small holder class of its own,
 * so that a handle (the first costs ~150 ms of JVM start-up) is made only when its call is first
 * used. Handles that can fail are linked with {@code captureCallState("errno")}; their first
 * argument is the calling thread's capture segment from {@link #state()}.
 */
final class Native {
    private Native() {}

    static final Linker LINKER = Linker.nativeLinker();
    static final SymbolLookup LIBC = LINKER.defaultLookup();
    static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    /** Read with a plain get, not a {@code CAPTURE.varHandle(...)}: see {@link Structs#offset} why. */
    private static final long ERRNO = Structs.offset(CAPTURE, "errno");

    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

    /**
     * What one thread needs to make calls without allocating: its errno capture segment and its
     * syscall counters (see {@link Syscalls} for the threading rules).
     */
    static final class PerThread {
        /**
         * In the global arena, which a downcall need not acquire and release around the call (an
         * automatic or shared arena's session costs two atomic updates per call); it lives as long
         * as the thread's entry in {@link #ALL}, i.e. as long as the JVM, either way.
         */
        final MemorySegment capture = Arena.global().allocate(CAPTURE);

        final long[] counts = new long[Syscalls.NAMES.length];
    }

    /** Every thread's counters, so that {@link Syscalls#snapshot()} can sum them. */
    static final List<PerThread> ALL = new CopyOnWriteArrayList<>();

    private static final ThreadLocal<PerThread> STATE = ThreadLocal.withInitial(() -> {
        PerThread t = new PerThread();
        ALL.add(t);
        return t;
    });

    /** The calling thread's state; allocation-free after the thread's first call. */
    static PerThread state() {
        return STATE.get();
    }

    /** The errno a failed call left in the capture segment. */
    static int errno(MemorySegment capture) {
        return capture.get(java.lang.foreign.ValueLayout.JAVA_INT, ERRNO);
    }

    /** A handle for a libc function that reports failures through errno. */
    static MethodHandle withErrno(String name, FunctionDescriptor fd) {
        return LINKER.downcallHandle(find(name), fd, CAPTURE_ERRNO);
    }

    /**
     * A handle for a libc function that reports failures through errno and that the caller knows
     * cannot block in this use (a semaphore post, a call with IPC_NOWAIT or MSG_DONTWAIT):
     * {@link Linker.Option#critical} skips the thread-state transitions of a downcall, which are a
     * visible part of a ~1 us system call on the per-message path. Never for a call that can
     * sleep in the kernel: while it runs the thread holds up every safepoint (GC) of the JVM.
     * The native memory passed is off-heap, so heap access stays off.
     */
    static MethodHandle critical(String name, FunctionDescriptor fd) {
        return LINKER.downcallHandle(find(name), fd, CAPTURE_ERRNO, Linker.Option.critical(false));
    }

    /** A handle for a variadic libc function; {@code firstVariadic} is the index of the first {@code ...} argument. */
    static MethodHandle withErrnoVariadic(String name, FunctionDescriptor fd, int firstVariadic) {
        return LINKER.downcallHandle(find(name), fd, Linker.Option.firstVariadicArg(firstVariadic), CAPTURE_ERRNO);
    }

    /** A handle for a libc function that cannot fail (no errno). */
    static MethodHandle plain(String name, FunctionDescriptor fd) {
        return LINKER.downcallHandle(find(name), fd);
    }

    private static MemorySegment find(String name) {
        return LIBC.find(name).orElseThrow(() -> new UnsatisfiedLinkError("libc has no symbol " + name));
    }

    /** Does nothing: naming a holder's handle as the argument has already initialised (linked) it. */
    static void linked(MethodHandle handle) {
        java.util.Objects.requireNonNull(handle);
    }

    /** invokeExact declares Throwable; only a programming error (wrong types) can land here. */
    static RuntimeException unexpected(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("native call failed unexpectedly", t);
    }

    /** A NUL-terminated copy of a path, for setup calls. */
    static MemorySegment cString(Arena arena, Path path) {
        return arena.allocateFrom(path.toString(), StandardCharsets.UTF_8);
    }
}
