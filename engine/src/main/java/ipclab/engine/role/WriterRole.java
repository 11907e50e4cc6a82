package ipclab.engine.role;

import ipclab.dsl.plan.PlannedProcess;
import ipclab.engine.channel.MessageHeader;
import ipclab.engine.channel.Pacer;
import ipclab.engine.channel.Payload;
import ipclab.engine.channel.SendPort;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.WorkerSpec;
import ipclab.engine.transport.Endpoint;
import java.lang.foreign.MemorySegment;

/**
 * Streams {@code messages} messages (or until {@code duration} ends, whichever first) at
 * {@code rate} (flat out without one). Each message: claim room, copy the payload and stamp
 * seq, timestamp and checksum, publish; a publish refused for now (nowait) is retried with
 * back-off and a fresh timestamp. Ends with the port's end of stream.
 *
 * <p>First come {@link #warmup(PlannedProcess)} unmeasured warm-up messages, so that the measured
 * ones run compiled: same size and checks, seq flagged with {@link MessageHeader#WARMUP_FLAG}
 * (receivers count them as the event {@code warmup}, not in the ledger); they are not in
 * sent, bytes, the throughput window (which starts at the first measured send, while the last
 * warm-up messages may still be in flight: an approximation, where the C yardstick waits for its
 * reader to drain them) nor the report's syscalls (see {@link WarmupCalls}). The pacer and the
 * duration count them.
 */
final class WriterRole extends AbstractRole {
    private final PlannedProcess self;
    private SendPort out;
    private MemorySegment buf;
    private Payload payload;
    private Pacer pacer;
    private final long warmup;
    private final long total;
    /** Messages sent so far, warm-up included. */
    private long n;

    private long at = -1;
    /** The clock read stamped into the message being sent: also its send time for the throughput window. */
    private long stamp;

    WriterRole(WorkerSpec spec, StepGate gate) {
        super(spec, gate);
        this.self = spec.self();
        this.warmup = gate.stepped() ? 0 : warmup(self); // stepping measures nothing: no JIT to warm
        this.total = self.messages() == Long.MAX_VALUE ? Long.MAX_VALUE : self.messages() + warmup;
    }

    /**
     * The writer's warm-up messages: the plan's {@code warmup}. The planner fills in the default,
     * max(100, messages / 10) (the C yardstick's rule) for a writer with a message count and 0 for
     * one bounded only by a duration; an explicit {@code warmup: 0} means none.
     */
    static long warmup(PlannedProcess p) {
        return Math.max(0, p.warmup());
    }

    /** The seq on the wire of the n-th message (warm-up included). */
    private long wireSeq() {
        return n < warmup ? n | MessageHeader.WARMUP_FLAG : n - warmup;
    }

    @Override
    public void onStart() {
        endpoint = Endpoint.open(spec, gate, report);
        out = endpoint.out();
        buf = out.buffer();
        payload = new Payload(
                spec.seed(), self.index(), self.size(), spec.channel().verify(), endpoint.arena());
        pacer = new Pacer(self.ratePerSecond());
    }

    @Override
    public void onGo() {
        long now = System.nanoTime();
        pacer.start(now);
        warmupCalls.start();
        startClock(now);
    }

    @Override
    public int doWork() {
        if (done) return 0;
        if (at < 0) {
            if (n >= total || stopOrTimeUp()) {
                out.finish();
                done = true;
                return 0;
            }
            if (!gate.stepped()) pacer.await(n); // a stepped run with a rate is refused at start
            at = out.claim();
            if (at < 0) return 0;
            stamp = System.nanoTime();
            payload.write(buf, at, wireSeq(), stamp);
        } else {
            if (stop) {
                out.finish();
                done = true;
                return 0;
            }
            if (!gate.stepped()) { // stepped: part may be sent already
                stamp = System.nanoTime();
                payload.restamp(buf, at, wireSeq(), stamp);
            }
        }
        long ts = stamp; // one clock read per message, as the native baseline
        if (!out.publish(payload.length())) {
            idle();
            return 0;
        }
        backoff.reset();
        at = -1;
        if (n < warmup) {
            if (++n == warmup) warmupCalls.mark();
            return 1;
        }
        if (report.sent == 0) report.firstOpNanos = ts;
        report.lastOpNanos = ts;
        report.sent++;
        report.bytesSent += payload.length();
        n++;
        return 1;
    }

    @Override
    public void onClose() {
        if (!closed) {
            warmupCalls.fill(report, Math.min(n, warmup));
        }
        super.onClose();
    }
}
