package ipclab.engine.transport;

import ipclab.engine.channel.ReceivePort;
import ipclab.engine.channel.SendPort;
import ipclab.engine.channel.Topology;
import ipclab.engine.channel.stream.StreamReceiver;
import ipclab.engine.channel.stream.StreamSender;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.WorkerReport;
import ipclab.engine.protocol.WorkerSpec;
import ipclab.engine.sys.IpcException;
import ipclab.engine.sys.Sockets;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * A worker's end of its channel: the channel's {@link Transport} attaches or connects (timed into
 * the report's setup costs) and gives the role a {@link SendPort}, a {@link ReceivePort} or both
 * (pinger, echo), or, for an incrementer, the attached segment. {@link #close()} detaches and
 * closes (timed as teardown).
 */
public final class Endpoint implements AutoCloseable {
    private final Arena arena = Arena.ofShared();
    private final WorkerReport report;
    private final List<Integer> fds = new ArrayList<>();
    private SendPort out;
    private ReceivePort in;
    private MemorySegment segment;
    private int semId = -1;
    private boolean closed;

    private Endpoint(WorkerReport report) {
        this.report = report;
    }

    public SendPort out() {
        return out;
    }

    public ReceivePort in() {
        return in;
    }

    /** Incrementer: the attached segment (control block with the counter). */
    public MemorySegment segment() {
        return segment;
    }

    /** The channel's semaphore set, -1 if none. */
    public int semId() {
        return semId;
    }

    public Arena arena() {
        return arena;
    }

    /** Opens the worker's end as its role needs it. */
    public static Endpoint open(WorkerSpec spec, StepGate gate, WorkerReport report) {
        Endpoint e = new Endpoint(report);
        try {
            Transport.of(spec.handle()).open(e, spec, gate);
            if (e.in instanceof StreamReceiver r) r.messageSize(Topology.fixedMessage(spec.peers()));
            return e;
        } catch (RuntimeException ex) {
            e.close();
            throw ex;
        }
    }

    // ---------------------------------------------------------------- filled in by the transports

    void out(SendPort p) {
        out = p;
    }

    void in(ReceivePort p) {
        in = p;
    }

    void segment(MemorySegment seg) {
        segment = seg;
    }

    void semId(int id) {
        semId = id;
    }

    /** A descriptor to close with the endpoint; returns it. */
    int fd(int fd) {
        fds.add(fd);
        return fd;
    }

    /**
     * Prefix of the setup steps that time waiting for the peer (its socket to listen, its end of a
     * FIFO to open): reported apart, never part of the kernel's setup cost.
     */
    public static final String WAIT_PREFIX = "wait-";

    /** One timed step of the worker's setup (added up when a step happens twice, as a pinger's bind and connect). */
    void setup(String step, long nanos) {
        report.setupNanos.merge(step, nanos, Long::sum);
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
