package ipclab.engine.channel.shm;

import static ipclab.engine.channel.shm.Ring.INT;
import static ipclab.engine.channel.shm.Ring.LONG;
import static ipclab.engine.channel.shm.RingDescriptor.*;

import ipclab.engine.channel.GatedSemop;
import ipclab.engine.channel.MessageHeader;
import ipclab.engine.channel.SendPort;
import ipclab.engine.channel.Steps;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.StepNumber;
import ipclab.engine.protocol.StepOp;
import ipclab.engine.sys.Ipc;
import ipclab.engine.sys.SemOps;
import java.lang.foreign.Arena;

/**
 * Writes to a ring with {@code sync: semaphore}: the textbook bounded buffer. One semop takes
 * {@code empty} (and the writers' mutex, with SEM_UNDO, when several writers share the ring), the
 * slot is written, and one semop posts {@code full} (every reader's full with broadcast) and
 * gives the mutex back. Two system calls per message. The last writer to finish puts an end
 * marker in the ring, which wakes every reader.
 */
public final class SemRingSender extends RingWriter implements SendPort {
    private final int semId;
    private final GatedSemop take;
    private final GatedSemop give;

    public SemRingSender(Ring ring, int semId, StepGate gate, String channel, Arena arena) {
        super(ring, gate, channel);
        this.semId = semId;
        int lane = ring.lane, readers = ring.readers;
        boolean mutex = ring.writers > 1;
        SemOps takeOps = SemOps.allocate(arena, mutex ? 2 : 1);
        takeOps.set(0, sem(lane, readers, SEM_EMPTY), -1, 0);
        if (mutex) takeOps.set(1, sem(lane, readers, SEM_MUTEX_WRITERS), -1, Ipc.SEM_UNDO);
        int fulls = broadcast ? readers : 1;
        SemOps giveOps = SemOps.allocate(arena, fulls + (mutex ? 1 : 0));
        for (int r = 0; r < fulls; r++) giveOps.set(r, sem(lane, readers, SEM_FULL + r), 1, 0);
        if (mutex) giveOps.set(fulls, sem(lane, readers, SEM_MUTEX_WRITERS), 1, Ipc.SEM_UNDO);
        take = new GatedSemop(semId, takeOps, arena);
        give = new GatedSemop(semId, giveOps, arena);
    }

    @Override
    public long claim() {
        gate.before(StepOp.SEMOP, channel);
        if (!take.run(gate)) return -1;
        gate.before(StepOp.SLOT_CLAIM, channel);
        long pos = (long) LONG.get(seg, ring.writeCursor());
        gate.number(StepNumber.SLOT, pos);
        claimed = pos;
        slot = ring.slot(pos);
        return slot + SLOT_MESSAGE;
    }

    @Override
    public boolean publish(int length) {
        gate.before(StepOp.SLOT_PUBLISH, channel);
        gate.number(StepNumber.SLOT, claimed);
        Steps.message(gate, seg, slot + SLOT_MESSAGE, length);
        if (broadcast) INT.set(seg, slot + SLOT_REMAINING, ring.readers);
        LONG.set(seg, slot + SLOT_SEQUENCE, claimed + 1);
        LONG.set(seg, ring.writeCursor(), claimed + 1);
        gate.before(StepOp.SEMOP, channel);
        give.run(gate); // posts only: never blocks
        return true;
    }

    @Override
    public void finish() {
        if (countWriterDone()) {
            long at;
            while ((at = claim()) < 0) {} // stepped: each try is a step of its own; free: claim blocks
            // the end marker's header is written within the claim's step
            MessageHeader.writeEnd(seg, at, -1);
            publish(MessageHeader.BYTES);
        }
    }
}
