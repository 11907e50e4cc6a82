package ipclab.engine.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.dsl.model.Verify;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/**
 * {@link Crc} sums short ranges from a heap copy and long ones through the segment's buffer view:
 * both must give java.util.zip's CRC32C of the same bytes, wherever the range starts.
 */
class CrcTest {
    static int reference(byte[] all, int from, int to) {
        CRC32C c = new CRC32C();
        c.update(all, from, to - from);
        return (int) c.getValue();
    }

    @Test
    void bothPathsGiveTheCrc32cOfTheRange() {
        int size = 4 * Crc.COPY_BELOW;
        byte[] bytes = new byte[size];
        new java.util.SplittableRandom(11).nextBytes(bytes);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(size);
            MemorySegment.copy(bytes, 0, seg, ValueLayout.JAVA_BYTE, 0, size);
            Crc crc = new Crc(seg);
            int[][] ranges = {
                {0, 0}, {5, 5}, {3, 4}, {8, 24}, {40, 40 + Crc.COPY_BELOW}, {40, 41 + Crc.COPY_BELOW}, {1, size}
            };
            for (int[] r : ranges) {
                int expected = r[1] > r[0] ? reference(bytes, r[0], r[1]) : 0;
                assertEquals(expected, crc.of(r[0], r[1]), () -> "range [" + r[0] + ", " + r[1] + ")");
            }
        }
    }

    @Test
    void fullVerificationCatchesAByteOnEitherSideOfTheThreshold() {
        for (int size : new int[] {64, Crc.COPY_BELOW + 64, 3 * Crc.COPY_BELOW}) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment m = arena.allocate(size + 64, 8);
                new Payload(7, 3, size, Verify.FULL, arena).write(m, 64, 5, 42L);
                Verifier v = VerifierTest.verifier(Verify.FULL, arena, VerifierTest.writer(3, size));
                assertTrue(v.verify(m, 64, size), () -> "intact, size " + size);
                long at = 64 + MessageHeader.BYTES + 8 + (size - MessageHeader.BYTES - 16) / 2;
                m.set(ValueLayout.JAVA_BYTE, at, (byte) (m.get(ValueLayout.JAVA_BYTE, at) ^ 1));
                assertFalse(v.verify(m, 64, size), () -> "a middle byte flipped, size " + size);
            }
        }
    }
}
