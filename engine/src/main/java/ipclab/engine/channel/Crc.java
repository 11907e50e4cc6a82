package ipclab.engine.channel;

import ipclab.engine.sys.Memory;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * CRC32C over a region of one memory segment without allocating: the {@link ByteBuffer} view is
 * made once (segments up to 2 GiB), each call only moves its position and limit. Used once per
 * writer and message length, on the pattern ({@link Payload}): the header's checksum holds the CRC
 * of the pattern's middle, which a receiver compares byte for byte ({@link Verifier}).
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
        this.view = (segment.isNative() ? Memory.global(segment) : segment).asByteBuffer();
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
}
