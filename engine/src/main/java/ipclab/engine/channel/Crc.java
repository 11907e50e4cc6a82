package ipclab.engine.channel;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * CRC32C over a region of one memory segment without allocating: the {@link ByteBuffer} view is
 * made once (segments up to 2 GiB), each call only moves its position and limit.
 */
public final class Crc {
    private final CRC32C crc = new CRC32C();
    private final ByteBuffer view;

    public Crc(MemorySegment segment) {
        this.view = segment.asByteBuffer();
    }

    /** CRC32C of bytes [from, to) of the segment. */
    public int of(long from, long to) {
        crc.reset();
        if (to > from) {
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
