package ipclab.engine.channel.shm;

import static ipclab.engine.channel.shm.Ring.INT;
import static ipclab.engine.channel.shm.Ring.LONG;
import static ipclab.engine.channel.shm.RingDescriptor.*;

import ipclab.dsl.model.Fanout;
import ipclab.engine.channel.MessageHeader;
import ipclab.engine.channel.SendPort;
import ipclab.engine.sys.SysvSemaphore;
import ipclab.engine.sys.Ipc;
import ipclab.engine.sys.SemOps;
import ipclab.engine.protocol.StepGate;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Writes to a ring with {@code sync: semaphore}: the textbook bounded buffer. One semop takes
 * {@code empty} (and the writers' mutex, with SEM_UNDO, when several writers share the ring), the
 * slot is written, and one semop posts {@code full} (every reader's full with broadcast) and
 * gives the mutex back. Two system calls per message. The last writer to finish puts an end
 * marker in the ring, which wakes every reader.
 */
public final class SemRingSender implements SendPort {
    private final Ring ring;
    private final MemorySegment seg;
    private final int semId;
    private final StepGate gate;
    private final String channel;
    private final boolean broadcast;
    private final SemOps take;
    private final SemOps give;
    private long claimed;
    private long slot;

    public SemRingSender(Ring ring, int semId, StepGate gate, String channel, Arena arena) {
        this.ring = ring;
        this.seg = ring.seg;
        this.semId = semId;
        this.gate = gate;
        this.channel = channel;
        this.broadcast = ring.fanout == Fanout.BROADCAST;
        int lane = ring.lane, readers = ring.readers;
        boolean mutex = ring.writers > 1;
        take = SemOps.allocate(arena, mutex ? 2 : 1);
        take.set(0, sem(lane, readers, SEM_EMPTY), -1, 0);
        if (mutex) take.set(1, sem(lane, readers, SEM_MUTEX_WRITERS), -1, Ipc.SEM_UNDO);
        int fulls = broadcast ? readers : 1;
        give = SemOps.allocate(arena, fulls + (mutex ? 1 : 0));
        for (int r = 0; r < fulls; r++) give.set(r, sem(lane, readers, SEM_FULL + r), 1, 0);
        if (mutex) give.set(fulls, sem(lane, readers, SEM_MUTEX_WRITERS), 1, Ipc.SEM_UNDO);
    }

    @Override public MemorySegment buffer() { return seg; }

    @Override
    public long claim() {
        gate.before("semop", channel);
        SysvSemaphore.semop(semId, take);
        long pos = (long) LONG.get(seg, ring.writeCursor());
        claimed = pos;
        slot = ring.slot(pos);
        gate.before("write-slot", channel);
        return slot + SLOT_MESSAGE;
    }

    @Override
    public boolean publish(int length) {
        if (broadcast) INT.set(seg, slot + SLOT_REMAINING, ring.readers);
        LONG.set(seg, slot + SLOT_SEQUENCE, claimed + 1);
        LONG.set(seg, ring.writeCursor(), claimed + 1);
        gate.before("semop", channel);
        SysvSemaphore.semop(semId, give);
        return true;
    }

    @Override
    public void finish() {
        if (ring.finishWriter()) {
            long at = claim();
            MessageHeader.writeEnd(seg, at, -1);
            publish(MessageHeader.BYTES);
        }
    }

    @Override public void close() { }
}
