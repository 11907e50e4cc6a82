package ipclab.engine.channel.shm;

import static ipclab.engine.channel.shm.Ring.INT;
import static ipclab.engine.channel.shm.Ring.LONG;
import static ipclab.engine.channel.shm.RingDescriptor.*;

import ipclab.engine.channel.GatedSemop;
import ipclab.engine.channel.MessageHeader;
import ipclab.engine.channel.ReceivePort;
import ipclab.engine.channel.Steps;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.StepNumber;
import ipclab.engine.protocol.StepOp;
import ipclab.engine.protocol.StepResult;
import ipclab.engine.sys.Ipc;
import ipclab.engine.sys.SemOps;
import java.lang.foreign.Arena;

/**
 * Reads a ring with {@code sync: semaphore}. Shared fan-out: one semop takes {@code full} (and
 * the readers' mutex when several readers share), the slot at the shared read cursor is read, one
 * semop posts {@code empty} and gives the mutex back. Broadcast: each reader waits on its own
 * {@code full}, follows its own cursor, and the last reader of a slot posts {@code empty}. At the
 * end marker a shared reader posts {@code full} again so that the next reader sees it too.
 */
public final class SemRingReceiver extends RingReader implements ReceivePort {
    private final int semId;
    private final GatedSemop take;
    private final GatedSemop give;
    private final GatedSemop repost;

    public SemRingReceiver(Ring ring, int reader, int semId, StepGate gate, String channel, Arena arena) {
        super(ring, cursorFor(ring, reader), gate, channel);
        this.semId = semId;
        int lane = ring.lane, readers = ring.readers;
        boolean mutex = !broadcast && readers > 1;
        int full = sem(lane, readers, SEM_FULL + (broadcast ? reader : 0));
        int empty = sem(lane, readers, SEM_EMPTY);
        int mutexR = sem(lane, readers, SEM_MUTEX_READERS);
        SemOps takeOps = SemOps.allocate(arena, mutex ? 2 : 1);
        takeOps.set(0, full, -1, 0);
        if (mutex) takeOps.set(1, mutexR, -1, Ipc.SEM_UNDO);
        SemOps giveOps = SemOps.allocate(arena, mutex ? 2 : 1);
        giveOps.set(0, empty, 1, 0);
        if (mutex) giveOps.set(1, mutexR, 1, Ipc.SEM_UNDO);
        SemOps repostOps = SemOps.allocate(arena, mutex ? 2 : 1);
        repostOps.set(0, full, 1, 0);
        if (mutex) repostOps.set(1, mutexR, 1, Ipc.SEM_UNDO);
        take = new GatedSemop(semId, takeOps, arena);
        give = new GatedSemop(semId, giveOps, arena);
        repost = new GatedSemop(semId, repostOps, arena);
    }

    @Override
    public int poll() {
        gate.before(StepOp.SEMOP, channel);
        if (!take.run(gate)) return 0;
        gate.before(StepOp.SLOT_READ, channel);
        long pos = broadcast ? cursor : (long) LONG.get(seg, cursorOffset);
        gate.number(StepNumber.SLOT, pos);
        claimed = pos;
        slot = ring.slot(pos);
        long at = slot + SLOT_MESSAGE;
        if (MessageHeader.seq(seg, at) == MessageHeader.END_SEQ) {
            gate.result(StepResult.END_OF_STREAM);
            if (!broadcast) {
                gate.before(StepOp.SEMOP, channel);
                repost.run(gate); // posts only: never blocks
            }
            return -1;
        }
        int length = MessageHeader.length(seg, at);
        Steps.message(gate, seg, at, length);
        return length;
    }

    @Override
    public void release() {
        gate.before(StepOp.SLOT_RELEASE, channel);
        gate.number(StepNumber.SLOT, claimed);
        if (broadcast) {
            cursor = claimed + 1;
            LONG.setRelease(seg, cursorOffset, cursor);
            if ((int) INT.getAndAdd(seg, slot + SLOT_REMAINING, -1) != 1) return;
        } else {
            LONG.set(seg, cursorOffset, claimed + 1);
        }
        gate.before(StepOp.SEMOP, channel);
        give.run(gate); // posts only: never blocks
    }

    @Override
    public void close() {}
}
