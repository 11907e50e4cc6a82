package ipclab.engine.sys;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Objects;

/**
 * libc's {@code memcpy} and {@code memcmp} (man 3 memcpy, memcmp) between native segments: the copy
 * the C yardsticks make, for the bulk copies on the shm rings' per-message path, and the compare of
 * a received payload with the bytes its writer wrote ({@code verify: full}).
 *
 * <p>Why not {@link MemorySegment#copy}: the JVM copies with vector stores, each of which first
 * reads its cache line for ownership; a ring slot's lines were last read by the reader on the other
 * CPU, so every line of a 4 KiB message travels there and back. glibc's {@code memcpy} on a CPU
 * with fast string moves ({@code erms}, {@code fsrm}) uses {@code rep movsb} for such sizes, which
 * writes whole lines without reading them first (issue 12, session 5: measured, see bench/README.md).
 * The call is a {@link java.lang.foreign.Linker.Option#critical} downcall (no thread-state
 * transition: memcpy neither blocks nor calls back) taking addresses as 64-bit integers, so that a
 * call makes no segment slice; both ranges, and that both segments are still open, are checked here.
 */
public final class Memory {
    private Memory() {}

    /** Copies below this many bytes stay with {@link MemorySegment#copy} (a downcall costs more than it saves). */
    public static final long NATIVE_FROM = 1024;

    private static final class Memcpy {
        // void *memcpy(void *dst, const void *src, size_t n): pointers passed as longs (same class in the x86-64 and
        // AArch64 ABIs)
        static final MethodHandle H = Native.LINKER.downcallHandle(
                Native.LIBC.find("memcpy").orElseThrow(() -> new UnsatisfiedLinkError("libc has no symbol memcpy")),
                FunctionDescriptor.ofVoid(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG),
                java.lang.foreign.Linker.Option.critical(false));
    }

    private static final class Memcmp {
        // int memcmp(const void *s1, const void *s2, size_t n): pointers passed as longs, as memcpy's
        static final MethodHandle H = Native.LINKER.downcallHandle(
                Native.LIBC.find("memcmp").orElseThrow(() -> new UnsatisfiedLinkError("libc has no symbol memcmp")),
                FunctionDescriptor.of(
                        ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG),
                java.lang.foreign.Linker.Option.critical(false));
    }

    /**
     * Compares below this many bytes stay with {@link MemorySegment#mismatch}: measured (issue 12,
     * session 6, one thread, both ranges in cache, AVX-512 CPU, ~8 ns of it the harness's own call),
     * a call with the critical {@code memcmp} downcall costs ~8 ns at any size up to 256 B, as one
     * with {@code mismatch} does up to 32 B (both at the harness's floor); from 48 B on {@code memcmp}
     * is faster (64 B: 8 against 13 ns; 4 KiB: 37 against 88 ns, where the JDK's
     * vectorizedMismatch intrinsic is no faster than CRC32C; 64 KiB: 0.7 against 1.35 us). A global
     * view (no session) made no difference to {@code mismatch}: it checks the session's state, it
     * does not acquire it.
     */
    public static final long MEMCMP_FROM = 48;

    /**
     * True when {@code n} bytes of {@code a} at {@code aFrom} equal those of {@code b} at {@code
     * bFrom}, with the same bounds checks and exceptions as {@link MemorySegment#mismatch(MemorySegment,
     * long, long, MemorySegment, long, long)}: with {@code memcmp} when both segments are native and
     * {@code n} is at least {@link #MEMCMP_FROM}.
     */
    public static boolean equal(MemorySegment a, long aFrom, MemorySegment b, long bFrom, long n) {
        if (n < MEMCMP_FROM || !a.isNative() || !b.isNative())
            return MemorySegment.mismatch(a, aFrom, aFrom + n, b, bFrom, bFrom + n) < 0;
        Objects.checkFromIndexSize(aFrom, n, a.byteSize());
        Objects.checkFromIndexSize(bFrom, n, b.byteSize());
        // raw addresses into a closed segment (a detached ring) would fault the JVM
        if (!a.scope().isAlive() || !b.scope().isAlive())
            throw new IllegalStateException("memcmp: a segment is already closed");
        try {
            return (int) Memcmp.H.invokeExact(a.address() + aFrom, b.address() + bFrom, n) == 0;
        } catch (Throwable t) {
            throw Native.unexpected(t);
        }
    }

    /**
     * The same memory without its arena, for a view that must not acquire and release a shared
     * session around every use (a {@link java.nio.ByteBuffer} view handed to {@code CRC32C}: two atomic
     * read-modify-writes per call, as much as summing a few hundred bytes). Only for memory that
     * stays mapped while the view is used: a role reads its buffers only while its endpoint is open.
     */
    public static MemorySegment global(MemorySegment segment) {
        return MemorySegment.ofAddress(segment.address()).reinterpret(segment.byteSize());
    }

    /**
     * Copies {@code n} bytes from {@code src} at {@code from} to {@code dst} at {@code to}, as
     * {@link MemorySegment#copy(MemorySegment, long, MemorySegment, long, long)} does (the same
     * bounds checks and exceptions; the ranges must not overlap): with {@code memcpy} when both
     * segments are native and {@code n} is at least {@link #NATIVE_FROM}.
     */
    public static void copy(MemorySegment src, long from, MemorySegment dst, long to, long n) {
        if (n < NATIVE_FROM || !src.isNative() || !dst.isNative() || dst.isReadOnly()) {
            MemorySegment.copy(src, from, dst, to, n);
            return;
        }
        Objects.checkFromIndexSize(from, n, src.byteSize());
        Objects.checkFromIndexSize(to, n, dst.byteSize());
        // MemorySegment.copy would throw on a closed segment (a detached ring); raw addresses would fault the JVM
        if (!src.scope().isAlive() || !dst.scope().isAlive())
            throw new IllegalStateException("memcpy: a segment is already closed");
        try {
            Memcpy.H.invokeExact(dst.address() + to, src.address() + from, n);
        } catch (Throwable t) {
            throw Native.unexpected(t);
        }
    }
}
