package ipclab.engine.sys;

import static ipclab.engine.sys.Sockets.IPPROTO_TCP;
import static ipclab.engine.sys.Sockets.SOL_SOCKET;
import static ipclab.engine.sys.Sockets.SO_RCVBUF;
import static ipclab.engine.sys.Sockets.SO_RCVTIMEO;
import static ipclab.engine.sys.Sockets.SO_REUSEADDR;
import static ipclab.engine.sys.Sockets.SO_SNDBUF;
import static ipclab.engine.sys.Sockets.TCP_NODELAY;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * Socket options: setsockopt and getsockopt (man 2 setsockopt, man 7 socket, tcp) of the int
 * options ipclab sets (buffer sizes, TCP_NODELAY, SO_REUSEADDR) and of SO_RCVTIMEO. Not on a
 * hot path: each call allocates its argument in a confined arena.
 */
public final class SocketOptions {
    private SocketOptions() {}

    static final class SetSockOpt {
        static final MethodHandle H = Native.withErrno(
                "setsockopt", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    }

    static final class GetSockOpt {
        static final MethodHandle H = Native.withErrno(
                "getsockopt", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    }

    /** setsockopt with an int value. */
    public static void setIntOption(int fd, int level, int option, int value) {
        Native.PerThread t = Syscalls.count(Syscalls.SETSOCKOPT);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocateFrom(JAVA_INT, value);
            int rc = (int) SetSockOpt.H.invokeExact(t.capture, fd, level, option, v, (int) JAVA_INT.byteSize());
            if (rc == -1) {
                throw new IpcException(
                        "setsockopt",
                        "fd=" + fd + ", option=" + optionName(level, option) + ", value=" + value,
                        Native.errno(t.capture));
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
    }

    /**
     * SO_RCVTIMEO: a blocking receive on fd waits at most this long, then fails with EAGAIN
     * ({@link SocketIo#tryRecv} returns -EAGAIN). 0 waits for ever. Rounded down to microseconds (a
     * {@code struct timeval}); a positive value under 1 us becomes 1 us, since 0 would mean for ever.
     */
    public static void setReceiveTimeout(int fd, long nanos) {
        if (nanos < 0)
            throw new IllegalArgumentException("receive timeout must be >= 0 ns (0: wait for ever), not " + nanos);
        long micros = nanos / 1000;
        if (nanos > 0 && micros == 0) micros = 1;
        Native.PerThread t = Syscalls.count(Syscalls.SETSOCKOPT);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment tv = arena.allocate(Structs.TIMEVAL);
            tv.set(JAVA_LONG, Structs.offset(Structs.TIMEVAL, "tv_sec"), micros / 1_000_000);
            tv.set(JAVA_LONG, Structs.offset(Structs.TIMEVAL, "tv_usec"), micros % 1_000_000);
            int rc = (int) SetSockOpt.H.invokeExact(
                    t.capture, fd, SOL_SOCKET, SO_RCVTIMEO, tv, (int) Structs.TIMEVAL.byteSize());
            if (rc == -1) {
                throw new IpcException(
                        "setsockopt",
                        "fd=" + fd + ", option=SO_RCVTIMEO, value=" + micros + "us",
                        Native.errno(t.capture));
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
    }

    /** SO_RCVTIMEO as the kernel holds it, in ns (0: no timeout): in clock ticks, so rounded up to 1/HZ s. */
    public static long receiveTimeout(int fd) {
        Native.PerThread t = Syscalls.count(Syscalls.GETSOCKOPT);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment tv = arena.allocate(Structs.TIMEVAL);
            MemorySegment len = arena.allocateFrom(JAVA_INT, (int) Structs.TIMEVAL.byteSize());
            int rc = (int) GetSockOpt.H.invokeExact(t.capture, fd, SOL_SOCKET, SO_RCVTIMEO, tv, len);
            if (rc == -1)
                throw new IpcException("getsockopt", "fd=" + fd + ", option=SO_RCVTIMEO", Native.errno(t.capture));
            return tv.get(JAVA_LONG, Structs.offset(Structs.TIMEVAL, "tv_sec")) * 1_000_000_000L
                    + tv.get(JAVA_LONG, Structs.offset(Structs.TIMEVAL, "tv_usec")) * 1000L;
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
    }

    /** getsockopt of an int value (e.g. SO_SNDBUF: Linux reports twice what was set, for bookkeeping). */
    public static int getIntOption(int fd, int level, int option) {
        Native.PerThread t = Syscalls.count(Syscalls.GETSOCKOPT);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocate(JAVA_INT);
            MemorySegment len = arena.allocateFrom(JAVA_INT, (int) JAVA_INT.byteSize());
            int rc = (int) GetSockOpt.H.invokeExact(t.capture, fd, level, option, v, len);
            if (rc == -1) {
                throw new IpcException(
                        "getsockopt", "fd=" + fd + ", option=" + optionName(level, option), Native.errno(t.capture));
            }
            return v.get(JAVA_INT, 0);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
    }

    /** TCP_NODELAY: send small segments at once (no Nagle). */
    public static void setTcpNoDelay(int fd, boolean on) {
        setIntOption(fd, IPPROTO_TCP, TCP_NODELAY, on ? 1 : 0);
    }

    /** SO_SNDBUF in bytes (the kernel doubles it and caps it at /proc/sys/net/core/wmem_max). */
    public static void setSendBufferSize(int fd, int bytes) {
        setIntOption(fd, SOL_SOCKET, SO_SNDBUF, bytes);
    }

    /** SO_RCVBUF in bytes (the kernel doubles it and caps it at /proc/sys/net/core/rmem_max). */
    public static void setReceiveBufferSize(int fd, int bytes) {
        setIntOption(fd, SOL_SOCKET, SO_RCVBUF, bytes);
    }

    /** SO_REUSEADDR. */
    public static void setReuseAddress(int fd, boolean on) {
        setIntOption(fd, SOL_SOCKET, SO_REUSEADDR, on ? 1 : 0);
    }

    private static String optionName(int level, int option) {
        if (level == SOL_SOCKET) {
            return switch (option) {
                case SO_REUSEADDR -> "SO_REUSEADDR";
                case SO_SNDBUF -> "SO_SNDBUF";
                case SO_RCVBUF -> "SO_RCVBUF";
                case SO_RCVTIMEO -> "SO_RCVTIMEO";
                default -> "SOL_SOCKET/" + option;
            };
        }
        if (level == IPPROTO_TCP && option == TCP_NODELAY) {
            return "TCP_NODELAY";
        }
        return level + "/" + option;
    }
}
