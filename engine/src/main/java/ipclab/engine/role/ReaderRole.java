package ipclab.engine.role;

import ipclab.engine.channel.MessageHeader;
import ipclab.engine.channel.ReceivePort;
import ipclab.engine.channel.SeqLedger;
import ipclab.engine.channel.Verifier;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.WorkerSpec;
import ipclab.engine.transport.Endpoint;
import java.lang.foreign.MemorySegment;
import org.HdrHistogram.Histogram;

/**
 * Reads until the end of the stream: verifies each message in place (as the channel's
 * {@code verify} says), records its writer and sequence in the ledger (duplicates, reordering)
 * and the one-way latency of every {@code sample}-th message of each writer ({@link
 * MessageHeader#sampled}) from the send time the writer stamped into it (System.nanoTime is
 * CLOCK_MONOTONIC, comparable across processes). The clock is read for those
 * messages and for the last one expected (or at the end of the stream, when several readers share
 * the messages), so that with {@code sample: 64} a message costs no clock read at all. A
 * writer's warm-up messages ({@link MessageHeader#WARMUP_FLAG}) are checked, then only counted
 * (event {@code warmup}); their calls leave the report's syscalls ({@link WarmupCalls}).
 */
final class ReaderRole extends AbstractRole {
    /** Index of the measured messages' figures in the per-kind arrays below. */
    private static final int MEASURED = 0;
    /** Index of the warm-up messages' figures: bit 62 of the seq ({@link MessageHeader#WARMUP_FLAG}). */
    private static final int WARMUP = 1;

    private ReceivePort in;
    private MemorySegment buf;
    private Verifier verifier;
    /**
     * Per kind of message (measured, warm-up), the same figures, indexed by the seq's warm-up bit:
     * a warm-up message takes exactly the measured path, into figures that are then dropped, so
     * the loop compiled during the warm-up has no branch on the kind that would first go the other
     * way (an uncommon trap and a recompilation) at the first measured message.
     */
    private final SeqLedger[] ledgers = new SeqLedger[2];

    /**
     * By kind, then (from index 2) where a timed message that is not a sample goes: the first and
     * the last message are timed whatever {@code sample} says, and choosing their histogram by
     * index, not by a branch, keeps the compiled loop free of a branch first taken at the first
     * measured message (see below).
     */
    private final Histogram[] latencies = new Histogram[4];

    private final long[] bytes = new long[2];
    private final long[] counted = new long[2];
    /** The clock at the first message of each kind; Long.MAX_VALUE until then (kept with Math.min, no branch). */
    private final long[] first = {Long.MAX_VALUE, Long.MAX_VALUE};

    private final long[] last = new long[2];
    /** The count after which the stream's last message is in; never for the warm-up. */
    private final long[] expected = {0, Long.MAX_VALUE};

    private int sample;

    /**
     * The extremes the measured histogram holds from the start, taken out again at the end ({@link
     * #onClose}): with them its first measured value is neither a new maximum nor a new minimum,
     * the branches HdrHistogram's {@code updateMinAndMax} takes then and had not taken since the
     * warm-up's first values (C2 had compiled them as an uncommon trap, taken at the first measured
     * message, and recompiled the method on the reader's CPU inside the window; issue 12, session 7).
     */
    private static final long[] PRIMED = {1, HIGHEST_NANOS};

    /** A message arrived after the last clock read (of its kind): the end of the stream times a measured one. */
    private final boolean[] untimed = new boolean[2];

    ReaderRole(WorkerSpec spec, StepGate gate) {
        super(spec, gate, warmupCalls(spec));
    }

    /** Several writers interleave their warm-up with measured messages: charge each warm-up message its own calls. */
    private static WarmupCalls warmupCalls(WorkerSpec spec) {
        long writers = spec.peers().stream()
                .filter(p -> p.role() == ipclab.dsl.model.Role.WRITER)
                .count();
        return writers > 1 ? WarmupCalls.perMessage() : new WarmupCalls();
    }

    @Override
    public void onStart() {
        endpoint = Endpoint.open(spec, gate, report);
        in = endpoint.in();
        buf = in.buffer();
        verifier = Verifier.of(spec, endpoint.arena());
        sample = Math.max(1, spec.channel().sample());
        expected[MEASURED] = spec.self().messages();
        ledgers[MEASURED] = new SeqLedger(spec.peers());
        ledgers[WARMUP] = SeqLedger.ofWarmup(spec.peers());
        latencies[MEASURED] = histogram();
        for (long v : PRIMED) record(latencies[MEASURED], v);
        latencies[WARMUP] = histogram();
        latencies[2] = latencies[3] = histogram(); // dropped
        report.latency = latencies[MEASURED];
    }

    @Override
    public int doWork() {
        int n = receive(in);
        if (n == 0) {
            if (done && untimed[MEASURED]) { // the end of the stream: the last message's time, near enough
                last[MEASURED] = System.nanoTime();
                untimed[MEASURED] = false;
            }
            return 0;
        }
        long at = in.offset();
        if (verifier.verify(buf, at, in.maxMessage())) {
            long seq = MessageHeader.seq(buf, at);
            int kind = (int) (seq >>> 62) & 1; // a negative seq (never sent) fails in either ledger
            if (ledgers[kind].record(MessageHeader.writer(buf, at), seq & ~MessageHeader.WARMUP_FLAG)) {
                bytes[kind] += n;
                long c = ++counted[kind];
                // The first and last messages are timed too. Both are single events: as branches of their
                // own, C2 compiled them (never taken in the warm-up after its first message) as
                // uncommon traps, and the first measured message threw the reader's loop back to the
                // interpreter and held it there while it recompiled in the foreground (12 ms of a
                // 35 ms window, -Xlog:jit+compilation; issue 12, session 5). So they are arithmetic, and
                // so are the comparisons: javac makes each `==` a branch of its own, and C2 had compiled
                // `c == expected` as such a trap, taken (and recompiled in the foreground) at the last message.
                long skipped = MessageHeader.skipped(seq & ~MessageHeader.WARMUP_FLAG, sample);
                long notFirst = ((c - 1) | (1 - c)) >>> 63; // 1 unless c == 1
                long end = expected[kind];
                long notLast = ((c - end) | (end - c)) >>> 63; // 1 unless c == end
                if ((skipped & notFirst & notLast) == 0) {
                    long now = System.nanoTime();
                    record(latencies[kind | (int) (skipped << 1)], now - MessageHeader.timestamp(buf, at));
                    first[kind] = Math.min(first[kind], now);
                    last[kind] = now;
                    untimed[kind] = false;
                } else {
                    untimed[kind] = true;
                }
            }
            in.release();
            warmupCalls.after(
                    kind); // the kind, not `kind == WARMUP`: that test was a trap at the first measured message
            return 1;
        }
        ledgers[MEASURED].countCorrupted();
        in.release();
        warmupCalls.after(MEASURED);
        return 1;
    }

    @Override
    public void onClose() {
        if (!closed) {
            report.bytesReceived = bytes[MEASURED];
            report.firstOpNanos = first[MEASURED] == Long.MAX_VALUE ? 0 : first[MEASURED];
            report.lastOpNanos = last[MEASURED];
            report.corrupted += ledgers[WARMUP].corrupted();
            if (latencies[MEASURED] != null) { // null when onStart failed
                Histogram primed = histogram();
                for (long v : PRIMED) record(primed, v);
                latencies[MEASURED].subtract(primed);
            }
        }
        closeReceiver(ledgers[MEASURED], ledgers[WARMUP].received());
    }
}
