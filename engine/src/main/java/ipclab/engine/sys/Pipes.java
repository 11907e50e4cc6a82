package ipclab.engine.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/**
 * Pipes and named FIFOs: pipe2, mkfifo, open, read, write, close, unlink (man 2 pipe, 3 mkfifo, 2 open...).
 *
 * <p>strace names: {@code open} is {@code openat}, {@code mkfifo} is {@code mknodat}.
 * Hot path: {@link #tryRead}/{@link #tryWrite} return a byte count or {@code -errno} and do not
 * allocate. {@link #open}, {@link #read}, {@link #write} and the fully-variants <b>retry EINTR</b>
 * (opening a FIFO blocks until the other end opens). Writing to a pipe with no reader gives EPIPE
 * (the JVM ignores SIGPIPE).
 */
public final class Pipes {
    private Pipes() {}

    public static final int O_RDONLY = 0,
            O_WRONLY = 1,
            O_RDWR = 2,
            O_CREAT = 0100,
            O_EXCL = 0200,
            O_NONBLOCK = 04000,
            // O_NOATIME: reads do not update the file's access time (man 2 open: the caller must own the file)
            O_NOATIME = 01000000,
            O_CLOEXEC = 02000000;

    private static final class Pipe2 {
        static final MethodHandle H = Native.withErrno("pipe2", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    }

    private static final class Mkfifo {
        static final MethodHandle H = Native.withErrno("mkfifo", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    }

    private static final class Open {
        static final MethodHandle H =
                Native.withErrnoVariadic("open", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), 2);
    }

    private static final class Fcntl {
        static final MethodHandle H =
                Native.withErrnoVariadic("fcntl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT), 2);
    }

    private static final int F_GETFL = 3, F_SETFL = 4;

    private static final class Unlink {
        static final MethodHandle H = Native.withErrno("unlink", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    }

    /**
     * Warms the call path of a timed {@link #open}: open of the empty path (ENOENT, no side
     * effect), so that the first timed open pays the system call, not the JVM's first invocation
     * of the handle. Not counted in {@link Syscalls} (strace sees it).
     */
    public static void warm() {
        MemorySegment c = Native.state().capture;
        try (Arena arena = Arena.ofConfined()) {
            int fd = (int) Open.H.invokeExact(c, arena.allocateFrom(""), O_RDONLY, 0);
            if (fd != -1) throw new IllegalStateException("open(\"\") was expected to fail with ENOENT");
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
    }

    /**
     * pipe2: a new pipe.
     *
     * @param flags 0, {@link #O_NONBLOCK}, {@link #O_CLOEXEC}
     * @return {@code {readFd, writeFd}}
     */
    public static int[] pipe2(int flags) {
        Native.PerThread t = Syscalls.count(Syscalls.PIPE2);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fds = arena.allocate(JAVA_INT, 2);
            int rc = (int) Pipe2.H.invokeExact(t.capture, fds, flags);
            if (rc == -1) {
                throw new IpcException("pipe2", "flags=" + openFlags(flags), Native.errno(t.capture));
            }
            return new int[] {fds.getAtIndex(JAVA_INT, 0), fds.getAtIndex(JAVA_INT, 1)};
        } catch (IpcException e) {
            throw e;
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
    }

    /** mkfifo: a named FIFO at {@code path} with permission bits {@code mode} (e.g. 0600). */
    public static void mkfifo(Path path, int mode) {
        Native.PerThread t = Syscalls.count(Syscalls.MKNODAT);
        int rc;
        try (Arena arena = Arena.ofConfined()) {
            rc = (int) Mkfifo.H.invokeExact(t.capture, Native.cString(arena, path), mode);
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
        if (rc == -1) {
            throw new IpcException(
                    "mkfifo", "path=" + path + ", mode=0" + Integer.toOctalString(mode), Native.errno(t.capture));
        }
    }

    /** open without O_CREAT. Opening a FIFO blocks until the other end is opened (unless O_NONBLOCK). */
    public static int open(Path path, int flags) {
        return open(path, flags, 0);
    }

    /** open; {@code mode} applies with {@link #O_CREAT}. Retries EINTR. */
    public static int open(Path path, int flags, int mode) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cpath = Native.cString(arena, path);
            while (true) {
                Native.PerThread t = Syscalls.count(Syscalls.OPENAT);
                int fd;
                try {
                    fd = (int) Open.H.invokeExact(t.capture, cpath, flags, mode);
                } catch (Throwable e) {
                    throw Native.unexpected(e);
                }
                if (fd >= 0) {
                    return fd;
                }
                int errno = Native.errno(t.capture);
                if (errno != Errno.EINTR) {
                    throw new IpcException("open", "path=" + path + ", flags=" + openFlags(flags), errno);
                }
            }
        }
    }

