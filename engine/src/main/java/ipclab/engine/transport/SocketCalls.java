package ipclab.engine.transport;

import ipclab.dsl.model.SocketDomain;
import ipclab.dsl.plan.PlannedChannel;
import ipclab.engine.protocol.ChannelHandle.Address;
import ipclab.engine.protocol.ChannelHandle.LoopbackPort;
import ipclab.engine.protocol.ChannelHandle.UnixPath;
import ipclab.engine.sys.Errno;
import ipclab.engine.sys.IpcException;
import ipclab.engine.sys.Pipes;
import ipclab.engine.sys.Sockets;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;

/** What the stream and datagram transports share: the address a channel gets, and bind/connect on either kind of address. */
final class SocketCalls {
    /** How long a sender keeps retrying to reach a receiver that has not bound yet. */
    static final long CONNECT_PATIENCE_NANOS = 30_000_000_000L;

    private SocketCalls() {}

    /**
     * Supervisor: the channel's address: unix: a socket path in a private directory (made now);
     * tcp/udp: a free loopback port, and port + 1 free too when {@code pair} (a udp pinger/echo).
     * Neither is timed: they are ipclab's scaffolding, not a cost of the channel; the workers time
     * socket, bind, listen, connect and accept themselves.
     */
    static Address address(PlannedChannel ch, Creation c, boolean pair) {
        boolean unix = ch.domain() == SocketDomain.UNIX || ch.domain() == SocketDomain.UNIX_DGRAM;
        if (unix) return new UnixPath(c.privateDir("sock").resolve("sock").toString());
        boolean udp = ch.domain() == SocketDomain.UDP;
        return new LoopbackPort(freePort(udp, pair));
    }

    /** A socket of {@code type} (SOCK_STREAM, SOCK_DGRAM) for the address's family, close-on-exec; the step "socket". */
    static int socket(Endpoint e, Address at, int type) {
        long t0 = System.nanoTime();
        int fd = e.fd(Sockets.socket(family(at), type | Sockets.SOCK_CLOEXEC, 0));
        e.setup("socket", System.nanoTime() - t0);
        return fd;
    }

    static int family(Address a) {
        return a instanceof UnixPath ? Sockets.AF_UNIX : Sockets.AF_INET;
    }

    /** A loopback port free now (and port + 1 too when {@code pair}). */
    static int freePort(boolean udp, boolean pair) {
        InetAddress lo = InetAddress.getLoopbackAddress();
        for (int attempt = 0; attempt < 50; attempt++) {
            int port;
            try {
                if (udp) {
                    try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(lo, 0))) {
                        port = s.getLocalPort();
                    }
                } else {
                    try (ServerSocket s = new ServerSocket(0, 1, lo)) {
                        port = s.getLocalPort();
                    }
                }
                if (!pair || port == 65535) {
                    if (!pair) return port;
                    continue;
                }
                try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(lo, port + 1))) {
                    if (s.getLocalPort() == port + 1) return port;
                }
            } catch (IOException busy) {
                // try another
            }
        }
        throw new IllegalStateException("no free loopback " + (udp ? "udp" : "tcp") + " port found after 50 attempts");
    }

    /** bind, timed as the step "bind". */
    static void bind(Endpoint e, int fd, Address a) {
        long t0 = System.nanoTime();
        bind(fd, a);
        e.setup("bind", System.nanoTime() - t0);
    }

    private static void bind(int fd, Address a) {
        switch (a) {
            case UnixPath u -> Sockets.bindUnix(fd, Path.of(u.path()));
            case LoopbackPort p -> Sockets.bindInet(fd, p.port());
        }
    }

    /**
     * Connects, retrying while the receiver has not bound or listened yet (ENOENT, ECONNREFUSED):
     * "connect" times the call that succeeds, "wait-peer" the time spent before it.
     */
    static void connect(Endpoint e, int fd, Address a) {
        whenPeerIsThere(e, "connect", List.of(Errno.ENOENT, Errno.ECONNREFUSED), () -> {
            switch (a) {
                case UnixPath u -> Sockets.connectUnix(fd, Path.of(u.path()));
                case LoopbackPort p -> Sockets.connectInet(fd, p.port());
            }
            return fd;
        });
    }

    /**
     * Accepts the sender's connection once it is there: the listening socket is non-blocking while
     * it waits, so "accept" times the call that returns the connection and "wait-peer" the waiting
     * for the peer's connect. The connection is blocking (accept does not pass O_NONBLOCK on, on Linux).
     */
    static int acceptOnceConnected(Endpoint e, int fd) {
        Pipes.setNonBlocking(fd, true);
        int c = whenPeerIsThere(e, "accept", List.of(Errno.EAGAIN), () -> Sockets.accept(fd));
        Pipes.setNonBlocking(fd, false);
        return c;
    }

    /**
     * Makes {@code call} (connect, accept, a FIFO's open) as soon as the peer is there: while it
     * fails with one of {@code notYet}, retried with a growing pause, for at most
     * {@link #CONNECT_PATIENCE_NANOS}. The setup step {@code step} times the call that succeeds,
     * "wait-peer" the time spent before it.
     */
    static int whenPeerIsThere(Endpoint e, String step, List<Integer> notYet, IntSupplier call) {
        long start = System.nanoTime();
        long deadline = start + CONNECT_PATIENCE_NANOS;
        long pause = 100_000L;
        for (; ; ) {
            long t0 = System.nanoTime();
            try {
                int r = call.getAsInt();
                e.setup(step, System.nanoTime() - t0);
                if (t0 > start) e.setup(Endpoint.WAIT_PREFIX + "peer", t0 - start);
                return r;
            } catch (IpcException ex) {
                if (!notYet.contains(ex.failure().errno()) || System.nanoTime() > deadline) throw ex;
                LockSupport.parkNanos(pause);
                pause = Math.min(pause * 2, 10_000_000L);
            }
        }
    }

    /**
     * Runs the address calls' Java paths once on fd -1 (EBADF at once, no side effect): building a
     * sockaddr, the errno capture and the exception path are cold in a new JVM and would add tens
     * of milliseconds to the first timed bind or connect, which the kernel never charges.
     */
    static void warm(Address a) {
        List<Runnable> calls = List.of(
                () -> bind(-1, a),
                () -> {
                    switch (a) {
                        case UnixPath u -> Sockets.connectUnix(-1, Path.of(u.path()));
                        case LoopbackPort p -> Sockets.connectInet(-1, p.port());
                    }
                },
                () -> Sockets.listen(-1, 1),
                () -> Sockets.accept(-1),
                () -> Pipes.setNonBlocking(-1, true));
        for (Runnable r : calls) {
            try {
                r.run();
            } catch (IpcException expected) {
                // EBADF
            }
        }
    }
}
