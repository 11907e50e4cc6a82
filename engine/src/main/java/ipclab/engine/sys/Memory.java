package ipclab.engine.sys;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Objects;

/**
 * libc's {@code memcpy} (man 3 memcpy) between native segments: the copy the C yardsticks make,
 * for the bulk copies on the shm rings' per-message path.
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
