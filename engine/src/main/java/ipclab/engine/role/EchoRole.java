package ipclab.engine.role;

import ipclab.engine.channel.MessageHeader;
import ipclab.engine.channel.SeqLedger;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.WorkerSpec;
import java.lang.foreign.MemorySegment;

/**
 * Returns every message it receives, byte for byte, until the pinger's end of stream. Verifies
 * (as the channel's {@code verify} says) and records what it got like a reader (so the channel's
 * ledger covers the way there).
 */
final class EchoRole extends RoundTripRole {
    private SeqLedger ledger;
    private long warmups;

    EchoRole(WorkerSpec spec, StepGate gate) {
        super(spec, gate);
    }

    @Override
    public void onStart() {
        super.onStart();
        ledger = new SeqLedger(spec.peers());
    }

    @Override
    public int doWork() {
        int n = receive(in);
        if (n == 0) return 0;
        long at = in.offset();
        long now = System.nanoTime();
        boolean warm = MessageHeader.warmup(MessageHeader.seq(inBuf, at));
        if (warm) {
            // the pinger's warm-up round trip: returned, checked by the pinger, never counted
        } else if (verifier.verify(inBuf, at, in.maxMessage())) {
            ledger.record(MessageHeader.writer(inBuf, at), MessageHeader.seq(inBuf, at));
            report.bytesReceived += n;
            if (report.firstOpNanos == 0) report.firstOpNanos = now;
            report.lastOpNanos = now;
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
        closeReceiver(ledger, warmups);
    }
}
