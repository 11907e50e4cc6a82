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
 * <p>First come unmeasured warm-up messages, so that the measured ones run compiled: as many as
 * the plan says, or by default at least that many and then until the JIT compiler is quiet
 * ({@link WarmupEnd}); same size and checks, seq flagged with {@link MessageHeader#WARMUP_FLAG}
 * (receivers count them as the event {@code warmup}, not in the ledger). They are not in sent,
 * bytes, the throughput window (which starts at the first measured send, while the last warm-up
 * messages may still be in flight: an approximation, where the C yardstick waits for its reader to
 * drain them) nor the report's syscalls (see {@link WarmupCalls}). The pacer and the duration count
 * them.
 *
 * <p>The loop is the same code in both phases: the wire seq, the counters and the end are
 * arithmetic on fields that the end of the warm-up sets, not branches on the phase, so the C2
 * code compiled during the warm-up takes no uncommon trap (and no recompilation) at the first
 * measured message.
 */
final class WriterRole extends AbstractRole {
    private final PlannedProcess self;
    private SendPort out;
    private MemorySegment buf;
    private Payload payload;
    private Pacer pacer;
    private final WarmupEnd warmupEnd;
    /** Messages sent so far, warm-up included. */
    private long n;
    /** Warm-up messages: Long.MAX_VALUE until the warm-up ends. */
    private long warmup = Long.MAX_VALUE;
    /** The message count at which {@link WarmupEnd#check} is asked next; Long.MAX_VALUE after the warm-up. */
    private long nextCheck;
    /** n at which the writer is done: Long.MAX_VALUE until the warm-up ends, then warm-up + messages. */
    private long total = Long.MAX_VALUE;
    /** Wire seq = (n - seqBase) | seqFlag: n | WARMUP_FLAG in the warm-up, n - warmup after it. */
    private long seqBase;

    private long seqFlag = MessageHeader.WARMUP_FLAG;
    /** 0 in the warm-up, 1 after: what a message adds to sent. */
    private long counting;

    private long at = -1;
    /** The send time stamped into the message being sent ({@link #sendTime}). */
    private long stamp;
    /** The channel's {@code sample}: which messages carry their send time. */
    private final int sample;

    WriterRole(WorkerSpec spec, StepGate gate) {
        super(spec, gate);
        this.self = spec.self();
        // stepping measures nothing (no JIT to warm); a paced or timed writer's warm-up is the plan's count
        boolean fixed = self.ratePerSecond() > 0 || self.durationNanos() > 0;
        this.warmupEnd = gate.stepped()
                ? new WarmupEnd(0, false, self.messages())
                : new WarmupEnd(self.warmupMinimum(), self.warmupUntilCompiled() && !fixed, self.messages());
        this.nextCheck = warmupEnd.firstCheck();
        this.sample = Math.max(1, spec.channel().sample());
    }

    /**
     * The send time stamped into the n-th message: the clock for a message whose latency a reader
     * records ({@link MessageHeader#sampled}), 0 for the others, so that with {@code sample: 64} a
     * writer reads the clock once per 64 messages as its readers do (issue 12: ipcref stamps no
     * time at all; a clock read costs ~20 ns here, a 64 B spin-ring message ~40 ns in all).
     */
    private long sendTime() {
        return MessageHeader.sampled(n - seqBase, sample) ? System.nanoTime() : 0;
    }

    /** The seq on the wire of the n-th message (warm-up included). */
    private long wireSeq() {
        return (n - seqBase) | seqFlag;
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
        warmupEnd.start(now);
        startClock(now);
        if (nextCheck == 0) checkWarmup(); // no warm-up
    }

    @Override
    public int doWork() {
        if (done) return 0;
        if (at < 0) {
            if (n >= total || stopOrTimeUp()) {
                finish();
                return 0;
            }
            if (!gate.stepped()) pacer.await(n); // a stepped run with a rate is refused at start
            at = out.claim();
            if (at < 0) return 0;
            stamp = sendTime();
            payload.write(buf, at, wireSeq(), stamp);
        } else {
            if (stop) {
                finish();
                return 0;
            }
            if (!gate.stepped()) { // stepped: part may be sent already
                stamp = sendTime();
                payload.restamp(buf, at, wireSeq(), stamp);
            }
        }
        if (!out.publish(payload.length())) {
            idle();
            return 0;
        }
        backoff.reset();
        at = -1;
        report.sent += counting;
        report.bytesSent += counting * payload.length();
        if (++n == nextCheck) checkWarmup();
        return 1;
    }

    /** The end of this writer's stream: its last operation's time, then the port's end of stream. */
    private void finish() {
        report.lastOpNanos = System.nanoTime();
        out.finish();
        done = true;
    }

    /**
     * With n warm-up messages sent: does the warm-up end here? If so, message n is the first
     * measured one and the throughput window opens now (a clock read before its claim: the window
     * holds all of its sending).
     */
    private void checkWarmup() {
        long now = System.nanoTime();
        if (n > 0) warmupCalls.mark(); // the calls of messages 0..n-1, all warm-up ones
        long next = warmupEnd.check(n, now);
        if (next >= 0) {
            nextCheck = next;
            return;
        }
        nextCheck = Long.MAX_VALUE;
        warmup = n;
        seqBase = n;
        seqFlag = 0;
        counting = 1;
        total = self.messages() == Long.MAX_VALUE ? Long.MAX_VALUE : n + self.messages();
        report.firstOpNanos = now;
    }

    @Override
    public void onClose() {
        if (!closed) {
            warmupCalls.fill(report, Math.min(n, warmup));
            warmupEnd.fill(report);
        }
        super.onClose();
    }
}
