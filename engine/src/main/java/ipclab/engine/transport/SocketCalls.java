package ipclab.engine.transport;

import ipclab.dsl.model.SocketDomain;
import ipclab.dsl.plan.PlannedChannel;
import ipclab.engine.protocol.ChannelHandle.Address;
import ipclab.engine.protocol.ChannelHandle.LoopbackPort;
import ipclab.engine.protocol.ChannelHandle.UnixPath;
import ipclab.engine.sys.Errno;
import ipclab.engine.sys.IpcException;
import ipclab.engine.sys.Sockets;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/** What the stream and datagram transports share: the address a channel gets, and bind/connect on either kind of address. */
final class SocketCalls {
    /** How long a sender keeps retrying to reach a receiver that has not bound yet. */
    static final long CONNECT_PATIENCE_NANOS = 30_000_000_000L;

    private SocketCalls() {}

    /**
     * Supervisor: the channel's address: unix: a socket path in a private directory (made now, as
     * step "mkdir"); tcp/udp: a free loopback port (step "port"), and port + 1 free too when
     * {@code pair} (a udp pinger/echo).
     */
    static Address address(PlannedChannel ch, Creation c, boolean pair) {
        boolean unix = ch.domain() == SocketDomain.UNIX || ch.domain() == SocketDomain.UNIX_DGRAM;
        if (unix) return c.timed("mkdir", () -> new UnixPath(c.privateDir("sock").resolve("sock").toString()));
        boolean udp = ch.domain() == SocketDomain.UDP;
        return c.timed("port", () -> new LoopbackPort(freePort(udp, pair)));
    }

    /** The files an address stands for (a unix path's socket files and directory), through r. */
    static void remove(Address a, Removal r) {
        if (a instanceof UnixPath u) r.privateFiles(u.path());
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
                    try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(lo, 0))) { port = s.getLocalPort(); }
                } else {
                    try (ServerSocket s = new ServerSocket(0, 1, lo)) { port = s.getLocalPort(); }
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

    static void bind(int fd, Address a) {
        switch (a) {
            case UnixPath u -> Sockets.bindUnix(fd, Path.of(u.path()));
            case LoopbackPort p -> Sockets.bindInet(fd, p.port());
        }
    }

    /** Connects, retrying while the receiver has not bound yet (ENOENT, ECONNREFUSED). */
    static void connect(int fd, Address a) {
        long deadline = System.nanoTime() + CONNECT_PATIENCE_NANOS;
        long pause = 1_000_000L;
        for (;;) {
            try {
                switch (a) {
                    case UnixPath u -> Sockets.connectUnix(fd, Path.of(u.path()));
                    case LoopbackPort p -> Sockets.connectInet(fd, p.port());
                }
                return;
            } catch (IpcException e) {
                boolean notYet = e.errno() == Errno.ENOENT || e.errno() == Errno.ECONNREFUSED;
                if (!notYet || System.nanoTime() > deadline) throw e;
                LockSupport.parkNanos(pause);
                pause = Math.min(pause * 2, 50_000_000L);
            }
        }
    }
}
