package ipclab.engine.sys;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A {@code struct msgbuf} for msgsnd/msgrcv, allocated once (setup) and reused for every message:
 *
 * <pre>
 *   0       8                    8 + capacity
 *   +-------+--------------------+
 *   | mtype | mtext[capacity]    |
 *   +-------+--------------------+
 * </pre>
 *
 * {@link #mtype()}, {@link #mtype(long)} and {@link #text()} do not allocate.
 */
public final class MsgBuf {
    private static final long MTYPE = Structs.offset(Structs.MSGBUF_HEADER, "mtype");
    private static final long TEXT = Structs.MSGBUF_HEADER.byteSize();

    private final MemorySegment segment;
    private final MemorySegment text;

    private MsgBuf(MemorySegment segment, long capacity) {
        this.segment = segment;
        this.text = segment.asSlice(TEXT, capacity);
    }

    /** A buffer for messages of up to {@code textCapacity} bytes of text, living as long as {@code arena}. */
    public static MsgBuf allocate(Arena arena, long textCapacity) {
        if (textCapacity < 0) {
            throw new IllegalArgumentException("textCapacity=" + textCapacity + " must be >= 0");
        }
        return new MsgBuf(arena.allocate(Structs.msgbuf(textCapacity)), textCapacity);
    }

    /** The message type (must be > 0 for msgsnd). */
    public long mtype() {
        return segment.get(JAVA_LONG, MTYPE);
    }

    /** Sets the message type; returns this. */
    public MsgBuf mtype(long mtype) {
        segment.set(JAVA_LONG, MTYPE, mtype);
        return this;
    }

    /** The text area, {@link #capacity()} bytes. */
    public MemorySegment text() {
        return text;
    }

    /** How many text bytes fit. */
    public long capacity() {
        return text.byteSize();
    }

    /** The whole struct (header and text), as passed to the kernel. */
    public MemorySegment segment() {
        return segment;
    }
}
