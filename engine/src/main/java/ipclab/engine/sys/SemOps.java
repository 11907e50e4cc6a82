package ipclab.engine.sys;

import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;

/**
 * A pre-built array of {@code struct sembuf} (6 bytes each) so that several operations go to the
 * kernel in one semop, atomically. Build it once at setup; {@link SysvSemaphore#trySemop} then
 * passes it without allocating.
 *
 * <pre>
 *   0        2       4        6        ...
 *   +--------+-------+--------+--------+---
 *   |sem_num |sem_op |sem_flg | [1] ...
 *   +--------+-------+--------+--------+---
 * </pre>
 */
public final class SemOps {
    private static final long STRIDE = Structs.SEMBUF.byteSize();
    private static final long NUM = Structs.offset(Structs.SEMBUF, "sem_num");
    private static final long OP = Structs.offset(Structs.SEMBUF, "sem_op");
    private static final long FLG = Structs.offset(Structs.SEMBUF, "sem_flg");

    private final MemorySegment segment;
    private final int count;
    /** No operation can sleep: every one adds, or has IPC_NOWAIT (kept up to date by {@link #set}). */
    private boolean cannotBlock;

    private SemOps(MemorySegment segment, int count) {
        this.segment = segment;
        this.count = count;
    }

    /** Room for {@code count} operations, all zero until {@link #set}. */
    public static SemOps allocate(Arena arena, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count=" + count + " must be >= 1 (semop needs at least one operation)");
        }
        return new SemOps(arena.allocate(MemoryLayout.sequenceLayout(count, Structs.SEMBUF)), count);
    }

    /** One operation on one semaphore, in a new array of its own (setup convenience). */
    public static SemOps of(Arena arena, int semNum, int op, int flags) {
        return allocate(arena, 1).set(0, semNum, op, flags);
    }

    /**
     * Sets operation {@code i}.
     *
     * @param semNum which semaphore of the set
     * @param op     &gt; 0 add, &lt; 0 wait until it can subtract, 0 wait for zero
     * @param flags  0, {@link Ipc#IPC_NOWAIT}, {@link Ipc#SEM_UNDO}
     */
    public SemOps set(int i, int semNum, int op, int flags) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("operation " + i + " of " + count);
        }
        long base = i * STRIDE;
        segment.set(JAVA_SHORT, base + NUM, (short) semNum);
        segment.set(JAVA_SHORT, base + OP, (short) op);
        segment.set(JAVA_SHORT, base + FLG, (short) flags);
        boolean all = true;
        for (int k = 0; k < count; k++) all &= op(k) > 0 || (flags(k) & Ipc.IPC_NOWAIT) != 0;
        cannotBlock = all;
        return this;
    }

    /** A copy with {@code flag} added to every operation (IPC_NOWAIT: the twin a stepped run uses). */
    public SemOps withFlag(Arena arena, int flag) {
        SemOps c = allocate(arena, count);
        for (int i = 0; i < count; i++) c.set(i, semNum(i), op(i), flags(i) | flag);
        return c;
    }

    /**
     * True when semop cannot sleep on these operations (each adds to its semaphore, or carries
     * IPC_NOWAIT), so that the call may use a critical downcall. Operations not yet set are zero
     * (wait for zero): blocking.
     */
    public boolean cannotBlock() {
        return cannotBlock;
    }

    public int count() {
        return count;
    }

    public int semNum(int i) {
        return Short.toUnsignedInt(segment.get(JAVA_SHORT, i * STRIDE + NUM));
    }

    public int op(int i) {
        return segment.get(JAVA_SHORT, i * STRIDE + OP);
    }

    public int flags(int i) {
        return segment.get(JAVA_SHORT, i * STRIDE + FLG) & 0xffff;
    }

    MemorySegment segment() {
        return segment;
    }

    /** {@code [{num=0, op=-1, flags=SEM_UNDO}, ...]}, for error messages. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append("{num=")
                    .append(semNum(i))
                    .append(", op=")
                    .append(op(i))
                    .append(", flags=")
                    .append(Ipc.semFlags(flags(i)))
                    .append('}');
        }
        return sb.append(']').toString();
    }
}
