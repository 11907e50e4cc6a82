package ipclab.engine.channel.shm;

import static ipclab.engine.channel.shm.RingDescriptor.*;

import ipclab.dsl.model.Fanout;
import ipclab.dsl.model.Sync;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * One lane of a ring in an attached segment, laid out as {@link RingDescriptor} says: geometry read
 * from the control block, and the cross-process atomics the ring protocols use.
 */
public final class Ring {
    /** (MemorySegment, long offset) long access, exact types. */
    static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle().withInvokeExactBehavior();
    /** (MemorySegment, long offset) int access, exact types. */
    static final VarHandle INT = ValueLayout.JAVA_INT.varHandle().withInvokeExactBehavior();

    final MemorySegment seg;
    final int lane;
    final int slots;
    final long slotBytes;
    final int writers;
    final int readers;
    final Sync sync;
    final Fanout fanout;

    private Ring(MemorySegment seg, int lane) {
        this.seg = seg;
        this.lane = lane;
        int magic = seg.get(ValueLayout.JAVA_INT, MAGIC_OFFSET);
        int version = seg.get(ValueLayout.JAVA_INT, VERSION_OFFSET);
        if (magic != MAGIC || version != VERSION) {
            throw new IllegalStateException(String.format(
                    "segment is no ipclab ring: magic=0x%08x version=%d (expected magic=0x%08x version=%d)",
                    magic, version, MAGIC, VERSION));
        }
        this.slots = seg.get(ValueLayout.JAVA_INT, SLOTS_OFFSET);
        int lanes = seg.get(ValueLayout.JAVA_INT, LANES_OFFSET);
        if (lane < 0 || lane >= lanes)
            throw new IllegalArgumentException("lane=" + lane + " but the ring has " + lanes);
        this.slotBytes = seg.get(ValueLayout.JAVA_LONG, SLOT_BYTES_OFFSET);
        this.writers = seg.get(ValueLayout.JAVA_INT, WRITERS_OFFSET);
        this.readers = seg.get(ValueLayout.JAVA_INT, READERS_OFFSET);
        this.sync = Sync.values()[seg.get(ValueLayout.JAVA_INT, SYNC_OFFSET)];
        this.fanout = Fanout.values()[seg.get(ValueLayout.JAVA_INT, FANOUT_OFFSET)];
        String bad = check(lanes, slots, slotBytes, seg.byteSize());
        if (bad != null) throw new IllegalStateException("corrupt ring control block: " + bad);
    }

    /** Reads and checks the control block of an attached, formatted segment. */
    public static Ring open(MemorySegment seg, int lane) {
        return new Ring(seg, lane);
    }

    /**
     * Writes the control block and the slots' initial state; done once by the supervisor before any
     * worker attaches.
     */
    public static void format(
            MemorySegment seg,
            int lanes,
            int slots,
            long slotBytes,
            int writers,
            int readers,
            Sync sync,
            Fanout fanout) {
        String bad = check(lanes, slots, slotBytes, seg.byteSize());
        if (bad != null) throw new IllegalArgumentException(bad);
        if (readers > MAX_READERS)
            throw new IllegalArgumentException("readers=" + readers + " must be at most " + MAX_READERS);
        seg.asSlice(0, CONTROL_BYTES).fill((byte) 0);
        seg.set(ValueLayout.JAVA_INT, VERSION_OFFSET, VERSION);
        seg.set(ValueLayout.JAVA_INT, SLOTS_OFFSET, slots);
        seg.set(ValueLayout.JAVA_INT, LANES_OFFSET, lanes);
        seg.set(ValueLayout.JAVA_LONG, SLOT_BYTES_OFFSET, slotBytes);
        seg.set(ValueLayout.JAVA_INT, WRITERS_OFFSET, writers);
        seg.set(ValueLayout.JAVA_INT, READERS_OFFSET, readers);
        seg.set(ValueLayout.JAVA_INT, SYNC_OFFSET, sync.ordinal());
        seg.set(ValueLayout.JAVA_INT, FANOUT_OFFSET, fanout.ordinal());
        seg.set(ValueLayout.JAVA_LONG, SEGMENT_BYTES_OFFSET, seg.byteSize());
        seg.set(ValueLayout.JAVA_LONG, CREATED_NANOS_OFFSET, System.nanoTime());
        for (int l = 0; l < lanes; l++) {
            for (long p = 0; p < slots; p++) {
                long s = slotOffset(l, p, slots, slotBytes);
                seg.set(
                        ValueLayout.JAVA_LONG,
                        s + SLOT_SEQUENCE,
                        sync == Sync.SPIN || sync == Sync.ATOMIC ? spinFree(p) : 0L);
                seg.set(ValueLayout.JAVA_INT, s + SLOT_REMAINING, 0);
            }
        }
        // magic last, with release: a reader that sees it sees the rest
        INT.setRelease(seg, MAGIC_OFFSET, MAGIC);
    }

    /**
     * Writes the control block of an incrementer channel: no slots, the counter at
     * {@link RingDescriptor#COUNTER_OFFSET} and the spin lock at {@link RingDescriptor#LOCK_OFFSET}, zero.
     */
    public static void formatCounter(MemorySegment seg, int incrementers, Sync sync) {
        if (seg.byteSize() < CONTROL_BYTES) {
            throw new IllegalArgumentException(
                    "segmentBytes=" + seg.byteSize() + " too small: a counter needs " + CONTROL_BYTES);
        }
        seg.asSlice(0, CONTROL_BYTES).fill((byte) 0);
        seg.set(ValueLayout.JAVA_INT, VERSION_OFFSET, VERSION);
        seg.set(ValueLayout.JAVA_INT, LANES_OFFSET, 0);
        seg.set(ValueLayout.JAVA_INT, WRITERS_OFFSET, incrementers);
        seg.set(ValueLayout.JAVA_INT, SYNC_OFFSET, sync.ordinal());
        seg.set(ValueLayout.JAVA_LONG, SEGMENT_BYTES_OFFSET, seg.byteSize());
        seg.set(ValueLayout.JAVA_LONG, CREATED_NANOS_OFFSET, System.nanoTime());
        INT.setRelease(seg, MAGIC_OFFSET, MAGIC);
    }

    public long slot(long position) {
        return slotOffset(lane, position, slots, slotBytes);
    }

    public long maxMessage() {
        return RingDescriptor.maxMessage(slotBytes);
    }

    public int readers() {
        return readers;
    }

    long writeCursor() {
        return writeCursorOffset(lane);
    }

    long readCursor() {
        return readCursorOffset(lane);
    }

    long writersDone() {
        return writersDoneOffset(lane);
    }

    /** Adds this writer to writers-done; returns true for the last writer of the lane. */
    boolean finishWriter() {
        return (int) INT.getAndAdd(seg, writersDone(), 1) + 1 == writers;
    }

    /** Writers of this lane that have not counted themselves done (a killed one never will). */
    public int writersNotDone() {
        return Math.max(0, writers - (int) INT.getAcquire(seg, writersDone()));
    }

    /** The lanes of a formatted ring segment, as its control block says. */
    public static int lanes(MemorySegment seg) {
        return seg.get(ValueLayout.JAVA_INT, LANES_OFFSET);
    }

    boolean allWritersDone() {
        return (int) INT.getAcquire(seg, writersDone()) >= writers;
    }

    /** The incrementer counter (plain, volatile and atomic access through the VarHandles). */
    public static long counter(MemorySegment seg) {
        return (long) LONG.getVolatile(seg, COUNTER_OFFSET);
    }
}
