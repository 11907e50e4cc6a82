package ipclab.engine.channel.shm;

import static ipclab.engine.channel.shm.Ring.INT;
import static ipclab.engine.channel.shm.Ring.LONG;

import ipclab.engine.channel.Backoff;
import ipclab.engine.channel.SendPort;
import ipclab.engine.channel.Steps;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.StepNumber;
import ipclab.engine.protocol.StepOp;
import ipclab.engine.protocol.StepResult;

/**
 * Writes to a ring with {@code sync: spin}: Vyukov's bounded MPMC protocol on the slot sequence
 * (acquire/release, no system call per message), its values doubled so that one slot works too
 * ({@link RingDescriptor#spinFree}). A slot at position p is free when its sequence is 2p; the
 * writer claims p by a CAS on the write cursor (a release store when it is the lane's only
 * writer), writes, and publishes sequence 2p + 1. With broadcast it also sets the slot's
 * remaining-readers count; the last reader frees the slot. A full ring is waited on by spinning
 * ({@link Backoff#spinning()}); in a stepped run a full ring is the claim's result
 * ({@link StepResult#WOULD_BLOCK}) and the claim is retried at a later step.
 */
public final class SpinRingSender extends RingWriter implements SendPort {
    private final Backoff backoff = Backoff.spinning();
    /**
     * The lane's only writer owns its write cursor and advances it with a release store (a plain
     * store on x86) instead of a locked CAS per message; ipcbase keeps its cursor private and pays neither.
     */
    private final boolean soleWriter;

    private volatile boolean stop;

    public SpinRingSender(Ring ring, StepGate gate, String channel) {
        super(ring, gate, channel);
        this.soleWriter = ring.writers == 1;
    }

    @Override
    public long claim() {
        long wc = ring.writeCursor();
        backoff.reset();
        for (; ; ) {
            if (stepped) gate.before(StepOp.SLOT_CLAIM, channel);
            long pos = (long) LONG.getVolatile(seg, wc);
            long s = ring.slot(pos);
            long seq = (long) LONG.getAcquire(seg, s + RingDescriptor.SLOT_SEQUENCE);
            long free = RingDescriptor.spinFree(pos);
            if (stepped) gate.number(StepNumber.SLOT, pos);
            if (seq == free) {
                if (soleWriter) LONG.setRelease(seg, wc, pos + 1);
                if (soleWriter || (boolean) LONG.compareAndSet(seg, wc, pos, pos + 1)) {
                    claimed = pos;
                    slot = s;
                    return s + RingDescriptor.SLOT_MESSAGE;
                }
            } else if (seq < free) {
                if (stepped) {
                    gate.result(StepResult.WOULD_BLOCK);
                    return -1;
                }
                if (stop) return -1;
                backoff.idle();
            }
        }
    }

    @Override
    public boolean publish(int length) {
        if (stepped) {
            gate.before(StepOp.SLOT_PUBLISH, channel);
            gate.number(StepNumber.SLOT, claimed);
            Steps.message(gate, seg, slot + RingDescriptor.SLOT_MESSAGE, length);
        }
        if (broadcast) INT.set(seg, slot + RingDescriptor.SLOT_REMAINING, ring.readers);
        LONG.setRelease(seg, slot + RingDescriptor.SLOT_SEQUENCE, RingDescriptor.spinPublished(claimed));
        return true;
    }

    @Override
    public void requestStop() {
        stop = true;
    }
}
