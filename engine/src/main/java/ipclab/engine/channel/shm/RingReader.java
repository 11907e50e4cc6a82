package ipclab.engine.channel.shm;

import ipclab.engine.protocol.StepGate;

/** A ring port that reads: a cursor (its own, or the lane's shared one) and the message in hand at {@link #offset()}. */
abstract class RingReader extends RingPort {
    /** Where the cursor this reader follows lives in the segment. */
    final long cursorOffset;
    /** Broadcast: this reader's own position. */
    long cursor;

    RingReader(Ring ring, long cursorOffset, StepGate gate, String channel) {
        super(ring, gate, channel);
        this.cursorOffset = cursorOffset;
    }

    /** The cursor a reader follows: its own with broadcast, the lane's shared read cursor otherwise. */
    static long cursorFor(Ring ring, int reader) {
        return ring.fanout == ipclab.dsl.model.Fanout.BROADCAST
                ? RingDescriptor.readerCursorOffset(ring.lane, reader)
                : ring.readCursor();
    }

    public long offset() {
        return slot + RingDescriptor.SLOT_MESSAGE;
    }

    public long maxMessage() {
        return ring.maxMessage();
    }
}
