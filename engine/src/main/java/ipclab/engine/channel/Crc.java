package ipclab.engine.channel;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * CRC32C over a region of one memory segment without allocating: the {@link ByteBuffer} view is
 * made once (segments up to 2 GiB), each call only moves its position and limit.
 */
public final class Crc {
    /**
     * Ranges up to this many bytes are copied to a heap array and summed there: {@link
     * CRC32C#update(ByteBuffer)} on a segment's view acquires and releases the segment's shared
     * session around the sum, two atomic read-modify-writes per call, which cost more than copying a
     * small range (a 64 B message's checked middle is 16 bytes; issue 12, session 4).
     */
    static final int COPY_BELOW = 512;

    private final CRC32C crc = new CRC32C();
    private final MemorySegment segment;
    private final ByteBuffer view;
    private final byte[] scratch = new byte[COPY_BELOW];

    public Crc(MemorySegment segment) {
        this.segment = segment;
        this.view = (segment.isNative() ? global(segment) : segment).asByteBuffer();
    }

    /**
     * The same memory without its arena: summing a native segment's buffer view acquires and
     * releases the segment's session around every call, two atomic read-modify-writes (a shared
     * arena: every ring, socket and queue buffer) that cost as much as summing a few hundred bytes;
     * the global view has none. Safe because a role checks messages only while its endpoint, and
     * so the segment, is open.
     */
    private static MemorySegment global(MemorySegment segment) {
        return MemorySegment.ofAddress(segment.address()).reinterpret(segment.byteSize());
    }

    /** CRC32C of bytes [from, to) of the segment. */
    public int of(long from, long to) {
        crc.reset();
        long n = to - from;
        if (n > 0 && n <= COPY_BELOW) {
            MemorySegment.copy(segment, ValueLayout.JAVA_BYTE, from, scratch, 0, (int) n);
            crc.update(scratch, 0, (int) n);
        } else if (n > 0) {
            view.limit((int) to).position((int) from);
            crc.update(view);
        }
        return (int) crc.getValue();
    }

    /**
     * Checks the message at {@code at}: its length is within [{@link MessageHeader#BYTES}, maxLength]
     * and its checksum matches, and both ends of its payload carry its own seal (see {@link MessageHeader#seal}).
     */
    public boolean verify(MemorySegment s, long at, long maxLength) {
        int length = MessageHeader.length(s, at);
        if (length < MessageHeader.BYTES || length > maxLength) return false;
        long seq = MessageHeader.seq(s, at);
        int writer = MessageHeader.writer(s, at);
        if (!MessageHeader.sealed(s, at, seq, writer, length)) return false;
        int payload = of(at + MessageHeader.sealedFrom(length), at + MessageHeader.sealedTo(length));
        long expected = MessageHeader.checksum(payload, seq, writer, length, MessageHeader.timestamp(s, at));
        return expected == MessageHeader.checksum(s, at);
    }
}
