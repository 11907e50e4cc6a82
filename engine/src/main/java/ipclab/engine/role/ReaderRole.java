package ipclab.engine.role;

import ipclab.engine.channel.Crc;
import ipclab.engine.transport.Endpoint;
import ipclab.engine.channel.MessageHeader;
import ipclab.engine.channel.ReceivePort;
import ipclab.engine.channel.SeqLedger;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.WorkerSpec;
import java.lang.foreign.MemorySegment;
import org.HdrHistogram.Histogram;

/**
 * Reads until the end of the stream: verifies each message's checksum in place, records its
 * writer and sequence in the ledger (duplicates, reordering) and its one-way latency from the
 * writer's timestamp (System.nanoTime is CLOCK_MONOTONIC, comparable across processes). A
 * writer's warm-up messages ({@link MessageHeader#WARMUP_FLAG}) are checked, then only counted
 * (event {@code warmup}); their calls leave the report's syscalls ({@link WarmupCalls}).
 */
final class ReaderRole extends AbstractRole {
    private ReceivePort in;
    private MemorySegment buf;
    private Crc crc;
    private SeqLedger ledger;
    private Histogram latency;
    private final WarmupCalls warmupCalls;
    private long warmups;

    ReaderRole(WorkerSpec spec, StepGate gate) {
        super(spec, gate);
        long writers = spec.peers().stream().filter(p -> p.role() == ipclab.dsl.model.Role.WRITER).count();
        this.warmupCalls = writers > 1 ? WarmupCalls.perMessage() : new WarmupCalls();
    }

    @Override
    public void onStart() {
        endpoint = Endpoint.open(spec, gate, report);
        in = endpoint.in();
        buf = in.buffer();
        crc = new Crc(buf);
        ledger = new SeqLedger(spec.peers());
        latency = histogram();
        report.latency = latency;
    }

    @Override
    public void onGo() { warmupCalls.start(); }

    @Override
    public int doWork() {
        int n = receive(in);
        if (n == 0) return 0;
        long at = in.offset();
        if (crc.verify(buf, at, in.maxMessage())) {
            long now = System.nanoTime();
            long seq = MessageHeader.seq(buf, at);
            if (MessageHeader.warmup(seq)) {
                warmups++;
                in.release();
                warmupCalls.mark();
                return 1;
            }
            if (ledger.record(MessageHeader.writer(buf, at), seq)) {
                record(latency, now - MessageHeader.timestamp(buf, at));
                report.bytesReceived += n;
                if (report.firstOpNanos == 0) report.firstOpNanos = now;
                report.lastOpNanos = now;
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
        if (ledger != null && !closed) {
            if (warmups > 0) report.event("warmup", warmups);
            warmupCalls.fill(report);
        }
        fillLedger(ledger);
        super.onClose();
    }
}
