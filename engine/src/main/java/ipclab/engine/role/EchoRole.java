package ipclab.engine.role;

import ipclab.engine.channel.MessageHeader;
import ipclab.engine.channel.SeqLedger;
import ipclab.engine.channel.Verifier;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.WorkerSpec;
import java.lang.foreign.MemorySegment;

/**
 * Returns every message it receives, byte for byte, until the pinger's end of stream. Verifies
 * (as the channel's {@code verify} says) and records what it got like a reader (so the channel's
 * ledger covers the way there), after the reply is sent: the check is not part of the round trip.
 */
final class EchoRole extends RoundTripRole {
    private SeqLedger ledger;
    private long warmups;
    /**
     * Free run: where the next reply goes, claimed before the wait for the next message, or -1. A
     * ring's claim is a call (a semop with {@code sync: semaphore}), which then falls between two
     * round trips instead of inside one (issue 12, session 7).
     *
     * <p>The release of message p then comes after reply p is out (out of the round trip too), when
     * the pinger may already be claiming the lane for message p + 1: correct only while a claim waits
     * for that release. A spinning ring of one slot a lane with Vyukov's undoubled sequences did not:
     * the pinger's own publish of p (p + 1) read as "free for p + 1", so it wrote and published
     * message p + 1 (p + 2) before the echo's late release of p stored p + 1 over it; message p + 1
     * was lost and both sides waited for ever (PingEchoTest's {@code x1}, session 7). The sequences
     * are doubled since (see {@code RingDescriptor}); {@code OneSlotPingEchoLoopTest} loops the
     * one-slot cases (session 8). A claim held at the end of the run is never published: one pinger
     * and one echo share a channel, and the pinger has had its last reply.
     */
    private long next = -1;

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
        // stepped, the claim stays after the receive and the release before the publish: the order
        // recorded schedules hold
        if (!stepped && next < 0 && !done && !stop) next = out.claim();
        int n = receive(in);
        if (n == 0) return 0;
        long at = in.offset();
        long to = next;
        next = -1;
        while (to < 0) {
            to = out.claim();
            if (stop) {
                check(verifier, inBuf, at, n);
                return 0;
            }
        }
        MemorySegment.copy(inBuf, at, outBuf, to, n);
        if (stepped) in.release();
        boolean sent;
        while (!(sent = out.publish(n))) {
            if (stop) break;
            idle();
        }
        // free run: the message's slot goes back once the reply is on its way (a semop with
        // sync: semaphore, out of the round trip like the claim)
        if (!stepped) in.release();
        // checked once the reply is on its way: the echo's own copy (the bytes it returned, which
        // only it writes until its next claim), so the check costs the round trip nothing
        boolean warm = check(verifier, outBuf, to, n);
        if (!sent) return 0;
        if (warm) {
            warmups++;
            warmupCalls.mark();
            return 1;
        }
        report.sent++;
        report.bytesSent += n;
        return 1;
    }

    /**
     * Verifies the message of {@code n} bytes at {@code at} of {@code buf} (the verifier's buffer)
     * and records it in the ledger (a warm-up one is returned, checked by the pinger, never
     * counted); true for a warm-up.
     */
    private boolean check(Verifier v, MemorySegment buf, long at, int n) {
        if (MessageHeader.warmup(MessageHeader.seq(buf, at))) return true;
        if (v.verify(buf, at, n)) {
            ledger.record(MessageHeader.writer(buf, at), MessageHeader.seq(buf, at));
            report.bytesReceived += n;
            // no clock read per message (ipcbase's echo reads none): the send time in the header
            // (CLOCK_MONOTONIC, system-wide) stands for the arrival; the channel's window ends at the
            // pinger's last reply, which comes later, so the window is the same
            long sentAt = MessageHeader.timestamp(buf, at);
            if (report.firstOpNanos == 0) report.firstOpNanos = sentAt;
            report.lastOpNanos = sentAt;
        } else {
            ledger.countCorrupted();
        }
        return false;
    }

    @Override
    public void onClose() {
        closeReceiver(ledger, warmups);
    }
}
