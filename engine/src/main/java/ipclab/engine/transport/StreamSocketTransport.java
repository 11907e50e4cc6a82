package ipclab.engine.transport;

import ipclab.dsl.model.Role;
import ipclab.dsl.plan.PlannedChannel;
import ipclab.dsl.plan.PlannedProcess;
import ipclab.engine.channel.Topology;
import ipclab.engine.channel.stream.StreamReceiver;
import ipclab.engine.channel.stream.StreamSender;
import ipclab.engine.protocol.ChannelHandle.Address;
import ipclab.engine.protocol.ChannelHandle.StreamSocket;
import ipclab.engine.protocol.ChannelHandle.UnixPath;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.WorkerSpec;
import ipclab.engine.sys.SocketOptions;
import ipclab.engine.sys.Sockets;
import java.util.List;

/**
 * A stream socket, unix or tcp: the supervisor only chooses the address (a path in a private
 * directory, or a free loopback port); the receiver (reader or echo) binds, listens and accepts
 * one connection, the sender connects.
 */
final class StreamSocketTransport extends SocketTransport {
    static final StreamSocketTransport INSTANCE = new StreamSocketTransport();

    private StreamSocketTransport() {}

    @Override
    public void create(PlannedChannel ch, List<PlannedProcess> procs, Creation c) {
        c.made(new StreamSocket(ch.name(), SocketCalls.address(ch, c, false)));
    }

    @Override
    public void open(Endpoint e, WorkerSpec spec, StepGate gate) {
        Address at = address(spec);
        boolean unix = at instanceof UnixPath;
        PlannedChannel ch = spec.channel();
        Role role = spec.self().role();
        long max = Topology.maxMessage(spec);
        // time the calls, not the JVM's first invocation of each; link only what this end uses
        Sockets.warmStream(role.consumes(), !unix, role != Role.READER, role != Role.WRITER);
        SocketCalls.warm(at);
        int fd = SocketCalls.socket(e, at, Sockets.SOCK_STREAM);
        int conn;
        // each call timed alone once both sides are ready; waiting for the peer is "wait-peer"
        if (role.consumes()) { // the receiving side serves
            if (!unix) SocketOptions.setReuseAddress(fd, true);
            SocketCalls.bind(e, fd, at);
            long t0 = System.nanoTime();
            Sockets.listen(fd, 16);
            e.setup("listen", System.nanoTime() - t0);
            conn = e.fd(SocketCalls.acceptOnceConnected(e, fd));
        } else {
            SocketCalls.connect(e, fd, at);
            conn = fd;
        }
        if (!unix) SocketOptions.setTcpNoDelay(conn, true);
        // a one-way stream's reader may find several messages waiting; a round trip has one in flight
        int window = role == Role.READER ? StreamReceiver.READER_WINDOW_MESSAGES : 1;
        if (role != Role.WRITER) e.in(new StreamReceiver(conn, true, window, max, gate, ch.name(), e.arena()));
        if (role != Role.READER) e.out(new StreamSender(conn, true, max, gate, ch.name(), e.arena()));
    }
}