    /** read: up to {@code len} bytes into {@code buf}; the count (0 = end of file) or {@code -errno}. Allocation-free. */
    public static long tryRead(int fd, MemorySegment buf, long len) {
        return Fd.tryRead(fd, buf, len);
    }

    /** write: up to {@code len} bytes of {@code buf}; the count or {@code -errno} ({@code -EAGAIN}, {@code -EPIPE}). Allocation-free. */
    public static long tryWrite(int fd, MemorySegment buf, long len) {
        return Fd.tryWrite(fd, buf, len);
    }

    /** read, retrying EINTR; the count (0 = end of file). */
    public static long read(int fd, MemorySegment buf, long len) {
        Fd.checkLength(buf, len);
        long n;
        do {
            n = Fd.tryRead(fd, buf, len);
        } while (n == -Errno.EINTR);
        if (n < 0) {
            throw new IpcException("read", "fd=" + fd + ", size=" + len, (int) -n);
        }
        return n;
    }

    /** write, retrying EINTR; the count written (may be less than {@code len}). */
    public static long write(int fd, MemorySegment buf, long len) {
        Fd.checkLength(buf, len);
        long n;
        do {
            n = Fd.tryWrite(fd, buf, len);
        } while (n == -Errno.EINTR);
        if (n < 0) {
            throw new IpcException("write", "fd=" + fd + ", size=" + len, (int) -n);
        }
        return n;
    }

    /**
     * Reads until {@code len} bytes arrived or the end of file.
     *
     * @return the bytes read: {@code len}, or fewer only at end of file
     */
    public static long readFully(int fd, MemorySegment buf, long len) {
        long done = read(fd, buf, len);
        while (done < len && done > 0) { // 0 at once: end of file, no second read to learn it again
            long n = read(fd, buf.asSlice(done), len - done);
            if (n == 0) {
                break;
            }
            done += n;
        }
        return done;
    }

    /** Writes all {@code len} bytes (several writes if the pipe takes fewer at a time). */
    public static void writeFully(int fd, MemorySegment buf, long len) {
        long done = write(fd, buf, len);
        while (done < len) {
            done += write(fd, buf.asSlice(done), len - done);
        }
    }

    /**
     * fcntl(F_GETFL) then fcntl(F_SETFL) with {@link #O_NONBLOCK} set or cleared (man 2 fcntl): a
     * stepped run reads and writes its FIFOs without ever sleeping in the kernel.
     */
    public static void setNonBlocking(int fd, boolean on) {
        int flags = fcntl(fd, F_GETFL, 0, "F_GETFL");
        int want = on ? flags | O_NONBLOCK : flags & ~O_NONBLOCK;
        if (want != flags) fcntl(fd, F_SETFL, want, "F_SETFL");
    }

    private static int fcntl(int fd, int cmd, int arg, String cmdName) {
        Native.PerThread t = Syscalls.count(Syscalls.FCNTL);
        int rc;
        try {
            rc = (int) Fcntl.H.invokeExact(t.capture, fd, cmd, arg);
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
        if (rc == -1)
            throw new IpcException(
                    "fcntl", "fd=" + fd + ", cmd=" + cmdName + ", arg=" + openFlags(arg), Native.errno(t.capture));
        return rc;
    }

    /** close(2); not retried on EINTR (Linux releases the descriptor anyway). */
    public static void close(int fd) {
        Fd.close(fd);
    }

    /** unlink: removes the file (e.g. a FIFO or a unix socket path). */
    public static void unlink(Path path) {
        Native.PerThread t = Syscalls.count(Syscalls.UNLINK);
        int rc;
        try (Arena arena = Arena.ofConfined()) {
            rc = (int) Unlink.H.invokeExact(t.capture, Native.cString(arena, path));
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
        if (rc == -1) {
            throw new IpcException("unlink", "path=" + path, Native.errno(t.capture));
        }
    }

    /** open/pipe2 flags as text: {@code O_WRONLY|O_NONBLOCK}. */
    public static String openFlags(int flags) {
        String access =
                switch (flags & 3) {
                    case O_RDONLY -> "O_RDONLY";
                    case O_WRONLY -> "O_WRONLY";
                    case O_RDWR -> "O_RDWR";
                    default -> "O_ACCMODE";
                };
        String rest =
                Ipc.render(flags & ~3, new int[] {O_CREAT, O_EXCL, O_NONBLOCK, O_NOATIME, O_CLOEXEC}, new String[] {
                    "O_CREAT", "O_EXCL", "O_NONBLOCK", "O_NOATIME", "O_CLOEXEC"
                });
        return rest.equals("0") ? access : access + "|" + rest;
    }
}
