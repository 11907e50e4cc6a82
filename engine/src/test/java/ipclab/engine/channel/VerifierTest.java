package ipclab.engine.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.dsl.model.Verify;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

/** What each verification mode catches, on messages a {@link Payload} wrote (plain memory: no IPC needed). */
class VerifierTest {
    static final int SIZE = 256;

    static MemorySegment message(Arena arena, Verify mode, long seq) {
        MemorySegment buf = arena.allocate(SIZE, 8);
        new Payload(7, 3, SIZE, mode, arena).write(buf, 0, seq, 123_456_789L);
        return buf;
    }

    static void flip(MemorySegment s, long at) {
        s.set(ValueLayout.JAVA_BYTE, at, (byte) (s.get(ValueLayout.JAVA_BYTE, at) ^ 1));
    }

    /** The wire format every channel carries: the offsets read from the layout are the drawn ones. */
    @Test
    void theHeaderIsThe32BytesDrawnInItsJavadoc() {
        assertEquals(32, MessageHeader.BYTES);
        assertEquals(0, MessageHeader.SEQ_OFFSET);
        assertEquals(8, MessageHeader.WRITER_OFFSET);
        assertEquals(12, MessageHeader.LENGTH_OFFSET);
        assertEquals(16, MessageHeader.TIMESTAMP_OFFSET);
        assertEquals(24, MessageHeader.CHECKSUM_OFFSET);
    }

    @Test
    void fullCatchesAnyByte() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment m = message(arena, Verify.FULL, 5);
            Verifier v = new Verifier(Verify.FULL, m);
            assertTrue(v.verify(m, 0, SIZE));
            flip(m, 100);
            assertFalse(v.verify(m, 0, SIZE), "a payload byte in the middle");
        }
    }

    @Test
    void endsChecksHeaderAndTailLikeTheNativeBaseline() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment m = message(arena, Verify.ENDS, 5);
            Verifier v = new Verifier(Verify.ENDS, m);
            assertTrue(v.verify(m, 0, SIZE));
            assertEquals(MessageHeader.seal(5, 3), m.get(MessageHeader.LONG, SIZE - 8), "the seal in the last 8 bytes");
            assertEquals(
                    MessageHeader.mix(5, 3, SIZE, 123_456_789L),
                    MessageHeader.checksum(m, 0),
                    "no CRC in the checksum");
            flip(m, 100);
            assertTrue(v.verify(m, 0, SIZE), "the middle is not checked: that is the point of ends");
            flip(m, SIZE - 3);
            assertFalse(v.verify(m, 0, SIZE), "the tail");
            MemorySegment h = message(arena, Verify.ENDS, 6);
            flip(h, MessageHeader.TIMESTAMP_OFFSET);
            assertFalse(v.verify(h, 0, SIZE), "a header field");
            assertFalse(v.verify(message(arena, Verify.ENDS, 6), 0, SIZE - 1), "longer than the receiver allows");
            assertFalse(
                    new Verifier(Verify.ENDS, m).verify(message(arena, Verify.FULL, 6), 0, SIZE),
                    "a FULL message's checksum holds a CRC");
        }
    }

    @Test
    void noneChecksTheLengthOnly() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment m = message(arena, Verify.NONE, 9);
            Verifier v = new Verifier(Verify.NONE, m);
            flip(m, MessageHeader.TIMESTAMP_OFFSET);
            flip(m, SIZE - 1);
            assertTrue(v.verify(m, 0, SIZE));
            m.set(MessageHeader.INT, MessageHeader.LENGTH_OFFSET, 16);
            assertFalse(v.verify(m, 0, SIZE), "shorter than a header");
        }
    }

    /**
     * The payload's pattern moves to start where the destination does within a cache line (so that
     * memcpy moves whole lines): whatever the offset, and back and forth between offsets, the same
     * bytes arrive and pass the full check.
     */
    @Test
    void aPayloadWrittenAtAnyOffsetInALineIsTheSameMessage() {
        int size = 4096; // a copy with libc's memcpy (Memory.NATIVE_FROM)
        try (Arena arena = Arena.ofConfined()) {
            Payload p = new Payload(7, 3, size, Verify.FULL, arena);
            MemorySegment reference = arena.allocate(size, 64);
            p.write(reference, 0, 9, 42L);
            MemorySegment dst = arena.allocate(size + 128, 64);
            Verifier v = new Verifier(Verify.FULL, dst);
            for (long at : new long[] {24, 8, 1, 63, 0, 64, 37, 24}) {
                dst.fill((byte) 0);
                p.write(dst, at, 9, 42L);
                assertEquals(-1, reference.mismatch(dst.asSlice(at, size)), "the message written at " + at);
                assertTrue(v.verify(dst, at, size), "the full check at " + at);
            }
        }
    }
}
