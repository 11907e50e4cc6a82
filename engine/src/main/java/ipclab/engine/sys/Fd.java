package ipclab.engine.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** read, write and close on any file descriptor; shared by {@link Pipes} and {@link Sockets}. Not API. */
final class Fd {
    private Fd() {}

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
            n = (long) Read.H.invokeExact(t.capture, fd, buf, len);
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
        return n == -1 ? -Native.errno(t.capture) : n;
    }

    static long tryWrite(int fd, MemorySegment buf, long len) {
        Native.PerThread t = Syscalls.count(Syscalls.WRITE);
        long n;
        try {
            n = (long) Write.H.invokeExact(t.capture, fd, buf, len);
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
        return n == -1 ? -Native.errno(t.capture) : n;
    }

    static void checkLength(MemorySegment buf, long len) {
        if (len < 0 || len > buf.byteSize()) {
            throw new IndexOutOfBoundsException("len=" + len + " outside the buffer of " + buf.byteSize() + " bytes");
        }
    }
}
