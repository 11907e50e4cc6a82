package ipclab.engine.channel.shm;

import static ipclab.engine.channel.shm.Ring.LONG;

import ipclab.engine.channel.SendPort;
import ipclab.engine.protocol.StepGate;
import java.lang.foreign.MemorySegment;

/**
 * Writes to a ring with {@code sync: none}: no coordination at all. The write cursor is read and
 * stored with plain accesses (writers race on it), the slot is overwritten whether or not anyone
 * read it, and the slot's sequence is stored plainly after the message. Readers count what this
 * costs: torn (corrupted), overwritten (lost) and duplicated messages.
 */
public final class RacyRingSender implements SendPort {
    private final Ring ring;
    private final MemorySegment seg;
    private final StepGate gate;
    private final String channel;
    private long claimed;
    private long slot;

    public RacyRingSender(Ring ring, StepGate gate, String channel) {
        this.ring = ring;
        this.seg = ring.seg;
        this.gate = gate;
        this.channel = channel;
    }

    @Override public MemorySegment buffer() { return seg; }

    @Override
    public long claim() {
        long wc = ring.writeCursor();
        long pos = (long) LONG.get(seg, wc);
        LONG.set(seg, wc, pos + 1);
        claimed = pos;
        slot = ring.slot(pos);
        gate.before("write-slot", channel);
        return slot + RingDescriptor.SLOT_MESSAGE;
    }

    @Override
    public boolean publish(int length) {
        LONG.set(seg, slot + RingDescriptor.SLOT_SEQUENCE, claimed + 1);
        return true;
    }

    @Override public void finish() { ring.finishWriter(); }

    @Override public void close() { }
}
