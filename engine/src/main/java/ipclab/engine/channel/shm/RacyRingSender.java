package ipclab.engine.channel.shm;

import static ipclab.engine.channel.shm.Ring.LONG;

import ipclab.engine.channel.SendPort;
import ipclab.engine.channel.Steps;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.StepNumber;
import ipclab.engine.protocol.StepOp;

/**
 * Writes to a ring with {@code sync: none}: no coordination at all. The write cursor is read and
 * stored with plain accesses (writers race on it), the slot is overwritten whether or not anyone
 * read it, and the slot's sequence is stored plainly after the message. Readers count what this
 * costs: torn (corrupted), overwritten (lost) and duplicated messages. Stepped, the cursor's
 * load and store are two steps, so a schedule decides which writers claim the same slot.
 */
public final class RacyRingSender extends RingWriter implements SendPort {

    public RacyRingSender(Ring ring, StepGate gate, String channel) {
        super(ring, gate, channel);
    }

    @Override
    public long claim() {
        long wc = ring.writeCursor();
        long pos = Steps.unsyncedIncrement(gate, channel, StepOp.CURSOR_LOAD, StepOp.CURSOR_STORE, seg, wc);
        gate.number(StepNumber.SLOT, pos);
        claimed = pos;
        slot = ring.slot(pos);
        return slot + RingDescriptor.SLOT_MESSAGE;
    }

    @Override
    public boolean publish(int length) {
        gate.before(StepOp.SLOT_PUBLISH, channel);
        gate.number(StepNumber.SLOT, claimed);
        Steps.message(gate, seg, slot + RingDescriptor.SLOT_MESSAGE, length);
        LONG.set(seg, slot + RingDescriptor.SLOT_SEQUENCE, claimed + 1);
        return true;
    }
}
