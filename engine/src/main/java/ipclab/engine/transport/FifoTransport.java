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
import ipclab.engine.sys.Errno;
import ipclab.engine.sys.IpcException;
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
        Path fifo = (pair ? c.privateDir("fifo", "fifo.back") : c.privateDir("fifo"))
                .resolve("fifo"); // logged with the directory
        c.made(new Fifo(ch.name(), fifo.toString()));
        warmMkfifo();
        // the registry named each FIFO (with its directory) before the directory existed: only the mkfifo calls are
        // timed
        long spent = timed(() -> Pipes.mkfifo(fifo, 0600));
        if (pair) spent += timed(() -> Pipes.mkfifo(Path.of(fifo + ".back"), 0600));
        c.step("mkfifo", spent);
    }

    private static long timed(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return System.nanoTime() - t0;
    }

    /** The JVM's first mkfifo costs far more than the call (linking, path conversion): pay it on a path that fails. */
    private static void warmMkfifo() {
        try {
            Pipes.mkfifo(Path.of(""), 0600);
        } catch (IpcException expected) {
            // ENOENT: nothing made
        }
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
        long max = Topology.maxMessage(spec);
        Path fwd = Path.of(h.path());
        Path back = Path.of(h.path() + ".back");
        Pipes.warm();
        warmOpen();
        // no open sleeps for the other end: "open" times the calls that succeed, "wait-peer" the waiting
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
    }

    /** As SocketCalls.warm for FIFOs: open of the empty path (ENOENT), fcntl of fd -1 (EBADF). */
    private static void warmOpen() {
        for (Runnable r : List.<Runnable>of(
                () -> Pipes.open(Path.of(""), Pipes.O_RDONLY | Pipes.O_NONBLOCK),
                () -> Pipes.setNonBlocking(-1, false))) {
            try {
                r.run();
            } catch (IpcException expected) {
                // ENOENT, EBADF
            }
        }
    }

    /**
     * Opens a FIFO end without sleeping in open(2) for the other end. A read end opens at once
     * with O_NONBLOCK (then made blocking again: the start barrier comes after every writer's open,
     * so no read sees end-of-file for want of a writer). A write end fails with ENXIO while no
     * reader has it open; it is retried, and that time is "wait-peer". O_NOATIME: a read on a
     * FIFO (unlike one on an anonymous pipe, the C yardstick's) otherwise asks, at every call,
     * whether the file's access time needs an update (atime_needs_update, touch_atime: ~5% of a
     * 4 KiB stream reader's time in a perf profile, issue 12, session 6); the FIFO is this user's.
     */
    private static int open(Endpoint e, Path p, int flags) {
        int fd = SocketCalls.whenPeerIsThere(
                e,
                "open",
                List.of(Errno.ENXIO),
                () -> e.fd(Pipes.open(p, flags | Pipes.O_NONBLOCK | Pipes.O_NOATIME | Pipes.O_CLOEXEC)));
        Pipes.setNonBlocking(fd, false);
        return fd;
    }
}
