package ipclab.engine.transport;

import ipclab.dsl.model.Role;
import ipclab.dsl.model.SocketDomain;
import ipclab.dsl.plan.PlannedChannel;
import ipclab.dsl.plan.PlannedProcess;
import ipclab.engine.channel.Topology;
import ipclab.engine.channel.stream.DatagramReceiver;
import ipclab.engine.channel.stream.DatagramSender;
import ipclab.engine.protocol.ChannelHandle.Address;
import ipclab.engine.protocol.ChannelHandle.DatagramSocket;
import ipclab.engine.protocol.ChannelHandle.LoopbackPort;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.WorkerSpec;
import ipclab.engine.sys.Sockets;
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

    @Override
    public void open(Endpoint e, WorkerSpec spec, StepGate gate) {
        Address at = address(spec);
        boolean udp = at instanceof LoopbackPort;
        PlannedChannel ch = spec.channel();
        PlannedProcess self = spec.self();
        List<PlannedProcess> peers = spec.peers();
        Role role = self.role();
        String name = ch.name();
        long max = Topology.maxMessage(ch, peers);
        Sockets.warm(); // time the calls, not the JVM's first invocation of each
        SocketCalls.warm(at);
        int fd = SocketCalls.socket(e, at, Sockets.SOCK_DGRAM);
        // receivers bind the channel's address; a pinger binds the return address (each call timed)
        int[] writers =
                Topology.senders(peers).stream().mapToInt(PlannedProcess::index).toArray();
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
        if (role != Role.READER) e.out(new DatagramSender(fd, udp, self.index(), max, gate, name, e.arena()));
    }
}
