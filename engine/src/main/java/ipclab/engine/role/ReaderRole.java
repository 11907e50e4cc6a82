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
 * and the one-way latency of every {@code sample}-th message from the writer's timestamp
 * (System.nanoTime is CLOCK_MONOTONIC, comparable across processes). The clock is read for those
 * messages and for the last one expected (or at the end of the stream, when several readers share
 * the messages), so that with {@code sample: 64} a message costs no clock read at all. A
 * writer's warm-up messages ({@link MessageHeader#WARMUP_FLAG}) are checked, then only counted
 * (event {@code warmup}); their calls leave the report's syscalls ({@link WarmupCalls}).
 */
final class ReaderRole extends AbstractRole {
    private ReceivePort in;
    private MemorySegment buf;
    private Verifier verifier;
    private SeqLedger ledger;
    private Histogram latency;
    private long warmups;
    private int sample;
    /** Measured messages received, and the count after which the stream's last one is in. */
    private long measured;

    private long expected;
    /** A measured message arrived after the last clock read: the end of the stream times it. */
    private boolean untimed;

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
        verifier = new Verifier(spec.channel().verify(), buf);
        sample = Math.max(1, spec.channel().sample());
        expected = spec.self().messages();
        ledger = new SeqLedger(spec.peers());
        latency = histogram();
        report.latency = latency;
    }

    @Override
    public int doWork() {
        int n = receive(in);
        if (n == 0) {
            if (done && untimed) { // the end of the stream: the last message's time, near enough
                report.lastOpNanos = System.nanoTime();
                untimed = false;
            }
            return 0;
        }
        long at = in.offset();
        if (verifier.verify(buf, at, in.maxMessage())) {
            long seq = MessageHeader.seq(buf, at);
            if (MessageHeader.warmup(seq)) {
                warmups++;
                in.release();
                warmupCalls.mark();
                return 1;
            }
            if (ledger.record(MessageHeader.writer(buf, at), seq)) {
                report.bytesReceived += n;
                boolean sampled = ++measured % sample == 0;
                if (sampled || measured == 1 || measured == expected) {
                    long now = System.nanoTime();
                    if (sampled) record(latency, now - MessageHeader.timestamp(buf, at));
                    if (report.firstOpNanos == 0) report.firstOpNanos = now;
                    report.lastOpNanos = now;
                    untimed = false;
                } else {
                    untimed = true;
                }
            }
        } else {
            ledger.countCorrupted();
        }
        in.release();
        warmupCalls.measured();
        return 1;
    }

    @Override
    public void onClose() {
        closeReceiver(ledger, warmups);
    }
}
