package ipclab.engine.channel;

import java.util.concurrent.locks.LockSupport;

/**
 * Paces a writer at {@code ratePerSecond} messages per second without allocating: message n is
 * due at start + n / rate; the writer waits (park, then spin for the last 50 us) until then.
 * A rate of 0 means flat out.
 */
public final class Pacer {
    private final long ratePerSecond;
    private long start;

    public Pacer(long ratePerSecond) {
        this.ratePerSecond = ratePerSecond;
    }

    public void start(long nowNanos) {
        this.start = nowNanos;
    }

    /** Waits until message {@code n} (0-based) is due. */
    public void await(long n) {
        if (ratePerSecond <= 0) return;
        long due = start + (long) (n * (1e9 / ratePerSecond));
        for (; ; ) {
            long left = due - System.nanoTime();
            if (left <= 0) return;
            if (left > 60_000) LockSupport.parkNanos(left - 50_000);
            else Thread.onSpinWait();
        }
    }
}
