package ipclab.engine.channel;

import java.util.concurrent.locks.LockSupport;

/**
 * Waiting without a system call to wait in: spin a few times with {@link Thread#onSpinWait()},
 * then park for a time that doubles from 1 us to 1 ms. {@link #reset()} after progress.
 * Allocation-free; counts the parks it did.
 */
public final class Backoff {
    private static final int SPINS = 64;
    private static final long MIN_PARK = 1_000L;
    private static final long MAX_PARK = 1_000_000L;

    private int spins;
    private long park = MIN_PARK;
    private long parks;

    public void idle() {
        if (spins < SPINS) {
            spins++;
            Thread.onSpinWait();
            return;
        }
        parks++;
        LockSupport.parkNanos(park);
        park = Math.min(MAX_PARK, park << 1);
    }

    public void reset() {
        spins = 0;
        park = MIN_PARK;
    }

    /** Parks so far. */
    public long parks() { return parks; }
}
