package ipclab.engine.channel.shm;

import ipclab.dsl.model.Sync;

/**
 * Layout of an ipclab shared-memory ring in one System V segment: the single source of truth for
 * the engine's rings and incrementer counters and for the REPL's segment inspector. In the spirit
 * of Agrona's {@code RingBufferDescriptor}: constants and static offset functions only.
 *
 * <p>All multi-byte fields are little-endian (x86-64/aarch64 native order); longs are 8-byte aligned
 * so they can be used with VarHandle atomics across processes.
 *
 * <pre>
 * Segment
 *   0                                                                  4096
 *   +------------------------------------------------------------------+----------------------+----------------------+
 *   | control block (CONTROL_BYTES)                                    | lane 0: slots slots  | lane 1 (pinger/echo  |
 *   |                                                                  | of slotBytes each    | return path) ...     |
 *   +------------------------------------------------------------------+----------------------+----------------------+
 *
 * Control block
 *    0  int  magic  'IPCR' (0x49504352)       4  int  version (2: a spin ring's doubled sequences)
 *    8  int  slots per lane                   12  int  lanes (1, or 2 for pinger/echo)
 *   16  long slotBytes (a multiple of 64)
 *   24  int  writers (per lane)              28  int  readers (per lane)
 *   32  int  sync (Sync ordinal)             36  int  fanout (Fanout ordinal)
 *   40  long segmentBytes
 *   48  long createdNanos (System.nanoTime of the supervisor that wrote the block)
 *  128  long counter          incrementer counter, alone on its cache line
 *  192  long lock             incrementer spin lock (0 free, 1 held), alone on its cache line
 *  256  lane 0 block, 1536 + 256 lane 1 block:
 *        +0    long writeCursor   writers' claim cursor (next ring position to write)
 *        +64   long readCursor    shared readers' claim cursor (fanout shared)
 *        +128  int  writersDone   writers of this lane that have finished
 *        +192  long readerCursor[r], r in [0, MAX_READERS): next position reader r reads (broadcast);
 *                                   published for inspection
 *
 * Slot (slotBytes, at slotOffset(lane, position))
 *    0  long sequence   semaphore, none: position + 1 once the message at that position is published
 *                       spin, atomic: 2p while the slot is free for position p, 2p + 1 once the
 *                       message at p is published; its reader frees it to 2(p + slots)
 *    8  int  remaining  broadcast: readers that still have to read the slot
 *   12  int  reserved   16..31 reserved
 *   32  the message: MessageHeader (32 bytes: seq, writer, length, timestamp, checksum), then payload
 *   up to slotBytes
 * </pre>
 *
 * <p>Ring position p (0, 1, 2, ...) of lane l lives in slot {@code p % slots}.
 *
 * <p>A spinning ring's sequence is Vyukov's bounded-queue protocol with every value doubled (as
 * Rigtorp's MPMCQueue counts turns): Vyukov's own values (free p, published p + 1, freed p + slots)
 * make "published p" and "free for p + 1" the same number when a lane has one slot, his queue asserts
 * at least two. With them a one-slot writer never waited (it wrote over what its reader had not
 * read), and a reader's late release of p wrote p + 1 over the writer's publish of p + 1: the message
 * was lost and both sides waited for ever (issue 12, session 8: PingEchoTest's one-slot case hung
 * with the echo's early claim, a one-slot stream hung on every run). See {@link #spinFree} and
 * {@link #spinPublished}.
 *
 * <p>With {@code sync: semaphore} a System V semaphore set goes with the segment, per lane
 * {@link #semsPerLane} semaphores from {@code lane * semsPerLane(readers)}:
 * <pre>
 *   +0 mutex of the writers (1)   +1 mutex of shared readers (1)   +2 empty (slots)   +3+r full of reader r (0)
 * </pre>
 * (shared fan-out uses full 0 only). An incrementer's set has one semaphore, the mutex (1).
 */
public final class RingDescriptor {
    private RingDescriptor() {}

    public static final int MAGIC = 0x4950_4352;
    public static final int VERSION = 2;
    public static final int CONTROL_BYTES = 4096;
    public static final int CACHE_LINE = 64;
    public static final int SLOT_HEADER_BYTES = 64;
    public static final int MAX_LANES = 2;
    public static final int MAX_READERS = 128;

