package ipclab.engine.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void aParkingBackoffParksAfterItsSpins() {
        Backoff b = Backoff.parking();
        assertFalse(b.spins());
        for (int i = 0; i < Backoff.PARKING_SPINS; i++) b.idle();
        assertEquals(0, b.parks());
        b.idle();
        assertEquals(1, b.parks());
        b.reset();
        for (int i = 0; i < Backoff.PARKING_SPINS; i++) b.idle();
        assertEquals(1, b.parks(), "reset starts the spins again");
    }

    @Test
    void aSpinningBackoffYieldsButDoesNotParkBeforeItsPatienceRunsOut() {
        Backoff b = Backoff.spinning();
        assertTrue(b.spins());
        long t0 = System.nanoTime();
        for (int i = 0; i < Backoff.YIELD_EVERY; i++) b.idle();
        long took = System.nanoTime() - t0;
        assumeTrue(took < Backoff.SPIN_PATIENCE_NANOS, "this machine took " + took + " ns for the spins");
        assertEquals(0, b.parks(), Backoff.YIELD_EVERY + " idle calls in " + took + " ns");
        assertEquals(1, b.yields(), "one yield every " + Backoff.YIELD_EVERY + " idle calls");
    }

    @Test
    void aSpinningBackoffParksOnceNoProgressForItsPatience() {
        Backoff b = Backoff.spinning();
        long t0 = System.nanoTime();
        while (b.parks() == 0) b.idle();
        assertTrue(System.nanoTime() - t0 >= Backoff.SPIN_PATIENCE_NANOS, "not before the patience ran out");
        b.reset();
        long parks = b.parks();
        for (int i = 0; i < 10_000; i++) b.idle();
        assertEquals(parks, b.parks(), "progress (reset) restores the patience");
    }
}
