package ipclab.engine.channel.shm;

import static ipclab.engine.channel.shm.Ring.INT;
import static ipclab.engine.channel.shm.Ring.LONG;

import ipclab.engine.channel.MessageHeader;
import ipclab.engine.channel.ReceivePort;
import ipclab.engine.channel.Steps;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.StepNumber;
import ipclab.engine.protocol.StepOp;
import ipclab.engine.protocol.StepResult;

/**
 * Reads a ring with {@code sync: spin}. Shared fan-out: the message at position p is ready when
 * its slot's sequence is 2p + 1 ({@link RingDescriptor#spinPublished}); readers claim p with a CAS
 * on the shared read cursor (a release store when there is one reader) and free the slot by
 * publishing 2(p + slots), the sequence that frees it for position p + slots. Broadcast: each reader follows its own cursor; the last of the
 * slot's readers (remaining count) frees it. The stream ends when every writer of the lane is
 * done and the ring is drained.
 */
public final class SpinRingReceiver extends RingReader implements ReceivePort {

    /** Shared fan-out with one reader: it owns the read cursor and advances it with a release store, no CAS. */
    private final boolean soleReader;

    /** Pauses a poll waits on an unpublished slot before it returns empty (see {@link #awaitSequence}). */
    static final int READY_SPINS = 32;

    /** @param reader this reader's index among the lane's readers (broadcast cursor) */
    public SpinRingReceiver(Ring ring, int reader, StepGate gate, String channel) {
        super(ring, RingDescriptor.readerCursorOffset(ring.lane, reader), gate, channel);
        this.soleReader = !broadcast && ring.readers == 1;
    }

    @Override
    public int poll() {
        long rc = ring.readCursor();
        for (; ; ) {
            if (stepped) gate.before(StepOp.SLOT_READ, channel);
            long pos = broadcast ? cursor : (long) LONG.getVolatile(seg, rc);
            long s = ring.slot(pos);
            long seq = (long) LONG.getAcquire(seg, s + RingDescriptor.SLOT_SEQUENCE);
            long ready = RingDescriptor.spinPublished(pos);
            if (stepped) gate.number(StepNumber.SLOT, pos);
            else if (seq < ready) seq = awaitSequence(s, ready, seq);
            if (seq == ready) {
                if (soleReader) LONG.setRelease(seg, rc, pos + 1);
                if (broadcast || soleReader || (boolean) LONG.compareAndSet(seg, rc, pos, pos + 1)) {
                    claimed = pos;
                    slot = s;
                    int length = MessageHeader.length(seg, s + RingDescriptor.SLOT_MESSAGE);
                    if (stepped) Steps.message(gate, seg, s + RingDescriptor.SLOT_MESSAGE, length);
                    return length;
                }
            } else if (seq < ready) {
                if (!ring.allWritersDone()) {
                    if (stepped) gate.result(StepResult.EMPTY);
                    return 0;
                }
                // every writer published before it counted itself done: look once more
                seq = (long) LONG.getAcquire(seg, s + RingDescriptor.SLOT_SEQUENCE);
                if (seq == ready) continue;
                if (broadcast || (long) LONG.getVolatile(seg, rc) == pos) {
                    if (stepped) gate.result(StepResult.END_OF_STREAM);
                    return -1;
                }
            }
        }
    }

    /**
     * Polls the slot's sequence alone, up to {@value #READY_SPINS} times with a CPU pause between,
     * while it is below {@code ready}; returns the last value read. The message is seen as soon
     * as ipcbase's bare load-and-pause loop would see it, instead of after a whole turn through
     * the role, its back-off and the cursor (issue 12, session 4).
     */
    private long awaitSequence(long s, long ready, long seq) {
        for (int i = 0; i < READY_SPINS && seq < ready; i++) {
            Thread.onSpinWait();
            seq = (long) LONG.getAcquire(seg, s + RingDescriptor.SLOT_SEQUENCE);
        }
        return seq;
    }

    @Override
    public void release() {
        if (stepped) {
            gate.before(StepOp.SLOT_RELEASE, channel);
            gate.number(StepNumber.SLOT, claimed);
        }
        long freed = RingDescriptor.spinFree(claimed + ring.slots);
        if (broadcast) {
            if ((int) INT.getAndAdd(seg, slot + RingDescriptor.SLOT_REMAINING, -1) == 1) {
                LONG.setRelease(seg, slot + RingDescriptor.SLOT_SEQUENCE, freed);
            }
            cursor = claimed + 1;
            LONG.setRelease(seg, cursorOffset, cursor);
        } else {
            LONG.setRelease(seg, slot + RingDescriptor.SLOT_SEQUENCE, freed);
        }
    }

    @Override
    public void close() {}
}
