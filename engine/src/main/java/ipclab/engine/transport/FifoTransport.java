package ipclab.engine.transport;

import ipclab.dsl.plan.PlannedChannel;
import ipclab.dsl.plan.PlannedProcess;
import ipclab.engine.channel.Topology;
import ipclab.engine.channel.stream.StreamReceiver;
import ipclab.engine.channel.stream.StreamSender;
import ipclab.engine.protocol.ChannelHandle;
import ipclab.engine.protocol.ChannelHandle.Fifo;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.WorkerSpec;
import ipclab.engine.sys.Pipes;
import java.nio.file.Path;
import java.util.List;

/**
 * A named pipe (FIFO, mkfifo mode 0600) in a private directory; a pinger/echo pair gets a second
 * one, {@code fifo.back}, for the echoes. Writers open it write-only, readers read-only.
 */
final class FifoTransport implements Transport {
    static final FifoTransport INSTANCE = new FifoTransport();

    private FifoTransport() {}

    @Override
    public void create(PlannedChannel ch, List<PlannedProcess> procs, Creation c) {
        boolean pair = Topology.pingEcho(procs);
        Path fifo = (pair ? c.privateDir("fifo", "fifo.back") : c.privateDir("fifo")).resolve("fifo"); // logged with the directory
        c.made(new Fifo(ch.name(), fifo.toString()));
        c.timed("mkfifo", () -> {
            Pipes.mkfifo(fifo, 0600);
            if (pair) Pipes.mkfifo(Path.of(fifo + ".back"), 0600);
        });
    }

    @Override
    public void remove(ChannelHandle h, Removal r) {
        r.privateFiles(((Fifo) h).path());
    }

    @Override
    public void open(Endpoint e, WorkerSpec spec, StepGate gate) {
        Fifo h = (Fifo) spec.handle();
        PlannedChannel ch = spec.channel();
        String name = ch.name();
        long max = Topology.maxMessage(ch, spec.peers());
        Path fwd = Path.of(h.path());
        Path back = Path.of(h.path() + ".back");
        Pipes.warm();
        long t0 = System.nanoTime();
        switch (spec.self().role()) {
            case WRITER -> e.out(new StreamSender(open(e, fwd, Pipes.O_WRONLY), false, max, gate, name, e.arena()));
            case READER -> e.in(new StreamReceiver(open(e, fwd, Pipes.O_RDONLY), false, max, gate, name, e.arena()));
            case PINGER -> {
                e.out(new StreamSender(open(e, fwd, Pipes.O_WRONLY), false, max, gate, name, e.arena()));
                e.in(new StreamReceiver(open(e, back, Pipes.O_RDONLY), false, max, gate, name, e.arena()));
            }
            case ECHO -> {
                e.in(new StreamReceiver(open(e, fwd, Pipes.O_RDONLY), false, max, gate, name, e.arena()));
                e.out(new StreamSender(open(e, back, Pipes.O_WRONLY), false, max, gate, name, e.arena()));
            }
            default -> throw new IllegalArgumentException(spec.self().role() + " cannot use pipe channel " + name);
        }
        e.setup("open", System.nanoTime() - t0);
    }

    private static int open(Endpoint e, Path p, int flags) {
        return e.fd(Pipes.open(p, flags | Pipes.O_CLOEXEC));
    }
}
