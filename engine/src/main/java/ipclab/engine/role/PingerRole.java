package ipclab.engine.role;

import ipclab.dsl.model.ChannelType;
import ipclab.dsl.plan.PlannedProcess;
import ipclab.engine.channel.MessageHeader;
import ipclab.engine.channel.Payload;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.WorkerSpec;
import org.HdrHistogram.Histogram;

/**
 * Sends a message and waits for the echo to return the same bytes: one round trip per unit of
 * work. The first {@code warmup} round trips carry the warm-up flag and follow the one counting
 * rule (see {@link WarmupCalls}): checked, but not in sent, received, bytes, latency or syscalls.
 * The histogram holds whole round trips. Over a lossy transport (UDP) a reply not back within a
 * second counts as lost.
 */
final class PingerRole extends RoundTripRole {
    static final long LOSSY_REPLY_NANOS = 1_000_000_000L;

    private final PlannedProcess self;
    private Payload payload;
    /** {@code in.lossy()}, asked once: the wait for a reply tests it on every idle turn. */
    private boolean lossy;
    /**
     * Where the last message was written in the pinger's own send buffer, or -1. A queue, socket or
     * FIFO sends from a buffer only this role writes (a ring's slot is the peer's to read and reuse),
     * so the payload's middle written there last time is still in place: the next message at the same
     * offset needs only its header and seals, as a C pinger stamps its sequence into the buffer it
     * sends again (ipcref). A 64 KiB copy less per round trip, inside the measured one (issue 12,
     * session 7). Free runs only: stepped, a send may go in parts.
     */
    private long written = -1;
    /** True when {@link #written} may be used: the send buffer is private and the run free. */
    private boolean ownBuffer;

    private Histogram latency;
    private long total;
    private long seq;
    /** Round trips given up (no reply in time on a lossy transport): a reply to one later is late, not a duplicate. */
    private final java.util.BitSet givenUp = new java.util.BitSet();

    private long lateReplies;
    private long strangers;
    private long lostReplies;
    /** Unmeasured round trips first; none when stepping (it measures nothing, there is no JIT to warm). */
    private final long warmup;

    PingerRole(WorkerSpec spec, StepGate gate) {
        super(spec, gate);
        this.self = spec.self();
        this.warmup = stepped ? 0 : Math.max(0, self.warmup());
    }

    @Override
    public void onStart() {
        super.onStart();
        lossy = in.lossy();
        ownBuffer = !stepped && spec.channel().type() != ChannelType.SHM;
        payload = new Payload(
                spec.seed(), self.index(), self.size(), spec.channel().verify(), endpoint.arena());
        latency = histogram();
        report.latency = latency;
        total = self.messages() == Long.MAX_VALUE ? Long.MAX_VALUE : self.messages() + warmup;
    }

    @Override
    public int doWork() {
        if (done) return 0;
        if (seq >= total || stopOrTimeUp()) {
            finish();
            return 0;
        }
        long at = -1;
        while (at < 0) {
            at = out.claim();
            if (stop) return 0;
        }
        long t0 = System.nanoTime();
        boolean warm = seq < warmup;
        long wire = warm ? seq | MessageHeader.WARMUP_FLAG : seq - warmup;
        if (at == written) {
            payload.restamp(outBuf, at, wire, t0);
        } else {
            payload.write(outBuf, at, wire, t0);
            if (ownBuffer) written = at;
        }
        while (!out.publish(payload.length())) {
            if (stop) return 0;
            idle();
            if (!stepped) payload.restamp(outBuf, at, wire, System.nanoTime()); // stepped: part may be sent already
        }
        if (!warm) {
            report.sent++;
            report.bytesSent += payload.length();
        }
        backoff.reset();
        int n;
        for (; ; ) {
            n = in.poll();
            if (n > 0) {
                long rat = in.offset();
                long rseq = MessageHeader.seq(inBuf, rat);
                if (rseq == wire && MessageHeader.writer(inBuf, rat) == self.index()) break;
                // a late reply to an earlier, given-up round trip (lossy transports), a duplicate of one
                // answered already, or a stranger: each counted, none taken for this round trip's reply
                long rloop =
                        (rseq & MessageHeader.WARMUP_FLAG) != 0 ? rseq & ~MessageHeader.WARMUP_FLAG : rseq + warmup;
                if (!verifier.verify(inBuf, rat, in.maxMessage())) report.corrupted++;
                else if (MessageHeader.writer(inBuf, rat) != self.index() || rloop > seq || rloop < 0) strangers++;
                else if (rloop <= Integer.MAX_VALUE && givenUp.get((int) rloop)) {
                    givenUp.clear((int) rloop);
                    lateReplies++;
                } else report.duplicatedLocally++;
                in.release();
                continue;
            }
            if (n < 0 || stop) {
                finish();
                return 0;
            }
            if (lossy && !stepped && System.nanoTime() - t0 > LOSSY_REPLY_NANOS) {
                if (!warm) lostReplies++;
                if (seq <= Integer.MAX_VALUE) givenUp.set((int) seq); // rare: lossy transports only
                seq++;
                return 1;
            }
            idle();
        }
        long now = System.nanoTime();
        long rat = in.offset();
        if (verifier.verify(inBuf, rat, in.maxMessage())) {
            if (!warm) {
                report.received++;
                report.bytesReceived += n;
                record(latency, now - t0);
                if (report.firstOpNanos == 0) report.firstOpNanos = t0;
                report.lastOpNanos = now;
            }
        } else {
            report.corrupted++;
        }
        in.release();
        backoff.reset();
        seq++;
        if (warm && seq == warmup) warmupCalls.mark();
        return 1;
    }

    private void finish() {
        out.finish();
        done = true;
    }

    @Override
    public void onClose() {
        if (!closed) {
            if (lostReplies > 0) report.event("lost-replies", lostReplies);
            if (lateReplies > 0) report.event("late-replies", lateReplies);
            if (strangers > 0) report.event("foreign-replies", strangers);
            warmupCalls.fill(report, Math.min(seq, warmup));
        }
        super.onClose();
    }
}