    public static final long MAGIC_OFFSET = 0;
    public static final long VERSION_OFFSET = 4;
    public static final long SLOTS_OFFSET = 8;
    public static final long LANES_OFFSET = 12;
    public static final long SLOT_BYTES_OFFSET = 16;
    public static final long WRITERS_OFFSET = 24;
    public static final long READERS_OFFSET = 28;
    public static final long SYNC_OFFSET = 32;
    public static final long FANOUT_OFFSET = 36;
    public static final long SEGMENT_BYTES_OFFSET = 40;
    public static final long CREATED_NANOS_OFFSET = 48;
    public static final long COUNTER_OFFSET = 128;
    public static final long LOCK_OFFSET = 192;

    public static final long LANES_BASE = 256;
    public static final long LANE_BYTES = 1536;
    public static final long WRITE_CURSOR = 0;
    public static final long READ_CURSOR = 64;
    public static final long WRITERS_DONE = 128;
    public static final long READER_CURSORS = 192;

    public static final long SLOT_SEQUENCE = 0;
    public static final long SLOT_REMAINING = 8;
    /** Where the message (its {@code MessageHeader}) starts inside a slot. */
    public static final long SLOT_MESSAGE = 32;

    public static final int SEM_MUTEX_WRITERS = 0;
    public static final int SEM_MUTEX_READERS = 1;
    public static final int SEM_EMPTY = 2;
    public static final int SEM_FULL = 3;

    /** Spin ring: the slot sequence that says the slot is free for ring position {@code p}. */
    public static long spinFree(long p) {
        return p << 1;
    }

    /** Spin ring: the slot sequence that says the message at ring position {@code p} is published. */
    public static long spinPublished(long p) {
        return (p << 1) | 1;
    }

    /**
     * What a slot's sequence word says, for a person looking at the ring: with {@code sync: spin}
     * or {@code atomic} "published p" or "free for p" ({@link #spinPublished}, {@link #spinFree});
     * otherwise the position + 1 of the last message published into the slot, 0 before the first.
     */
    public static String sequenceMeaning(Sync sync, long sequence) {
        if (sync == Sync.SPIN || sync == Sync.ATOMIC) {
            return ((sequence & 1) == 1 ? "published " : "free for ") + (sequence >>> 1);
        }
        return sequence == 0 ? "never written" : "published " + (sequence - 1);
    }

    /** Semaphores per lane: two mutexes, empty, and one full per reader (at least one). */
    public static int semsPerLane(int readers) {
        return SEM_FULL + Math.max(1, readers);
    }

    /** Index in the set of semaphore {@code which} (+ reader for full) of {@code lane}. */
    public static int sem(int lane, int readers, int which) {
        return lane * semsPerLane(readers) + which;
    }

    public static long laneOffset(int lane) {
        return LANES_BASE + lane * LANE_BYTES;
    }

    public static long writeCursorOffset(int lane) {
        return laneOffset(lane) + WRITE_CURSOR;
    }

    public static long readCursorOffset(int lane) {
        return laneOffset(lane) + READ_CURSOR;
    }

    public static long writersDoneOffset(int lane) {
        return laneOffset(lane) + WRITERS_DONE;
    }

    public static long readerCursorOffset(int lane, int reader) {
        return laneOffset(lane) + READER_CURSORS + 8L * reader;
    }

    /** Offset of the slot holding ring position {@code position} of {@code lane}. */
    public static long slotOffset(int lane, long position, int slots, long slotBytes) {
        return CONTROL_BYTES + ((long) lane * slots + (position & (slots - 1))) * slotBytes;
    }

    /** The largest message (header included) a slot of {@code slotBytes} holds. */
    public static long maxMessage(long slotBytes) {
        return slotBytes - SLOT_MESSAGE;
    }

    /** Segment bytes a ring of this geometry needs. */
    public static long segmentBytes(int lanes, int slots, long slotBytes) {
        return CONTROL_BYTES + (long) lanes * slots * slotBytes;
    }

    /**
     * Checks a geometry; returns null when valid, else what is wrong, e.g.
     * {@code slots=3 must be a power of two}.
     */
    public static String check(int lanes, int slots, long slotBytes, long segmentBytes) {
        if (lanes < 1 || lanes > MAX_LANES) return "lanes=" + lanes + " must be 1 or 2";
        if (slots < 1 || Integer.bitCount(slots) != 1) return "slots=" + slots + " must be a power of two";
        if (slotBytes < SLOT_HEADER_BYTES || slotBytes % CACHE_LINE != 0) {
            return "slotBytes=" + slotBytes + " must be a multiple of 64, at least 64";
        }
        long need = segmentBytes(lanes, slots, slotBytes);
        if (need > segmentBytes) return "segmentBytes=" + segmentBytes + " too small: the ring needs " + need;
        return null;
    }
}
