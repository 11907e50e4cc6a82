package ipclab.engine.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * BSD sockets for AF_UNIX (stream and datagram) and AF_INET on the loopback (TCP and UDP):
 * the set-up and tear-down: socket, bind, getsockname, listen, accept, connect, shutdown, close
 * (man 2 of each, man 7 unix, ip, tcp, udp). The options, setsockopt and getsockopt, are
 * {@link SocketOptions}; the transfers, send and recv, are {@link SocketIo} (the hot path, apart
 * from the calls made once per run).
 *
 * <p>For datagram sockets, connect() then send/recv. {@link #accept} <b>retries EINTR</b>;
 * {@link #connect} does not (an interrupted connect goes on in the background and a retry would
 * get EALREADY).
 */
public final class Sockets {
    private Sockets() {}

    public static final int AF_UNIX = 1, AF_INET = 2;
    public static final int SOCK_STREAM = 1, SOCK_DGRAM = 2, SOCK_NONBLOCK = 04000, SOCK_CLOEXEC = 02000000;
    public static final int SOL_SOCKET = 1, SO_REUSEADDR = 2, SO_SNDBUF = 7, SO_RCVBUF = 8, SO_RCVTIMEO = 20;
    public static final int IPPROTO_TCP = 6, IPPROTO_UDP = 17, TCP_NODELAY = 1;
    public static final int SHUT_RD = 0, SHUT_WR = 1, SHUT_RDWR = 2;
    /** 127.0.0.1 in host order. */
    public static final int INADDR_LOOPBACK = 0x7f000001;
    /** sun_path holds 108 bytes including the terminating NUL. */
    public static final int UNIX_PATH_MAX = 107;

    /**
     * Warms the call paths a timed setup step takes: each downcall is invoked once with arguments
     * the kernel rejects at once, without side effects (socket of family -1: EAFNOSUPPORT; bind, connect, listen, accept, setsockopt, getsockopt, send and recv of fd -1: EBADF), so that the first timed call pays
     * the system call and not the JVM's first invocation of the handle (LambdaForm spinning,
     * ~10-80 ms in a cold JVM). Not counted in {@link Syscalls} (strace sees these calls).
     */
    public static void warm() {
        MemorySegment c = Native.state().capture;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment b = arena.allocate(Structs.TIMEVAL);
            MemorySegment len = arena.allocateFrom(JAVA_INT, 0);
            int r = (int) Socket.H.invokeExact(c, -1, SOCK_DGRAM, 0);
            r |= (int) Bind.H.invokeExact(c, -1, b, 0);
            r |= (int) Connect.H.invokeExact(c, -1, b, 0);
            r |= (int) Listen.H.invokeExact(c, -1, 0);
            r |= (int) Accept.H.invokeExact(c, -1, MemorySegment.NULL, MemorySegment.NULL);
            r |= (int) SocketOptions.SetSockOpt.H.invokeExact(c, -1, SOL_SOCKET, SO_RCVBUF, b, 4);
            r |= (int) SocketOptions.GetSockOpt.H.invokeExact(c, -1, SOL_SOCKET, SO_RCVBUF, b, len);
            long n = SocketIo.warmSend(c, false) | SocketIo.warmRecv(c);
            if (r != -1 || n != -1)
                throw new IllegalStateException("socket warm-up calls were expected to fail with EBADF");
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
    }

    /**
     * {@link #warm()} for one end of a stream socket: only the calls that end makes (each handle a
     * worker links and first invokes costs it start-up time, and the AOT cache keeps no downcall
     * stub). {@code serves}: socket, bind, listen, accept; else socket, connect. {@code tcp}:
     * setsockopt (TCP_NODELAY, SO_REUSEADDR). {@code sends}: send with MSG_DONTWAIT (a stream
     * sender's only send); {@code receives}: recv (MSG_WAITALL, a free run's receive).
     */
    public static void warmStream(boolean serves, boolean tcp, boolean sends, boolean receives) {
        MemorySegment c = Native.state().capture;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment b = arena.allocate(Structs.TIMEVAL);
            int r = (int) Socket.H.invokeExact(c, -1, SOCK_DGRAM, 0);
            if (serves) {
                r &= (int) Bind.H.invokeExact(c, -1, b, 0);
                r &= (int) Listen.H.invokeExact(c, -1, 0);
                r &= (int) Accept.H.invokeExact(c, -1, MemorySegment.NULL, MemorySegment.NULL);
            } else {
                r &= (int) Connect.H.invokeExact(c, -1, b, 0);
            }
            if (tcp) r &= (int) SocketOptions.SetSockOpt.H.invokeExact(c, -1, SOL_SOCKET, SO_RCVBUF, b, 4);
            long n = -1;
            if (sends) n &= SocketIo.warmSend(c, true);
            if (receives) n &= SocketIo.warmRecv(c);
            if (r != -1 || n != -1)
                throw new IllegalStateException("socket warm-up calls were expected to fail with EBADF");
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
    }

    private static final class Socket {
        static final MethodHandle H =
                Native.withErrno("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    }

    private static final class Bind {
        static final MethodHandle H =
                Native.withErrno("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    }

    private static final class Connect {
        static final MethodHandle H =
                Native.withErrno("connect", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    }

    private static final class Listen {
        static final MethodHandle H = Native.withErrno("listen", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    }

    private static final class Accept {
        static final MethodHandle H =
                Native.withErrno("accept", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    }

    private static final class GetSockName {
        static final MethodHandle H =
                Native.withErrno("getsockname", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    }

    private static final class Shutdown {
        static final MethodHandle H = Native.withErrno("shutdown", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    }

    /**
     * A new socket.
     *
     * @param domain   {@link #AF_UNIX} or {@link #AF_INET}
     * @param type     {@link #SOCK_STREAM} or {@link #SOCK_DGRAM}, optionally | {@link #SOCK_NONBLOCK}, {@link #SOCK_CLOEXEC}
     * @param protocol 0 for the default
     * @return the fd
     */
    public static int socket(int domain, int type, int protocol) {
        Native.PerThread t = Syscalls.count(Syscalls.SOCKET);
        int fd;
        try {
            fd = (int) Socket.H.invokeExact(t.capture, domain, type, protocol);
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
        if (fd == -1) {
            throw new IpcException(
                    "socket",
                    "domain=" + domainName(domain) + ", type=" + typeName(type) + ", protocol=" + protocol,
                    Native.errno(t.capture));
        }
        return fd;
    }

    /**
     * bind to a unix socket path (the file must not exist yet: EADDRINUSE), then mode 0600 on the
     * socket file (bind makes it with the umask's mode; ipclab's files are the user's alone).
     */
    public static void bindUnix(int fd, Path path) {
        try (Arena arena = Arena.ofConfined()) {
            addressCall(Bind.H, Syscalls.BIND, "bind", fd, unixAddress(arena, path), "path=" + path);
        }
        try {
            java.nio.file.Files.setPosixFilePermissions(
                    path, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (java.io.IOException | UnsupportedOperationException e) {
            // an abstract or unusual path: the private 0700 directory still keeps others out
        }
    }

    /** bind to 127.0.0.1:{@code port}; port 0 picks a free ephemeral port (see {@link #localPort}). */
    public static void bindInet(int fd, int port) {
        try (Arena arena = Arena.ofConfined()) {
            addressCall(Bind.H, Syscalls.BIND, "bind", fd, inetAddress(arena, port), "addr=127.0.0.1:" + port);
        }
    }

    /** connect to a unix socket path (ECONNREFUSED when nobody listens there, ENOENT when it does not exist). */
    public static void connectUnix(int fd, Path path) {
        try (Arena arena = Arena.ofConfined()) {
            addressCall(Connect.H, Syscalls.CONNECT, "connect", fd, unixAddress(arena, path), "path=" + path);
        }
    }

    /** connect to 127.0.0.1:{@code port}. */
    public static void connectInet(int fd, int port) {
        try (Arena arena = Arena.ofConfined()) {
            addressCall(Connect.H, Syscalls.CONNECT, "connect", fd, inetAddress(arena, port), "addr=127.0.0.1:" + port);
        }
    }

    private static void addressCall(MethodHandle h, int counter, String call, int fd, MemorySegment addr, String what) {
        Native.PerThread t = Syscalls.count(counter);
        int rc;
        try {
            rc = (int) h.invokeExact(t.capture, fd, addr, (int) addr.byteSize());
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
        if (rc == -1) {
            throw new IpcException(call, "fd=" + fd + ", " + what, Native.errno(t.capture));
        }
    }

    private static MemorySegment unixAddress(Arena arena, Path path) {
        byte[] bytes = path.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0 || bytes.length > UNIX_PATH_MAX) {
            throw new IllegalArgumentException("unix socket path is " + bytes.length + " bytes; sun_path holds 1 to "
                    + UNIX_PATH_MAX + " bytes: " + path);
        }
        MemorySegment sa = arena.allocate(Structs.SOCKADDR_UN);
        sa.set(JAVA_SHORT, Structs.offset(Structs.SOCKADDR_UN, "sun_family"), (short) AF_UNIX);
        MemorySegment.copy(bytes, 0, sa, JAVA_BYTE, Structs.offset(Structs.SOCKADDR_UN, "sun_path"), bytes.length);
        return sa;
    }

    private static MemorySegment inetAddress(Arena arena, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port=" + port + " must be 0 (ephemeral) to 65535");
        }
        MemorySegment sa = arena.allocate(Structs.SOCKADDR_IN);
        sa.set(JAVA_SHORT, Structs.offset(Structs.SOCKADDR_IN, "sin_family"), (short) AF_INET);
        sa.set(JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN), Structs.offset(Structs.SOCKADDR_IN, "sin_port"), (short)
                port);
        sa.set(
                JAVA_INT.withOrder(ByteOrder.BIG_ENDIAN),
                Structs.offset(Structs.SOCKADDR_IN, "sin_addr"),
                INADDR_LOOPBACK);
        return sa;
    }

    /** getsockname of an AF_INET socket: the port it is bound to (e.g. after binding port 0). */
    public static int localPort(int fd) {
        Native.PerThread t = Syscalls.count(Syscalls.GETSOCKNAME);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sa = arena.allocate(Structs.SOCKADDR_IN);
            MemorySegment len = arena.allocateFrom(JAVA_INT, (int) Structs.SOCKADDR_IN.byteSize());
            int rc = (int) GetSockName.H.invokeExact(t.capture, fd, sa, len);
            if (rc == -1) {
                throw new IpcException("getsockname", "fd=" + fd, Native.errno(t.capture));
            }
            int family = sa.get(JAVA_SHORT, Structs.offset(Structs.SOCKADDR_IN, "sin_family"));
            if (family != AF_INET) {
                throw new IllegalArgumentException("fd=" + fd + " is not an AF_INET socket (family " + family + ")");
            }
            return Short.toUnsignedInt(sa.get(
                    JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN), Structs.offset(Structs.SOCKADDR_IN, "sin_port")));
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
    }

    /** listen for connections on a bound stream socket. */
    public static void listen(int fd, int backlog) {
        Native.PerThread t = Syscalls.count(Syscalls.LISTEN);
        int rc;
        try {
            rc = (int) Listen.H.invokeExact(t.capture, fd, backlog);
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
        if (rc == -1) {
            throw new IpcException("listen", "fd=" + fd + ", backlog=" + backlog, Native.errno(t.capture));
        }
    }

    /** accept the next connection (blocks); retries EINTR. @return the connected fd */
    public static int accept(int fd) {
        while (true) {
            Native.PerThread t = Syscalls.count(Syscalls.ACCEPT);
            int c;
            try {
                c = (int) Accept.H.invokeExact(t.capture, fd, MemorySegment.NULL, MemorySegment.NULL);
            } catch (Throwable e) {
                throw Native.unexpected(e);
            }
            if (c >= 0) {
                return c;
            }
            int errno = Native.errno(t.capture);
            if (errno != Errno.EINTR) {
                throw new IpcException("accept", "fd=" + fd, errno);
            }
        }
    }

    /** shutdown: {@link #SHUT_RD}, {@link #SHUT_WR} or {@link #SHUT_RDWR}; wakes threads blocked on the socket. */
    public static void shutdown(int fd, int how) {
        Native.PerThread t = Syscalls.count(Syscalls.SHUTDOWN);
        int rc;
        try {
            rc = (int) Shutdown.H.invokeExact(t.capture, fd, how);
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
        if (rc == -1) {
            String h =
                    switch (how) {
                        case SHUT_RD -> "SHUT_RD";
                        case SHUT_WR -> "SHUT_WR";
                        case SHUT_RDWR -> "SHUT_RDWR";
                        default -> Integer.toString(how);
                    };
            throw new IpcException("shutdown", "fd=" + fd + ", how=" + h, Native.errno(t.capture));
        }
    }

    /** close(2); a unix socket's path stays until {@link Pipes#unlink}. */
    public static void close(int fd) {
        Fd.close(fd);
    }

    static String domainName(int domain) {
        return switch (domain) {
            case AF_UNIX -> "AF_UNIX";
            case AF_INET -> "AF_INET";
            default -> Integer.toString(domain);
        };
    }

    static String typeName(int type) {
        String base =
                switch (type & 0xf) {
                    case SOCK_STREAM -> "SOCK_STREAM";
                    case SOCK_DGRAM -> "SOCK_DGRAM";
                    default -> Integer.toString(type & 0xf);
                };
        String rest = Ipc.render(
                type & ~0xf, new int[] {SOCK_NONBLOCK, SOCK_CLOEXEC}, new String[] {"SOCK_NONBLOCK", "SOCK_CLOEXEC"});
        return rest.equals("0") ? base : base + "|" + rest;
    }
}
