package ipclab.engine.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

/**
 * {@link Memory#copy} and {@link Memory#equal}: memcpy and memcmp where they pay, the same results
 * and bounds as {@link MemorySegment#copy} and {@link MemorySegment#mismatch}.
 */
class MemoryTest {
    static MemorySegment filled(Arena arena, int n, int seed) {
        MemorySegment s = arena.allocate(n, 8);
        for (int i = 0; i < n; i++) s.set(ValueLayout.JAVA_BYTE, i, (byte) (i * 31 + seed));
        return s;
    }

    @Test
    void copiesLargeAndSmallRangesAtAnyOffsetLikeSegmentCopy() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment src = filled(arena, 10_000, 1);
            for (long n : new long[] {0, 1, 31, Memory.NATIVE_FROM - 1, Memory.NATIVE_FROM, 4064, 9_000}) {
                MemorySegment dst = filled(arena, 10_000, 2), expected = filled(arena, 10_000, 2);
                Memory.copy(src, 7, dst, 40, n);
                MemorySegment.copy(src, 7, expected, 40, n);
                assertEquals(-1, dst.mismatch(expected), "n=" + n);
            }
            byte[] heap = new byte[5_000]; // a heap segment goes through MemorySegment.copy
            Memory.copy(src, 0, MemorySegment.ofArray(heap), 0, heap.length);
            assertEquals(-1, MemorySegment.ofArray(heap).mismatch(src.asSlice(0, heap.length)));
        }
    }

    @Test
    void refusesRangesOutsideEitherSegment() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment src = filled(arena, 4096, 1), dst = arena.allocate(4096, 8);
            assertThrows(IndexOutOfBoundsException.class, () -> Memory.copy(src, 1, dst, 0, 4096));
            assertThrows(IndexOutOfBoundsException.class, () -> Memory.copy(src, 0, dst, 8, 4096));
            assertThrows(IndexOutOfBoundsException.class, () -> Memory.copy(src, -1, dst, 0, 2048));
            assertEquals(0, dst.get(ValueLayout.JAVA_LONG, 0), "nothing copied");
        }
    }

    @Test
    void refusesAClosedSegmentInsteadOfFaulting() {
        try (Arena live = Arena.ofConfined()) {
            MemorySegment dst = live.allocate(4096, 8);
            Arena gone = Arena.ofConfined();
            MemorySegment src = filled(gone, 4096, 1);
            gone.close();
            assertThrows(IllegalStateException.class, () -> Memory.copy(src, 0, dst, 0, 4096));
            assertEquals(0, dst.get(ValueLayout.JAVA_LONG, 0), "nothing copied");
        }
    }

    @Test
    void comparesLargeAndSmallRangesAtAnyOffsetLikeSegmentMismatch() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = filled(arena, 10_000, 1), b = arena.allocate(10_000, 8);
            MemorySegment.copy(a, 3, b, 40, 9_000);
            for (long n : new long[] {0, 1, 15, Memory.MEMCMP_FROM - 1, Memory.MEMCMP_FROM, 4080, 9_000}) {
                assertTrue(Memory.equal(a, 3, b, 40, n), "equal, n=" + n);
                assertTrue(Memory.equal(Memory.global(a), 3, b, 40, n), "a global view, n=" + n);
                if (n == 0) continue;
                for (long at : new long[] {0, n / 2, n - 1}) {
                    b.set(ValueLayout.JAVA_BYTE, 40 + at, (byte) (b.get(ValueLayout.JAVA_BYTE, 40 + at) ^ 0x80));
                    assertFalse(Memory.equal(a, 3, b, 40, n), "byte " + at + " of " + n);
                    b.set(ValueLayout.JAVA_BYTE, 40 + at, (byte) (b.get(ValueLayout.JAVA_BYTE, 40 + at) ^ 0x80));
                }
            }
            assertFalse(Memory.equal(a, 0, b, 0, 9_000), "another offset");
            byte[] heap = new byte[5_000]; // a heap segment goes through MemorySegment.mismatch
            MemorySegment.copy(a, ValueLayout.JAVA_BYTE, 0, heap, 0, heap.length);
            assertTrue(Memory.equal(MemorySegment.ofArray(heap), 0, a, 0, heap.length));
        }
    }

    @Test
    void compareRefusesRangesOutsideEitherSegmentAndClosedSegments() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = filled(arena, 4096, 1), b = filled(arena, 4096, 1);
            assertThrows(IndexOutOfBoundsException.class, () -> Memory.equal(a, 1, b, 0, 4096));
            assertThrows(IndexOutOfBoundsException.class, () -> Memory.equal(a, 0, b, 8, 4096));
            assertThrows(IndexOutOfBoundsException.class, () -> Memory.equal(a, -1, b, 0, 2048));
            Arena gone = Arena.ofConfined();
            MemorySegment c = filled(gone, 4096, 1);
            gone.close();
            assertThrows(IllegalStateException.class, () -> Memory.equal(c, 0, b, 0, 4096));
        }
    }
}
