package ipclab.engine.channel.shm;

import ipclab.dsl.model.Fanout;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.StepNumber;
import ipclab.engine.protocol.StepOp;
import java.lang.foreign.MemorySegment;

/**
 * What every port on a ring holds, whatever its synchronisation: the ring and its segment (the
 * port's buffer), the step gate and channel name it announces operations with, and the position
 * and slot of the message in hand.
 */
abstract class RingPort {
    final Ring ring;
    final MemorySegment seg;
    final StepGate gate;
    final String channel;
    final boolean broadcast;
    /**
     * {@code gate.stepped()}, fixed for the port's life. The spin ports test it before every gate
     * call: a free run then pays one predictable branch, not an interface call that the JIT inlines
     * only when the call site's type profile names {@link StepGate#FREE} alone (the AOT cache's
     * training profiles, gathered with both gates, made those calls virtual: issue 12, session 4).
     */
    final boolean stepped;
    /** The ring position of the message in hand. */
    long claimed;
    /** The offset of that message's slot in the segment. */
    long slot;

    RingPort(Ring ring, StepGate gate, String channel) {
        this.ring = ring;
        this.seg = ring.seg;
        this.gate = gate;
        this.channel = channel;
        this.broadcast = ring.fanout == Fanout.BROADCAST;
        this.stepped = gate.stepped();
    }

    public MemorySegment buffer() {
        return seg;
    }

    /** A writer is done: counts it in writers-done (the step's value: 1 for the lane's last writer). */
    final boolean countWriterDone() {
        gate.before(StepOp.END, channel);
        boolean last = ring.finishWriter();
        gate.number(StepNumber.VALUE, last ? 1 : 0);
        return last;
    }
}
