package ipclab.dsl.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
    private static final long K1 = 1024, K4 = 4096, K16 = 16384;

    /** shm loses at 1 KiB (robustly, though noisy), wins from 4 KiB. */
    private static Measurements sweep() {
        return Measurements.builder()
                .add("shm", K1, Figure.THROUGHPUT, 50, 100, 200)
                .add("msgq", K1, Figure.THROUGHPUT, 200, 200, 200)
                .add("shm", K4, Figure.THROUGHPUT, 300)
                .add("msgq", K4, Figure.THROUGHPUT, 150)
                .add("shm", K16, Figure.THROUGHPUT, 600)
                .add("msgq", K16, Figure.THROUGHPUT, 150)
                .build();
    }

    @Test
    void holdsOnlyInARangeWithTheDecidingFigures() throws Exception {
        Verdict v = Evaluator.evaluate(ComparativeClaim.parse("shm beats msgq in throughput"), sweep());
        assertEquals(Verdict.Kind.RANGE, v.kind());
        assertEquals("holds only from 4KiB up", v.summary());
        assertEquals(
                List.of(
                        "1KiB: shm 100 MiB/s (50–200, noisy) vs msgq 200 MiB/s",
                        "4KiB: shm 300 MiB/s vs msgq 150 MiB/s",
                        "16KiB: shm 600 MiB/s vs msgq 150 MiB/s",
                        "crossover: shm is better above ≈ 2.00 KiB (between 1.00 KiB and 2.52 KiB), msgq below"),
                v.figures());
    }

    @Test
    void crossoverIsInterpolatedOnLogSizeWithItsUncertainty() {
        Crossover c =
                Crossovers.between(sweep(), Figure.THROUGHPUT, "shm", "msgq").getFirst();
        assertEquals("shm", c.better());
        assertEquals(2048, c.size(), 1e-9);
        // The optimistic advantage (shm's max 200 against msgq's 200) is zero at 1 KiB itself; the
        // pessimistic one (50 against 200: -2 ln 2) reaches zero two thirds of the way to 4 KiB.
        assertEquals(1024, c.low(), 1e-9);
        assertEquals(1024 * Math.pow(4, 2.0 / 3), c.high(), 1e-9);
        assertFalse(c.lowOpen() || c.highOpen());
    }

    @Test
    void oneRunPerPointGivesACrossoverWithoutAnInterval() {
        Measurements m = Measurements.builder()
                .add("shm", K1, Figure.THROUGHPUT, 100)
                .add("msgq", K1, Figure.THROUGHPUT, 200)
                .add("shm", K4, Figure.THROUGHPUT, 300)
                .add("msgq", K4, Figure.THROUGHPUT, 150)
                .build();
        assertEquals(
                "shm is better above ≈ 2.00 KiB, msgq below",
                Crossovers.between(m, Figure.THROUGHPUT, "shm", "msgq")
                        .getFirst()
                        .text());
    }

    @Test
    void anOpenCrossoverReachesPastTheSweep() {
        Measurements m = Measurements.builder()
                .add("a", K1, Figure.LATENCY, 90, 100, 130)
                .add("b", K1, Figure.LATENCY, 110)
                .add("a", K4, Figure.LATENCY, 120)
                .add("b", K4, Figure.LATENCY, 100)
                .build();
        Crossover c = Crossovers.between(m, Figure.LATENCY, "a", "b").getFirst();
        assertEquals("b", c.better(), "a's latency rises above b's: b is better above");
        assertTrue(c.lowOpen());
        assertEquals(1024, c.low(), 1e-9);
        assertFalse(c.highOpen());
        assertEquals(
                "b is better above ≈ 1.61 KiB (below 2.07 KiB, perhaps under the sweep's 1.00 KiB), a below", c.text());
    }

    @Test
    void confirmedAndRefutedInTheClaimsRange() throws Exception {
        Verdict up = Evaluator.evaluate(ComparativeClaim.parse("shm beats msgq in throughput from 4KiB up"), sweep());
        assertEquals(Verdict.Kind.CONFIRMED, up.kind());
        assertEquals("holds at every size from 4KiB to 16KiB", up.summary());
        Verdict low = Evaluator.evaluate(ComparativeClaim.parse("shm beats msgq in throughput at 1KiB"), sweep());
        assertEquals(Verdict.Kind.REFUTED, low.kind());
        assertEquals("fails at 1KiB", low.summary());
        assertTrue(low.refuted());
    }

    @Test
    void aNoisyFigureThatCouldGoEitherWayDecidesNothing() throws Exception {
        Measurements m = Measurements.builder()
                .add("shm", K1, Figure.THROUGHPUT, 50)
                .add("msgq", K1, Figure.THROUGHPUT, 200)
                .add("shm", K4, Figure.THROUGHPUT, 100, 300, 160)
                .add("msgq", K4, Figure.THROUGHPUT, 150)
                .add("shm", K16, Figure.THROUGHPUT, 600)
                .add("msgq", K16, Figure.THROUGHPUT, 150)
                .build();
        Verdict v = Evaluator.evaluate(ComparativeClaim.parse("shm beats msgq in throughput"), m);
        assertEquals(Verdict.Kind.INCONCLUSIVE, v.kind());
        assertEquals(
                "noisy at 4KiB (spread over 10% of the median): no verdict drawn there; without them it holds only at 16KiB",
                v.summary());
        assertEquals(
                "4KiB: shm 160 MiB/s (100–300, noisy) vs msgq 150 MiB/s  (noisy: undecided)",
                v.figures().get(1));
    }

    @Test
    void sizesMissingForTheSameReasonShareOneLine() throws Exception {
        Measurements.Builder b = Measurements.builder();
        for (long size : new long[] {4096, 16384, 65536}) b.add("shm", size, Figure.LATENCY, 1000);
        b.add("msgq", 4096, Figure.LATENCY, 2000);
        for (long size : new long[] {16384, 65536})
            b.unavailable("msgq", size, Figure.LATENCY, "not possible on this machine (msgmax = 8192)");
        Verdict v = Evaluator.evaluate(ComparativeClaim.parse("shm beats msgq in latency"), b.build());
        assertEquals(
                List.of(
                        "4KiB: shm 1.00 µs vs msgq 2.00 µs",
                        "16KiB to 64KiB: msgq: not possible on this machine (msgmax = 8192)"),
                v.figures());
        assertEquals("holds at 4KiB", v.summary());
    }

    @Test
    void boundAllowsOnePercentForEquality() throws Exception {
        Measurements m = Measurements.builder()
                .add("msgq", 64, Figure.SYSCALLS_PER_MESSAGE, 2.0, 2.01, 2.0)
                .add("shm-sem", 64, Figure.SYSCALLS_PER_MESSAGE, 4.0)
                .build();
        Verdict v = Evaluator.evaluate(ComparativeClaim.parse("msgq.syscallsPerMessage == 2"), m);
        assertEquals(Verdict.Kind.CONFIRMED, v.kind());
        assertEquals("holds at 64B", v.summary());
        assertEquals(List.of("64B: msgq.syscallsPerMessage = 2.00 (2.00–2.01)"), v.figures());
        assertEquals(
                Verdict.Kind.REFUTED,
                Evaluator.evaluate(ComparativeClaim.parse("shm-sem.syscallsPerMessage == 2"), m)
                        .kind());
    }

    @Test
    void setupPaysForItself() throws Exception {
        Measurements m = Measurements.builder()
                .add("shm", 64, Figure.SETUP, 1e6)
                .add("shm", 64, Figure.PER_MESSAGE, 100)
                .add("msgq", 64, Figure.SETUP, 1e4)
                .add("msgq", 64, Figure.PER_MESSAGE, 5000)
                .build();
        Verdict v = Evaluator.evaluate(ComparativeClaim.parse("shm setup pays for itself after 10000 messages"), m);
        assertEquals(Verdict.Kind.CONFIRMED, v.kind());
        assertEquals(
                List.of("64B: shm setup 1.00 ms, 100 ns per message; against msgq setup 10 µs, 5.00 µs per message: "
                        + "pays for itself after 203 messages"),
                v.figures());
        assertEquals(
                Verdict.Kind.REFUTED,
                Evaluator.evaluate(ComparativeClaim.parse("shm setup pays for itself after 100 messages"), m)
                        .kind());
        assertEquals(202.04081632653063, Breakeven.messages(1e6, 100, 1e4, 5000), 1e-9);
        assertEquals(Double.POSITIVE_INFINITY, Breakeven.messages(1e6, 5000, 1e4, 100));
        assertEquals(0, Breakeven.messages(1e3, 5000, 1e4, 100));
    }

    @Test
    void unavailableCellsAreNamedAndAnUnknownSystemIsInconclusive() throws Exception {
        Measurements m = Measurements.builder()
                .add("shm", 4096, Figure.THROUGHPUT, 300)
                .add("msgq", 4096, Figure.THROUGHPUT, 150)
                .add("shm", 65536, Figure.THROUGHPUT, 900)
                .unavailable("msgq", 65536, Figure.THROUGHPUT, "not possible on this machine (msgmax = 8192)")
                .build();
        Verdict v = Evaluator.evaluate(ComparativeClaim.parse("shm beats msgq in throughput"), m);
        assertEquals(Verdict.Kind.CONFIRMED, v.kind());
        assertEquals(
                List.of(
                        "4KiB: shm 300 MiB/s vs msgq 150 MiB/s",
                        "64KiB: msgq: not possible on this machine (msgmax = 8192)"),
                v.figures());
        Verdict above = Evaluator.evaluate(ComparativeClaim.parse("shm beats msgq in throughput from 16KiB up"), m);
        assertEquals(Verdict.Kind.INCONCLUSIVE, above.kind());
        assertEquals(
                "could not be measured from 16KiB up: msgq: not possible on this machine (msgmax = 8192)",
                above.summary());
        Verdict none = Evaluator.evaluate(ComparativeClaim.parse("pipe beats msgq in throughput"), m);
        assertEquals(Verdict.Kind.INCONCLUSIVE, none.kind());
        assertEquals("nothing measured for pipe; the systems measured are shm, msgq", none.summary());
    }
}
