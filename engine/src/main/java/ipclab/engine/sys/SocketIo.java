package ipclab.engine.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The transfers on a socket: send and recv (man 2 send, recv), apart from {@link Sockets}' set-up
 * because these are the hot path, called once per message or more, where the rest is called once
 * per run.
 *
 * <p>strace names: send is {@code sendto}, recv is {@code recvfrom}. {@link #trySend} and
 * {@link #tryRecv} return a byte count or {@code -errno} and do not allocate; {@link #send},
 * {@link #recv} and the fully-variants <b>retry EINTR</b> and throw an {@link IpcException} naming
 * the call and errno. Pass {@link #MSG_NOSIGNAL} to get EPIPE instead of SIGPIPE (the JVM ignores
 * SIGPIPE anyway).
 */
public final class SocketIo {
    private SocketIo() {}

    public static final int MSG_DONTWAIT = 0x40, MSG_WAITALL = 0x100, MSG_NOSIGNAL = 0x4000;

    private static final FunctionDescriptor TRANSFER =
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT);

    private static final class Send {
        static final MethodHandle H = Native.withErrno("send", TRANSFER);
    }

    private static final class Recv {
        static final MethodHandle H = Native.withErrno("recv", TRANSFER);
    }

    /** send and recv with MSG_DONTWAIT, which cannot sleep: critical downcalls, linked at their first use. */
    private static final class SendNow {
        static final MethodHandle H = Native.critical("send", TRANSFER);
    }

    private static final class RecvNow {
        static final MethodHandle H = Native.critical("recv", TRANSFER);
    }

    /**
     * For {@link Sockets#warm}: one send of fd -1 (EBADF) through the handle a send with
     * MSG_DONTWAIT ({@code now}) or a blocking send uses; returns -1.
     */
    static long warmSend(MemorySegment c, boolean now) throws Throwable {
        MemorySegment b = MemorySegment.NULL;
        return now
                ? (long) SendNow.H.invokeExact(c, -1, b, 0L, MSG_DONTWAIT)
                : sendMayBlock(c, -1, b, 0L, MSG_DONTWAIT);
    }

    /** For {@link Sockets#warm}: one recv of fd -1 (EBADF) through the handle a blocking recv uses; returns -1. */
    static long warmRecv(MemorySegment c) {
        return recvMayBlock(c, -1, MemorySegment.NULL, 0L, MSG_DONTWAIT);
    }

    /** send {@code len} bytes from the start of {@code buf}; the count sent or {@code -errno}. Allocation-free. */
    public static long trySend(int fd, MemorySegment buf, long len, int flags) {
        Native.PerThread t = Syscalls.count(Syscalls.SENDTO);
        long n = (flags & MSG_DONTWAIT) != 0
                ? sendNow(t.capture, fd, buf, len, flags)
                : sendMayBlock(t.capture, fd, buf, len, flags);
        return n == -1 ? -Native.errno(t.capture) : n;
    }

    /** recv up to {@code len} bytes into {@code buf}; the count (0 = orderly shutdown) or {@code -errno}. Allocation-free. */
    public static long tryRecv(int fd, MemorySegment buf, long len, int flags) {
        Native.PerThread t = Syscalls.count(Syscalls.RECVFROM);
        long n = (flags & MSG_DONTWAIT) != 0
                ? recvNow(t.capture, fd, buf, len, flags)
                : recvMayBlock(t.capture, fd, buf, len, flags);
        return n == -1 ? -Native.errno(t.capture) : n;
    }

    // One downcall per method, so that C2 inlines each whole (see SysvMsgQueue.sendNow).
    private static long sendNow(MemorySegment c, int fd, MemorySegment buf, long len, int flags) {
        try {
            return (long) SendNow.H.invokeExact(c, fd, buf, len, flags);
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
    }

    private static long sendMayBlock(MemorySegment c, int fd, MemorySegment buf, long len, int flags) {
        if (Fd.SYS_SENDTO >= 0) return Fd.transfer(c, Fd.SYS_SENDTO, fd, buf, len, flags); // why: see Fd
        try {
            return (long) Send.H.invokeExact(c, fd, buf, len, flags);
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
    }

    private static long recvNow(MemorySegment c, int fd, MemorySegment buf, long len, int flags) {
        try {
            return (long) RecvNow.H.invokeExact(c, fd, buf, len, flags);
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
    }

    private static long recvMayBlock(MemorySegment c, int fd, MemorySegment buf, long len, int flags) {
        if (Fd.SYS_RECVFROM >= 0) return Fd.transfer(c, Fd.SYS_RECVFROM, fd, buf, len, flags); // why: see Fd
        try {
            return (long) Recv.H.invokeExact(c, fd, buf, len, flags);
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
    }

    /** send, retrying EINTR; the count sent (a stream may take fewer than {@code len}). */
    public static long send(int fd, MemorySegment buf, long len, int flags) {
        Fd.checkLength(buf, len);
        long n;
        do {
            n = trySend(fd, buf, len, flags);
        } while (n == -Errno.EINTR);
        if (n < 0) {
            throw new IpcException("send", "fd=" + fd + ", size=" + len + ", flags=" + msgFlags(flags), (int) -n);
        }
        return n;
    }

    /** recv, retrying EINTR; the count (0 = the peer shut down a stream). */
    public static long recv(int fd, MemorySegment buf, long len, int flags) {
        Fd.checkLength(buf, len);
        long n;
        do {
            n = tryRecv(fd, buf, len, flags);
        } while (n == -Errno.EINTR);
        if (n < 0) {
            throw new IpcException("recv", "fd=" + fd + ", size=" + len + ", flags=" + msgFlags(flags), (int) -n);
        }
        return n;
    }

    /** Sends all {@code len} bytes on a stream socket (several sends if needed; one in the common case, without allocating). */
    public static void sendFully(int fd, MemorySegment buf, long len, int flags) {
        long done = send(fd, buf, len, flags);
        while (done < len) {
            done += send(fd, buf.asSlice(done), len - done, flags);
        }
    }

    /**
     * Receives until {@code len} bytes arrived on a stream socket, or the peer shut down.
     *
     * @return {@code len}, or fewer only when the peer shut down
     */
    public static long recvFully(int fd, MemorySegment buf, long len, int flags) {
        long done = recv(fd, buf, len, flags);
        while (done < len && done > 0) {
            long n = recv(fd, buf.asSlice(done), len - done, flags);
            if (n == 0) {
                break;
            }
            done += n;
        }
        return done;
    }

    static String msgFlags(int flags) {
        return Ipc.render(flags, new int[] {MSG_DONTWAIT, MSG_WAITALL, MSG_NOSIGNAL}, new String[] {
            "MSG_DONTWAIT", "MSG_WAITALL", "MSG_NOSIGNAL"
        });
    }
}
