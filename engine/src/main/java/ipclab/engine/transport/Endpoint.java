package ipclab.engine.transport;

import ipclab.dsl.model.QueueMode;
import ipclab.dsl.model.Role;
import ipclab.dsl.model.SocketDomain;
import ipclab.dsl.model.Sync;
import ipclab.dsl.plan.PlannedChannel;
import ipclab.dsl.plan.PlannedProcess;
import ipclab.engine.channel.ReceivePort;
import ipclab.engine.channel.SendPort;
import ipclab.engine.channel.Topology;
import ipclab.engine.channel.msgq.MsgqReceiver;
import ipclab.engine.channel.msgq.MsgqSender;
import ipclab.engine.channel.shm.RacyRingReceiver;
import ipclab.engine.channel.shm.RacyRingSender;
import ipclab.engine.channel.shm.Ring;
import ipclab.engine.channel.shm.SemRingReceiver;
import ipclab.engine.channel.shm.SemRingSender;
import ipclab.engine.channel.shm.SpinRingReceiver;
import ipclab.engine.channel.shm.SpinRingSender;
import ipclab.engine.channel.stream.DatagramReceiver;
import ipclab.engine.channel.stream.DatagramSender;
import ipclab.engine.channel.stream.StreamReceiver;
import ipclab.engine.channel.stream.StreamSender;
import ipclab.engine.protocol.ChannelHandle;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.WorkerReport;
import ipclab.engine.protocol.WorkerSpec;
import ipclab.engine.sys.Errno;
import ipclab.engine.sys.IpcException;
import ipclab.engine.sys.Pipes;
import ipclab.engine.sys.Sockets;
import ipclab.engine.sys.SysvShm;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A worker's end of its channel: attaches or connects (timed into the report's setup costs) and
 * gives the role a {@link SendPort}, a {@link ReceivePort} or both (pinger, echo), or, for an
 * incrementer, the attached segment. {@link #close()} detaches and closes (timed as teardown).
 */
public final class Endpoint implements AutoCloseable {
    /** How long a sender keeps retrying to reach a receiver that has not bound yet. */
    static final long CONNECT_PATIENCE_NANOS = 30_000_000_000L;
    /** UDP receivers give up after this long without a datagram. */
    static final long UDP_QUIET_NANOS = 2_000_000_000L;

    /** Bytes read per bulk copy by the first touch of a segment. */
    private static final long TOUCH_CHUNK = 64 * 1024;

    private final Arena arena = Arena.ofShared();
    private final WorkerReport report;
    private final List<Integer> fds = new ArrayList<>();
    private SendPort out;
    private ReceivePort in;
    private MemorySegment segment;
    private int semId = -1;
    private boolean closed;

    private Endpoint(WorkerReport report) { this.report = report; }

    public SendPort out() { return out; }

    public ReceivePort in() { return in; }

    /** Incrementer: the attached segment (control block with the counter). */
    public MemorySegment segment() { return segment; }

    /** The channel's semaphore set, -1 if none. */
    public int semId() { return semId; }

    public Arena arena() { return arena; }

    /**
     * Prefix of the setup steps that time waiting for the peer (its socket to listen, its end of a
     * FIFO to open): reported apart, never part of the kernel's setup cost.
     */
    public static final String WAIT_PREFIX = "wait-";

    /** Opens the worker's end as its role needs it. */
    public static Endpoint open(WorkerSpec spec, StepGate gate, WorkerReport report) {
        Endpoint e = new Endpoint(report);
        try {
            e.openFor(spec, gate);
            return e;
        } catch (RuntimeException ex) {
            e.close();
            throw ex;
        }
    }

    private void openFor(WorkerSpec spec, StepGate gate) {
        PlannedChannel ch = spec.channel();
        PlannedProcess self = spec.self();
        List<PlannedProcess> peers = spec.peers();
        ChannelHandle h = spec.handle();
        Role role = self.role();
        long max = Topology.maxMessage(ch, peers);
        String name = ch.name();
        semId = h.semId();
        switch (ch.type()) {
            case SHM -> {
                SysvShm.warm();  // time the call, not the linker nor the first invocation
                MemorySegment scratch = arena.allocate(TOUCH_CHUNK, 4096);
                readEveryPage(scratch.asSlice(0, 4096), scratch); // warm the copy path on memory of our own
                long t0 = System.nanoTime();
                segment = SysvShm.attach(h.shmId(), arena);
                report.setupNanos.put("shmat", System.nanoTime() - t0);
                t0 = System.nanoTime();
                readEveryPage(segment, scratch);
                report.setupNanos.put("first-touch", System.nanoTime() - t0);
                if (role == Role.INCREMENTER) return;
                boolean pingEcho = Topology.lanes(ch, peers) == 2;
                int outLane = role == Role.ECHO ? 1 : 0;
                int inLane = role == Role.PINGER ? 1 : 0;
                int reader = pingEcho ? 0 : Topology.receiverIndex(self, peers);
                if (role == Role.WRITER || role == Role.PINGER || role == Role.ECHO) {
                    out = ringSender(Ring.open(segment, outLane), ch.sync(), h.semId(), gate, name);
                }
                if (role == Role.READER || role == Role.PINGER || role == Role.ECHO) {
                    in = ringReceiver(Ring.open(segment, inLane), reader, ch.sync(), h.semId(), gate, name);
                }
            }
            case MSGQ -> {
                boolean nowait = ch.mode() == QueueMode.NOWAIT;
                List<PlannedProcess> receivers = Topology.receivers(peers);
                int[] idx = new int[receivers.size()];
                long[] sel = new long[receivers.size()];
                for (int i = 0; i < idx.length; i++) {
                    idx[i] = receivers.get(i).index();
                    sel[i] = selector(receivers.get(i));
                }
                long mtype = self.mtype() > 0 ? self.mtype() : 1;
                switch (role) {
                    case WRITER -> out = new MsgqSender(h.msqId(), h.semId(), nowait, mtype, max, idx, sel, gate, name, arena);
                    case READER -> in = new MsgqReceiver(h.msqId(), nowait, selector(self), self.index(), max, gate, name, arena);
                    case PINGER -> {
                        out = new MsgqSender(h.msqId(), h.semId(), nowait, mtype, max, idx, sel, gate, name, arena);
                        in = new MsgqReceiver(h.msqId(), nowait, MsgqSender.REPLY_BASE + self.index(), self.index(), max, gate,
                                name, arena);
                    }
                    case ECHO -> {
                        in = new MsgqReceiver(h.msqId(), nowait, selector(self), self.index(), max, gate, name, arena);
                        out = new MsgqSender(h.msqId(), -1, nowait, 0, max, new int[0], new long[0], gate, name, arena);
                    }
                    default -> throw new IllegalArgumentException(role + " cannot use msgq channel " + name);
                }
            }
            case SOCKET -> openSocket(ch, self, peers, h, max, gate);
            case PIPE -> {
                Path fwd = Path.of(h.path());
                Path back = Path.of(h.path() + ".back");
                Pipes.warm();
                warmFifoCalls();
                // opened so that no open sleeps for the other end: "open" times the calls that
                // succeed, "wait-peer" the waiting for the reader's end (see openFifo)
                switch (role) {
                    case WRITER -> out = new StreamSender(openFifo(fwd, Pipes.O_WRONLY), false, max, gate, name, arena);
                    case READER -> in = new StreamReceiver(openFifo(fwd, Pipes.O_RDONLY), false, max, gate, name, arena);
                    case PINGER -> {
                        out = new StreamSender(openFifo(fwd, Pipes.O_WRONLY), false, max, gate, name, arena);
                        in = new StreamReceiver(openFifo(back, Pipes.O_RDONLY), false, max, gate, name, arena);
                    }
                    case ECHO -> {
                        in = new StreamReceiver(openFifo(fwd, Pipes.O_RDONLY), false, max, gate, name, arena);
                        out = new StreamSender(openFifo(back, Pipes.O_WRONLY), false, max, gate, name, arena);
                    }
                    default -> throw new IllegalArgumentException(role + " cannot use pipe channel " + name);
                }
            }
        }
        if (in instanceof StreamReceiver r) r.messageSize(Topology.fixedMessage(peers));
    }

    /** A receiver's msgq selector: its mtype; an echo with 0 takes any type below the reply types. */
    static long selector(PlannedProcess p) {
        if (p.role() == Role.ECHO && p.mtype() == 0) return -(MsgqSender.REPLY_BASE - 1);
        return p.mtype();
    }

    private SendPort ringSender(Ring ring, Sync sync, int semId, StepGate gate, String name) {
        return switch (sync) {
            case SEMAPHORE -> new SemRingSender(ring, semId, gate, name, arena);
            case SPIN, ATOMIC -> new SpinRingSender(ring, gate, name);
            case NONE -> new RacyRingSender(ring, gate, name);
        };
    }

    private ReceivePort ringReceiver(Ring ring, int reader, Sync sync, int semId, StepGate gate, String name) {
        return switch (sync) {
            case SEMAPHORE -> new SemRingReceiver(ring, reader, semId, gate, name, arena);
            case SPIN, ATOMIC -> new SpinRingReceiver(ring, reader, gate, name);
            case NONE -> new RacyRingReceiver(ring, reader, gate, name);
        };
    }

    private void openSocket(PlannedChannel ch, PlannedProcess self, List<PlannedProcess> peers, ChannelHandle h, long max,
                            StepGate gate) {
        SocketDomain d = ch.domain();
        boolean unix = d == SocketDomain.UNIX || d == SocketDomain.UNIX_DGRAM;
        boolean stream = d == SocketDomain.UNIX || d == SocketDomain.TCP;
        boolean udp = d == SocketDomain.UDP;
        Role role = self.role();
        boolean serves = role == Role.READER || role == Role.ECHO;
        String name = ch.name();
        int family = unix ? Sockets.AF_UNIX : Sockets.AF_INET;
        Sockets.warm();  // time the calls, not the JVM's first invocation of each
        warmAddressCalls(unix, h);
        long t0 = System.nanoTime();
        int fd = Sockets.socket(family, (stream ? Sockets.SOCK_STREAM : Sockets.SOCK_DGRAM) | Sockets.SOCK_CLOEXEC, 0);
        fds.add(fd);
        report.setupNanos.put("socket", System.nanoTime() - t0);
        Path path = unix ? Path.of(h.path()) : null;
        Path back = unix ? Path.of(h.path() + ".back") : null;
        if (stream) {
            int conn;
            if (serves) {
                if (!unix) Sockets.setReuseAddress(fd, true);
                t0 = System.nanoTime();
                if (unix) Sockets.bindUnix(fd, path); else Sockets.bindInet(fd, h.port());
                add("bind", System.nanoTime() - t0);
                t0 = System.nanoTime();
                Sockets.listen(fd, 16);
                add("listen", System.nanoTime() - t0);
                conn = acceptOnceConnected(fd);
                fds.add(conn);
            } else {
                connect(fd, unix, path, h.port());
                conn = fd;
            }
            if (!unix) Sockets.setTcpNoDelay(conn, true);
            if (role != Role.WRITER) in = new StreamReceiver(conn, true, max, gate, name, arena);
            if (role != Role.READER) out = new StreamSender(conn, true, max, gate, name, arena);
            return;
        }
        // datagrams: receivers bind the channel's address; a pinger binds the return address
        int[] writers = Topology.senders(peers).stream().mapToInt(PlannedProcess::index).toArray();
        switch (role) {
            case READER -> bind(fd, unix, path, h.port());
            case WRITER -> connect(fd, unix, path, h.port());
            case PINGER -> {
                bind(fd, unix, back, h.port() + 1);
                connect(fd, unix, path, h.port());
            }
            case ECHO -> {
                bind(fd, unix, path, h.port());
                connect(fd, unix, back, h.port() + 1);
            }
            default -> throw new IllegalArgumentException(role + " cannot use socket channel " + name);
        }
        if (role != Role.WRITER) {
            int[] from = role == Role.PINGER ? new int[0] : writers;
            in = new DatagramReceiver(fd, udp, from, role == Role.PINGER ? 0 : UDP_QUIET_NANOS, max, gate, name, arena);
        }
        if (role != Role.READER) out = new DatagramSender(fd, udp, self.index(), max, gate, name, arena);
    }

    /**
     * The worker's first touch: reads every page of the segment (mapping it into this process),
     * in bulk copies of {@link #TOUCH_CHUNK} bytes into scratch: a per-page loop of {@code get}
     * runs interpreted in a cold JVM and costs more than the page faults it measures.
     */
    private static void readEveryPage(MemorySegment seg, MemorySegment scratch) {
        long size = seg.byteSize();
        for (long off = 0; off < size; off += TOUCH_CHUNK) {
            MemorySegment.copy(seg, off, scratch, 0, Math.min(TOUCH_CHUNK, size - off));
        }
    }

    private void bind(int fd, boolean unix, Path path, int port) {
        long t0 = System.nanoTime();
        if (unix) Sockets.bindUnix(fd, path); else Sockets.bindInet(fd, port);
        add("bind", System.nanoTime() - t0);
    }

    /**
     * Runs the address calls' Java paths once on fd -1 (EBADF at once, no side effect): building
     * a sockaddr, the errno capture and the exception path are cold in a new JVM and would cost
     * tens of milliseconds of the first timed bind or connect, which the kernel never charges.
     */
    private static void warmAddressCalls(boolean unix, ChannelHandle h) {
        Path p = unix ? Path.of(h.path()) : null;
        List<Runnable> calls = unix
                ? List.of(() -> Sockets.bindUnix(-1, p), () -> Sockets.connectUnix(-1, p))
                : List.of(() -> Sockets.bindInet(-1, h.port()), () -> Sockets.connectInet(-1, h.port()));
        List<Runnable> all = new ArrayList<>(calls);
        all.add(() -> Sockets.listen(-1, 1));
        all.add(() -> Sockets.accept(-1));
        all.add(() -> Pipes.setNonBlocking(-1, true));
        for (Runnable r : all) {
            try {
                r.run();
            } catch (IpcException expected) {
                // EBADF
            }
        }
    }

    /** As {@link #warmAddressCalls} for FIFOs: open of the empty path (ENOENT), fcntl of fd -1 (EBADF). */
    private static void warmFifoCalls() {
        for (Runnable r : List.<Runnable>of(() -> Pipes.open(Path.of(""), Pipes.O_RDONLY | Pipes.O_NONBLOCK), () -> Pipes.setNonBlocking(-1, false))) {
            try {
                r.run();
            } catch (IpcException expected) {
                // ENOENT, EBADF
            }
        }
    }

    /** Adds a setup step's time (a pinger binds and connects twice over). */
    private void add(String step, long nanos) { report.setupNanos.merge(step, nanos, Long::sum); }

    /**
     * Connects, retrying while the receiver has not bound or listened yet (ENOENT, ECONNREFUSED):
     * "connect" times the call that succeeds, "wait-peer" the time spent before it.
     */
    private void connect(int fd, boolean unix, Path path, int port) {
        long start = System.nanoTime();
        long deadline = start + CONNECT_PATIENCE_NANOS;
        long pause = 1_000_000L;
        for (;;) {
            long t0 = System.nanoTime();
            try {
                if (unix) Sockets.connectUnix(fd, path); else Sockets.connectInet(fd, port);
                add("connect", System.nanoTime() - t0);
                if (t0 > start) add(WAIT_PREFIX + "peer", t0 - start);
                return;
            } catch (IpcException e) {
                boolean notYet = e.errno() == Errno.ENOENT || e.errno() == Errno.ECONNREFUSED;
                if (!notYet || System.nanoTime() > deadline) throw e;
                LockSupport.parkNanos(pause);
                pause = Math.min(pause * 2, 10_000_000L);
            }
        }
    }

    /**
     * Accepts the writer's connection once it is there: the listening socket is non-blocking
     * while it waits, so "accept" times the call that returns the connection and "wait-peer" the
     * waiting for the peer's connect. The connection itself is blocking (accept does not pass on
     * O_NONBLOCK on Linux).
     */
    private int acceptOnceConnected(int fd) {
        Pipes.setNonBlocking(fd, true);
        long start = System.nanoTime();
        long deadline = start + CONNECT_PATIENCE_NANOS;
        long pause = 100_000L;
        for (;;) {
            long t0 = System.nanoTime();
            try {
                int c = Sockets.accept(fd);
                add("accept", System.nanoTime() - t0);
                if (t0 > start) add(WAIT_PREFIX + "peer", t0 - start);
                Pipes.setNonBlocking(fd, false);
                return c;
            } catch (IpcException e) {
                if (e.errno() != Errno.EAGAIN || System.nanoTime() > deadline) throw e;
                LockSupport.parkNanos(pause);
                pause = Math.min(pause * 2, 10_000_000L);
            }
        }
    }

    /**
     * Opens a FIFO end without sleeping in open(2) for the other end. A read end opens at once
     * with O_NONBLOCK (then made blocking again: the start barrier comes after every writer's
     * open, so no read sees end-of-file for want of a writer). A write end fails with ENXIO while
     * no reader has it open; it is retried, and that time is "wait-peer". "open" times the calls
     * that succeed.
     */
    private int openFifo(Path p, int flags) {
        long start = System.nanoTime();
        long deadline = start + CONNECT_PATIENCE_NANOS;
        long pause = 100_000L;
        for (;;) {
            long t0 = System.nanoTime();
            try {
                int fd = Pipes.open(p, flags | Pipes.O_NONBLOCK | Pipes.O_CLOEXEC);
                add("open", System.nanoTime() - t0);
                if (t0 > start) add(WAIT_PREFIX + "peer", t0 - start);
                fds.add(fd);
                Pipes.setNonBlocking(fd, false);
                return fd;
            } catch (IpcException e) {
                if (e.errno() != Errno.ENXIO || System.nanoTime() > deadline) throw e;
                LockSupport.parkNanos(pause);
                pause = Math.min(pause * 2, 10_000_000L);
            }
        }
    }

    /** Closes the ports, the descriptors and detaches the segment (timed as teardown). Idempotent. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        if (out != null) out.close();
        if (in != null) in.close();
        long t0 = System.nanoTime();
        int pipeFd = out instanceof StreamSender s && s.closedFd() ? s.fd() : -1;
        for (int fd : fds) {
            if (fd == pipeFd) continue;
            try {
                Sockets.close(fd);
            } catch (IpcException ignored) {
                // already closed
            }
        }
        if (!fds.isEmpty()) report.teardownNanos.put("close", System.nanoTime() - t0);
        t0 = System.nanoTime();
        arena.close();
        if (segment != null) report.teardownNanos.put("shmdt", System.nanoTime() - t0);
    }

}
