package ipclab.engine.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * read, write and close on any file descriptor, and the system-call path of a stream socket's
 * blocking send and recv; shared by {@link Pipes} and {@link Sockets}. Not API.
 *
 * <p>The per-message calls go through {@code syscall(2)} where this class knows the system call
 * numbers (x86-64, aarch64), not through glibc's {@code read}, {@code write}, {@code send} and
 * {@code recv}: those are cancellation points, which in a multi-threaded process (every JVM) wrap
 * each call in {@code __pthread_enable_asynccancel} and {@code __pthread_disable_asynccancel},
 * atomic updates of the thread's cancellation state before and after the call (perf of a 4 KiB
 * pipe stream, issue 12, session 6: ~3% of the writer's samples, ~2% of the reader's). A JVM never
 * cancels a thread, so they buy nothing here. The kernel sees the same system calls (strace:
 * {@code read}, {@code write}, {@code sendto}, {@code recvfrom}), with the same errno on failure.
 */
final class Fd {
    private Fd() {}

    /** The system call numbers, or -1 each where they are not known (glibc's functions are used then). */
    static final long SYS_READ, SYS_WRITE, SYS_SENDTO, SYS_RECVFROM;

    static {
        switch (System.getProperty("os.arch", "")) {
            case "amd64", "x86_64" -> {
                SYS_READ = 0;
                SYS_WRITE = 1;
                SYS_SENDTO = 44;
                SYS_RECVFROM = 45;
            }
            case "aarch64" -> {
                SYS_READ = 63;
                SYS_WRITE = 64;
                SYS_SENDTO = 206;
                SYS_RECVFROM = 207;
            }
            default -> SYS_READ = SYS_WRITE = SYS_SENDTO = SYS_RECVFROM = -1;
        }
    }

    /** {@code syscall(nr, fd, buf, len)}: read and write (the arguments after nr are variadic, as longs). */
    private static final class Syscall3 {
        static final MethodHandle H = Native.withErrnoVariadic(
                "syscall", FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_LONG), 1);
    }

    /** {@code syscall(nr, fd, buf, len, flags, NULL, 0)}: sendto and recvfrom on a connected socket. */
    private static final class Syscall6 {
        static final MethodHandle H = Native.withErrnoVariadic(
                "syscall",
                FunctionDescriptor.of(
                        JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_LONG),
                1);
    }

    private static final class Close {
        static final MethodHandle H = Native.withErrno("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    }

    private static final class Read {
        static final MethodHandle H =
                Native.withErrno("read", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    }

    private static final class Write {
        static final MethodHandle H =
                Native.withErrno("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    }

    /** close(2). Not retried on EINTR: on Linux the descriptor is released anyway. */
    static void close(int fd) {
        Native.PerThread t = Syscalls.count(Syscalls.CLOSE);
        int rc;
        try {
            rc = (int) Close.H.invokeExact(t.capture, fd);
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
        if (rc == -1) {
            throw new IpcException("close", "fd=" + fd, Native.errno(t.capture));
        }
    }

    static long tryRead(int fd, MemorySegment buf, long len) {
        Native.PerThread t = Syscalls.count(Syscalls.READ);
        long n;
        try {
            n = SYS_READ < 0
                    ? (long) Read.H.invokeExact(t.capture, fd, buf, len)
                    : (long) Syscall3.H.invokeExact(t.capture, SYS_READ, (long) fd, buf, len);
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
        return n == -1 ? -Native.errno(t.capture) : n;
    }

    static long tryWrite(int fd, MemorySegment buf, long len) {
        Native.PerThread t = Syscalls.count(Syscalls.WRITE);
        long n;
        try {
            n = SYS_WRITE < 0
                    ? (long) Write.H.invokeExact(t.capture, fd, buf, len)
                    : (long) Syscall3.H.invokeExact(t.capture, SYS_WRITE, (long) fd, buf, len);
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
        return n == -1 ? -Native.errno(t.capture) : n;
    }

    /**
     * sendto or recvfrom ({@code nr}: {@link #SYS_SENDTO}, {@link #SYS_RECVFROM}) on a connected
     * socket through syscall(2), no address: the count, or -1 with errno in {@code capture}.
     * Callers check that the number is known.
     */
    static long transfer(MemorySegment capture, long nr, int fd, MemorySegment buf, long len, int flags) {
        try {
            return (long)
                    Syscall6.H.invokeExact(capture, nr, (long) fd, buf, len, (long) flags, MemorySegment.NULL, 0L);
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
    }

    static void checkLength(MemorySegment buf, long len) {
        if (len < 0 || len > buf.byteSize()) {
            throw new IndexOutOfBoundsException("len=" + len + " outside the buffer of " + buf.byteSize() + " bytes");
        }
    }
}
