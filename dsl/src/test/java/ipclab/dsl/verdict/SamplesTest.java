package ipclab.dsl.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SamplesTest {
    @Test
    void medianMinMaxOfAnOddCount() {
        Samples s = Samples.of(54.2, 48.7, 81.1);
        assertEquals(54.2, s.median());
        assertEquals(48.7, s.min());
        assertEquals(81.1, s.max());
        assertEquals(3, s.count());
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals(2.5, Samples.of(4, 1, 3, 2).median());
    }

    @Test
    void noisyWhenTheSpreadExceedsTenPercentOfTheMedian() {
        // The issue's own figures: shm at 1 KiB, three runs.
        assertTrue(Samples.of(48.7, 81.1, 54.2).noisy());
        assertFalse(Samples.of(95, 100, 105).noisy(), "a spread of exactly 10% is not noisy");
        assertTrue(Samples.of(95, 100, 105.5).noisy());
        assertFalse(Samples.of(7).noisy(), "one sample has no spread");
        assertEquals(0.1, Samples.of(95, 100, 105).relativeSpread(), 1e-12);
    }

    @Test
    void aZeroMedianWithSpreadIsNoisy() {
        assertTrue(Samples.of(0, 0, 3).noisy());
        assertFalse(Samples.of(0, 0, 0).noisy());
    }

    @Test
    void rejectsEmptyAndNonFiniteSamples() {
        assertEquals(
                "samples must not be empty",
                assertThrows(IllegalArgumentException.class, () -> new Samples(List.of()))
                        .getMessage());
        assertEquals(
                "sample NaN is not a finite number",
                assertThrows(IllegalArgumentException.class, () -> Samples.of(1, Double.NaN))
                        .getMessage());
    }

    @Test
    void formatsWithItsFiguresUnit() {
        assertEquals("54.2 MiB/s (48.7–81.1, noisy)", Figure.THROUGHPUT.format(Samples.of(48.7, 81.1, 54.2)));
        assertEquals("5.28 µs", Figure.LATENCY.format(Samples.of(5280)));
        assertEquals("2.00", Figure.SYSCALLS_PER_MESSAGE.format(Samples.of(2)));
        assertEquals("1.00 ms", Figure.SETUP.format(1e6));
    }
}
