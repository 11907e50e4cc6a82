package ipclab.engine.role;

import ipclab.engine.channel.MessageHeader;
import ipclab.engine.channel.ReceivePort;
import ipclab.engine.channel.SendPort;
import ipclab.engine.channel.SeqLedger;
import ipclab.engine.channel.Verifier;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.WorkerSpec;
import ipclab.engine.transport.Endpoint;
import java.lang.foreign.MemorySegment;

/**
 * Returns every message it receives, byte for byte, until the pinger's end of stream. Verifies
 * (as the channel's {@code verify} says) and records what it got like a reader (so the channel's
 * ledger covers the way there).
 */
final class EchoRole extends AbstractRole {
    private ReceivePort in;
    private SendPort out;
    private MemorySegment inBuf;
    private MemorySegment outBuf;
    private Verifier verifier;
    private SeqLedger ledger;
    private final WarmupCalls warmupCalls = new WarmupCalls();
    private long warmups;

    EchoRole(WorkerSpec spec, StepGate gate) {
        super(spec, gate);
    }

    @Override
    public void onStart() {
        endpoint = Endpoint.open(spec, gate, report);
        in = endpoint.in();
        out = endpoint.out();
        inBuf = in.buffer();
        outBuf = out.buffer();
        verifier = new Verifier(spec.channel().verify(), inBuf);
        ledger = new SeqLedger(spec.peers());
    }

    @Override
    public void onGo() {
        warmupCalls.start();
    }

    @Override
    public int doWork() {
        int n = receive(in);
        if (n == 0) return 0;
        long at = in.offset();
        boolean warm = MessageHeader.warmup(MessageHeader.seq(inBuf, at));
        if (warm) {
            // the pinger's warm-up round trip: returned, checked by the pinger, never counted
        } else if (verifier.verify(inBuf, at, in.maxMessage())) {
            ledger.record(MessageHeader.writer(inBuf, at), MessageHeader.seq(inBuf, at));
            report.bytesReceived += n;
            // no clock read per message (ipcbase's echo reads none): the send time in the header
            // (CLOCK_MONOTONIC, system-wide) stands for the arrival; the channel's window ends at the
            // pinger's last reply, which comes later, so the window is the same
            long sentAt = MessageHeader.timestamp(inBuf, at);
            if (report.firstOpNanos == 0) report.firstOpNanos = sentAt;
            report.lastOpNanos = sentAt;
        } else {
            ledger.countCorrupted();
        }
        long to = -1;
        while (to < 0) {
            to = out.claim();
            if (stop) return 0;
        }
        MemorySegment.copy(inBuf, at, outBuf, to, n);
        in.release();
        while (!out.publish(n)) {
            if (stop) return 0;
            idle();
        }
        if (warm) {
            warmups++;
            warmupCalls.mark();
            return 1;
        }
        report.sent++;
        report.bytesSent += n;
        return 1;
    }

    @Override
    public void onClose() {
        closeReceiver(ledger, warmups, warmupCalls);
    }
}
