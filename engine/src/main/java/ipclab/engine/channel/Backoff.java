package ipclab.engine.channel;

import java.util.concurrent.locks.LockSupport;

/**
 * Waiting without a system call to wait in. Two kinds, for two kinds of channel:
 * <ul>
 *   <li>{@link #parking()} (the default {@code new Backoff()}): spin {@value #PARKING_SPINS} times
 *       with {@link Thread#onSpinWait()}, then park for a time that doubles from 1 us to 1 ms. For
 *       the channels whose waiting is not the point of the lesson or has a kernel call to wait in:
 *       the blocking mechanisms (a role only idles there between retries), {@code sync: none}
 *       rings, and the nowait msgq mode, whose EAGAIN-and-sleep loop is part of what it teaches
 *       (its {@code backoff-parks} event shows the sleeps).</li>
 *   <li>{@link #spinning()}: for {@code sync: spin} (and {@code atomic}) rings, whose promise is
 *       that nobody sleeps: {@link Thread#onSpinWait()} on every idle call, a {@link Thread#yield()}
 *       every {@value #YIELD_EVERY} idle calls (so that two spinners sharing one CPU cannot
 *       starve the peer they wait for), and a park (1 us doubling to 1 ms) only once
 *       {@value #SPIN_PATIENCE_NANOS} ns have passed without progress (a peer that is gone, or
 *       one that is still starting). A parking back-off put a spinning channel to sleep between
 *       messages (Linux's timer slack makes a 1 us park 50-100 us): a round trip 14-155x the C
 *       yardstick's, where spinning gives ~1.3x.</li>
 * </ul>
 * {@link #reset()} after progress. Allocation-free; counts the parks it did.
 */
public final class Backoff {
    static final int PARKING_SPINS = 64;
    static final int YIELD_EVERY = 1 << 16;
    /** How often (in idle calls) a spinning back-off reads the clock. */
    private static final int CLOCK_EVERY = 1 << 10;

    static final long SPIN_PATIENCE_NANOS = 10_000_000L;
    private static final long MIN_PARK = 1_000L;
    private static final long MAX_PARK = 1_000_000L;

    private final boolean spin;
    private long spins;
    private long since;
    private long park = MIN_PARK;
    private long parks;
    private long yields;

    /** A parking back-off (as {@link #parking()}). */
    public Backoff() {
        this(false);
    }

    private Backoff(boolean spin) {
        this.spin = spin;
    }

    /** Spins briefly, then parks: for blocking mechanisms, {@code sync: none} and nowait modes. */
    public static Backoff parking() {
        return new Backoff(false);
    }

    /** Spins (yielding now and then) and parks only after a long time without progress: for spinning rings. */
    public static Backoff spinning() {
        return new Backoff(true);
    }

    /** True for a {@link #spinning()} back-off. */
    public boolean spins() {
        return spin;
    }

    public void idle() {
        if (spin) {
            spinIdle();
            return;
        }
        if (spins < PARKING_SPINS) {
            spins++;
            Thread.onSpinWait();
            return;
        }
        parkNow();
    }

    private void spinIdle() {
        long n = ++spins;
        if ((n & (CLOCK_EVERY - 1)) != 0) {
            Thread.onSpinWait();
            return;
        }
        long now = System.nanoTime();
        if (since == 0) since = now;
        if (now - since > SPIN_PATIENCE_NANOS) {
            parkNow();
        } else if ((n & (YIELD_EVERY - 1)) == 0) {
            yields++;
            Thread.yield();
        } else {
            Thread.onSpinWait();
        }
    }

    private void parkNow() {
        parks++;
        LockSupport.parkNanos(park);
        park = Math.min(MAX_PARK, park << 1);
    }

    public void reset() {
        spins = 0;
        since = 0;
        park = MIN_PARK;
    }

    /** Parks so far. */
    public long parks() {
        return parks;
    }

    /** Yields so far (spinning back-off only). */
    public long yields() {
        return yields;
    }
}
