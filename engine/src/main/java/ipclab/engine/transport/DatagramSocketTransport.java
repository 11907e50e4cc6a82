package ipclab.engine.transport;

import ipclab.dsl.model.Role;
import ipclab.dsl.model.SocketDomain;
import ipclab.dsl.plan.PlannedChannel;
import ipclab.dsl.plan.PlannedProcess;
import ipclab.engine.channel.MessageHeader;
import ipclab.engine.channel.Topology;
import ipclab.engine.channel.stream.DatagramReceiver;
import ipclab.engine.channel.stream.DatagramSender;
import ipclab.engine.protocol.ChannelHandle.Address;
import ipclab.engine.protocol.ChannelHandle.DatagramSocket;
import ipclab.engine.protocol.ChannelHandle.LoopbackPort;
import ipclab.engine.protocol.ChannelHandle.UnixPath;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.WorkerSpec;
import ipclab.engine.sys.Errno;
import ipclab.engine.sys.IpcException;
import ipclab.engine.sys.SocketIo;
import ipclab.engine.sys.Sockets;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * A datagram socket, unix or udp: the supervisor chooses the address (a path in a private
 * directory, or a free loopback port, with port + 1 free too for a udp pinger/echo); receivers
 * bind it, writers connect to it, and a pinger binds the return address {@link Address#back()}.
 */
final class DatagramSocketTransport extends SocketTransport {
    static final DatagramSocketTransport INSTANCE = new DatagramSocketTransport();

    /** UDP receivers give up after this long without a datagram. */
    static final long UDP_QUIET_NANOS = 2_000_000_000L;

    private DatagramSocketTransport() {}

    @Override
    public void create(PlannedChannel ch, List<PlannedProcess> procs, Creation c) {
        boolean pair = ch.domain() == SocketDomain.UDP && Topology.pingEcho(procs);
        c.made(new DatagramSocket(ch.name(), SocketCalls.address(ch, c, pair)));
    }

    /**
     * Ends the datagram stream of senders that are gone without their end marker (killed): the
     * supervisor sends one marker in each sender's name (a receiver counts a writer's end once, so a
     * marker for a writer that did end is harmless). Sent with MSG_DONTWAIT: a receiver buffer full
     * now leaves it for a later call, so the supervisor never blocks here.
     *
     * @return what was done, or null when the markers could not go yet
     */
    static String endStreamFor(DatagramSocket h, List<PlannedProcess> peers) {
        Address at = h.address();
        int[] senders =
                Topology.senders(peers).stream().mapToInt(PlannedProcess::index).toArray();
        int fd = Sockets.socket(SocketCalls.family(at), Sockets.SOCK_DGRAM | Sockets.SOCK_CLOEXEC, 0);
        try (Arena arena = Arena.ofConfined()) {
            switch (at) {
                case UnixPath u -> Sockets.connectUnix(fd, java.nio.file.Path.of(u.path()));
                case LoopbackPort p -> Sockets.connectInet(fd, p.port());
            }
            MemorySegment buf = arena.allocate(MessageHeader.BYTES, 8);
            for (int w : senders) {
                MessageHeader.writeEnd(buf, 0, w);
                long n;
                do n = SocketIo.trySend(fd, buf, MessageHeader.BYTES, SocketIo.MSG_DONTWAIT);
                while (n == -Errno.EINTR);
                if (n == -Errno.EAGAIN) return null;
                if (n < 0) throw new IpcException("send", "fd=" + fd + ", size=" + MessageHeader.BYTES, (int) -n);
            }
        } finally {
            Sockets.close(fd);
        }
        return "the killed sender never sent its end marker: the supervisor sent " + senders.length
                + " in the senders' names, so the receivers end their stream";
    }

    @Override
    public void open(Endpoint e, WorkerSpec spec, StepGate gate) {
        Address at = address(spec);
        boolean udp = at instanceof LoopbackPort;
        Role role = spec.self().role();
        String name = spec.channel().name();
        long max = Topology.maxMessage(spec);
        Sockets.warm(); // time the calls, not the JVM's first invocation of each
        SocketCalls.warm(at);
        int fd = SocketCalls.socket(e, at, Sockets.SOCK_DGRAM);
        // receivers bind the channel's address; a pinger binds the return address (each call timed)
        int[] writers = Topology.senders(spec.peers()).stream()
                .mapToInt(PlannedProcess::index)
                .toArray();
        switch (role) {
            case READER -> SocketCalls.bind(e, fd, at);
            case WRITER -> SocketCalls.connect(e, fd, at);
            case PINGER -> {
                SocketCalls.bind(e, fd, at.back());
                SocketCalls.connect(e, fd, at);
            }
            case ECHO -> {
                SocketCalls.bind(e, fd, at);
                SocketCalls.connect(e, fd, at.back());
            }
            default -> throw new IllegalArgumentException(role + " cannot use socket channel " + name);
        }
        if (role != Role.WRITER) {
            int[] from = role == Role.PINGER ? new int[0] : writers;
            e.in(new DatagramReceiver(
                    fd, udp, from, role == Role.PINGER ? 0 : UDP_QUIET_NANOS, max, gate, name, e.arena()));
        }
        if (role != Role.READER) e.out(new DatagramSender(fd, udp, spec.self().index(), max, gate, name, e.arena()));
    }
}
