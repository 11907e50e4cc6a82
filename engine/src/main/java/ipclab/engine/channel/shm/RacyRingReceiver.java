package ipclab.engine.channel.shm;

import static ipclab.engine.channel.shm.Ring.LONG;

import ipclab.engine.channel.MessageHeader;
import ipclab.engine.channel.ReceivePort;
import ipclab.engine.channel.Steps;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.StepNumber;
import ipclab.engine.protocol.StepOp;
import ipclab.engine.protocol.StepResult;

/**
 * Reads a ring with {@code sync: none}: polls the slot at its cursor (opaque reads, so the poll is
 * not hoisted) until the slot's sequence shows a message at or past the cursor. A writer that
 * lapped the reader moves it forward (the overwritten messages are lost); shared readers race on
 * a plain read cursor (duplicates). The stream ends when every writer is done and nothing new is
 * at the cursor (a bounded drain: the writers' last stores are visible once writers-done is).
 */
public final class RacyRingReceiver extends RingReader implements ReceivePort {

    public RacyRingReceiver(Ring ring, int reader, StepGate gate, String channel) {
        super(ring, cursorFor(ring, reader), gate, channel);
    }

    @Override
    public int poll() {
        gate.before(StepOp.SLOT_READ, channel);
        long pos = broadcast ? cursor : (long) LONG.getOpaque(seg, cursorOffset);
        long s = ring.slot(pos);
        long seq = (long) LONG.getOpaque(seg, s + RingDescriptor.SLOT_SEQUENCE);
        gate.number(StepNumber.SLOT, pos);
        if (seq < pos + 1) {
            if (!ring.allWritersDone()) {
                gate.result(StepResult.EMPTY);
                return 0;
            }
            seq = (long) LONG.getOpaque(seg, s + RingDescriptor.SLOT_SEQUENCE);
            if (seq < pos + 1) {
                gate.result(StepResult.END_OF_STREAM);
                return -1;
            }
        }
        claimed = seq - 1; // == pos, or later when a writer lapped this reader
        slot = s;
        int length = MessageHeader.length(seg, s + RingDescriptor.SLOT_MESSAGE);
        Steps.message(gate, seg, s + RingDescriptor.SLOT_MESSAGE, length);
        return length > 0 ? length : 1; // a torn length: the role's checksum check counts it
    }

    @Override
    public void release() {
        gate.before(StepOp.SLOT_RELEASE, channel);
        gate.number(StepNumber.SLOT, claimed);
        cursor = claimed + 1;
        LONG.set(seg, cursorOffset, cursor);
    }

    @Override
    public void close() {}
}
