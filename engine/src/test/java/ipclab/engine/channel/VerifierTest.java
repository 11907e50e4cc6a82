package ipclab.engine.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.dsl.model.Role;
import ipclab.dsl.model.Verify;
import ipclab.dsl.plan.PlannedProcess;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What each verification mode catches, on messages a {@link Payload} wrote (plain memory: no IPC needed). */
class VerifierTest {
    static final int SIZE = 256;

    static MemorySegment message(Arena arena, Verify mode, long seq) {
        MemorySegment buf = arena.allocate(SIZE, 8);
        new Payload(7, 3, SIZE, mode, arena).write(buf, 0, seq, 123_456_789L);
        return buf;
    }

    /** A writer of the plan: its index and its message size are what a receiver's verifier needs. */
    static PlannedProcess writer(int index, long size) {
        return new PlannedProcess("w" + index, "w", 1, index, Role.WRITER, "c", 10, 0, size, 0, 0, 0, 0, List.of());
    }

    /** The verifier of a receiver whose channel carries {@code senders}' messages (seed 7, as {@link #message}). */
    static Verifier verifier(Verify mode, Arena arena, PlannedProcess... senders) {
        return new Verifier(mode, 7, List.of(senders), arena);
    }

    /** The verifier of a receiver of {@link #message}'s writer (index 3, {@link #SIZE} bytes). */
    static Verifier verifier(Verify mode, Arena arena) {
        return verifier(mode, arena, writer(3, SIZE));
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
            Verifier v = verifier(Verify.FULL, arena);
            assertTrue(v.verify(m, 0, SIZE));
            flip(m, 100);
            assertFalse(v.verify(m, 0, SIZE), "a payload byte in the middle");
        }
    }

    @Test
    void endsChecksHeaderAndTailLikeTheNativeBaseline() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment m = message(arena, Verify.ENDS, 5);
            Verifier v = verifier(Verify.ENDS, arena);
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
                    verifier(Verify.ENDS, arena).verify(message(arena, Verify.FULL, 6), 0, SIZE),
                    "a FULL message's checksum holds a CRC");
        }
    }

    @Test
    void noneChecksTheLengthOnly() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment m = message(arena, Verify.NONE, 9);
            Verifier v = verifier(Verify.NONE, arena);
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
            Verifier v = verifier(Verify.FULL, arena, writer(3, size));
            for (long at : new long[] {24, 8, 1, 63, 0, 64, 37, 24}) {
                dst.fill((byte) 0);
                p.write(dst, at, 9, 42L);
                assertEquals(-1, reference.mismatch(dst.asSlice(at, size)), "the message written at " + at);
                assertTrue(v.verify(dst, at, size), "the full check at " + at);
            }
        }
    }

    /**
     * The full check compares every byte of the middle (between the seals) with the writer's
     * pattern: a byte flipped at its first, a middle and its last byte is caught, for a payload
     * compared in Java (64 B: a 16-byte middle) and with memcmp (4 KiB, 64 KiB), and so is a flipped
     * seal or header field.
     */
    @Test
    void fullCatchesAByteFlippedAtTheStartMiddleAndEndOfTheMiddle() {
        for (int size : new int[] {64, 4096, 65536}) {
            try (Arena arena = Arena.ofConfined()) {
                Payload p = new Payload(7, 3, size, Verify.FULL, arena);
                Verifier v = verifier(Verify.FULL, arena, writer(3, size));
                MemorySegment m = arena.allocate(size + 64, 64);
                long from = MessageHeader.sealedFrom(size), to = MessageHeader.sealedTo(size);
                long[] bytes = {from, (from + to) / 2, to - 1, MessageHeader.BYTES, size - 1, MessageHeader.SEQ_OFFSET};
                for (long at : bytes) {
                    p.write(m, 8, 5, 42L);
                    assertTrue(v.verify(m, 8, size), "intact, size " + size);
                    flip(m, 8 + at);
                    assertFalse(v.verify(m, 8, size), "byte " + at + " flipped, size " + size);
                }
            }
        }
    }

    /**
     * Writers whose patterns would exceed the receiver's budget are checked by CRC32C: still every
     * byte counts, for the writer kept as a pattern and the one over the budget alike.
     */
    @Test
    void aWriterOverThePatternBudgetIsCheckedByItsCrc() {
        try (Arena arena = Arena.ofConfined()) {
            Verifier v = new Verifier(Verify.FULL, 7, List.of(writer(1, 4096), writer(2, 4096)), arena, 6000);
            for (int w : new int[] {1, 2}) {
                Payload p = new Payload(7, w, 4096, Verify.FULL, arena);
                MemorySegment m = arena.allocate(4096, 64);
                p.write(m, 0, 9, 42L);
                assertTrue(v.verify(m, 0, 4096), "writer " + w + " intact");
                flip(m, 2000);
                assertFalse(v.verify(m, 0, 4096), "writer " + w + ", a byte in the middle flipped");
            }
        }
    }

    /** A torn message: the header and head seal of one message, the rest of the next one. */
    @Test
    void fullCatchesATornMessage() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment m = message(arena, Verify.FULL, 5), next = message(arena, Verify.FULL, 6);
            long half = SIZE / 2;
            MemorySegment.copy(next, half, m, half, SIZE - half);
            assertFalse(verifier(Verify.FULL, arena).verify(m, 0, SIZE));
        }
    }

    /** A writer index that is not a sender on the receiver's channel has no pattern: corrupt, however intact. */
    @Test
    void aMessageFromAWriterNotInTheScenarioIsCorrupt() {
        try (Arena arena = Arena.ofConfined()) {
            Verifier v = verifier(Verify.FULL, arena, writer(3, SIZE));
            for (int stranger : new int[] {0, 2, 4, 1000, -1, Integer.MAX_VALUE}) {
                MemorySegment m = arena.allocate(SIZE, 8);
                new Payload(7, stranger, SIZE, Verify.FULL, arena).write(m, 0, 5, 42L);
                assertFalse(v.verify(m, 0, SIZE), "writer " + stranger);
            }
            assertTrue(v.verify(message(arena, Verify.FULL, 5), 0, SIZE), "writer 3");
        }
    }

    /**
     * Two writers of different sizes into one reader: each writer's messages pass against its own
     * pattern; a message relabelled as the other writer, or with another length than its writer's
     * (shortened to the other writer's size), is corrupt.
     */
    @Test
    void twoWritersOfDifferentSizesIntoOneReader() {
        int small = 100, large = 4096;
        try (Arena arena = Arena.ofConfined()) {
            Verifier v = verifier(Verify.FULL, arena, writer(1, small), writer(4, large));
            MemorySegment a = arena.allocate(large, 8), b = arena.allocate(large, 8);
            new Payload(7, 1, small, Verify.FULL, arena).write(a, 0, 9, 42L);
            new Payload(7, 4, large, Verify.FULL, arena).write(b, 0, 9, 42L);
            assertTrue(v.verify(a, 0, large), "the small writer's");
            assertTrue(v.verify(b, 0, large), "the large writer's");
            a.set(MessageHeader.INT, MessageHeader.WRITER_OFFSET, 4);
            assertFalse(v.verify(a, 0, large), "the small writer's message as the large writer's");
            b.set(MessageHeader.INT, MessageHeader.LENGTH_OFFSET, small);
            assertFalse(v.verify(b, 0, large), "the large writer's message cut to the small writer's length");
            assertFalse(
                    verifier(Verify.FULL, arena, writer(1, small)).verify(b, 0, large), "the large writer, unknown");
        }
    }

    /** The header's checksum still holds the CRC of the middle: a message sent by an ENDS writer fails the full check. */
    @Test
    void fullChecksTheHeadersCrc() {
        try (Arena arena = Arena.ofConfined()) {
            assertFalse(verifier(Verify.FULL, arena).verify(message(arena, Verify.ENDS, 5), 0, SIZE));
            MemorySegment m = message(arena, Verify.FULL, 5);
            m.set(MessageHeader.LONG, MessageHeader.CHECKSUM_OFFSET, MessageHeader.checksum(m, 0) ^ (1L << 40));
            assertFalse(verifier(Verify.FULL, arena).verify(m, 0, SIZE), "a checksum bit above the CRC's 32");
        }
    }
}
