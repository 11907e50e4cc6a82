package ipclab.engine.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

/** {@link Memory#copy}: memcpy where it pays, the same results and bounds as {@link MemorySegment#copy}. */
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
}
