package ipclab.engine.role;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.engine.protocol.WorkerReport;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** When a writer's warm-up ends: a fixed count exactly, the default once the JIT compiler is quiet or a cap is hit. */
class WarmupEndTest {
    private static final long MS = 1_000_000;

    /** Asks at every point the end asks for, from message 0, with the clock at {@code nanosPerMessage} a message. */
    private static long run(WarmupEnd end, long nanosPerMessage, AtomicLong compiled, boolean busy) {
        end.start(0);
        long n = end.firstCheck();
        for (int guard = 0; guard < 1_000_000; guard++) {
            if (busy) compiled.incrementAndGet(); // a compilation finished since the last check
            long next = end.check(n, n * nanosPerMessage);
            if (next < 0) return n;
            assertTrue(next > n, () -> "asks again later, not at " + next);
            n = next;
        }
        throw new AssertionError("the warm-up never ended");
    }

    @Test
    void aFixedCountEndsExactlyThereAndIsAskedAlongTheWay() {
        WarmupEnd end = new WarmupEnd(1000, false, 10_000);
        assertEquals(256, end.firstCheck(), "asked every 256 messages, so the loop has taken that branch before");
        assertEquals(1000, run(end, 1000, new AtomicLong(), false));
        WorkerReport r = new WorkerReport();
        end.fill(r);
        assertTrue(r.events.isEmpty(), "a fixed warm-up needs no explanation: " + r.events);
    }

    @Test
    void noWarmupEndsBeforeTheFirstMessage() {
        WarmupEnd end = new WarmupEnd(0, true, 10_000);
        assertEquals(0, end.firstCheck());
        end.start(0);
        assertEquals(-1, end.check(0, 0));
    }

    @Test
    void theDefaultGoesOnUntilTheCompilerHasBeenQuietWhileMessagesFlowed() {
        AtomicLong compiled = new AtomicLong();
        // the compiler finishes something in each 5,000 messages below 20,000 (last seen at the check
        // at 15,080: checks come at 1,000 + 256 k), then nothing
        WarmupEnd end = new WarmupEnd(1000, true, 100_000, compiled::get);
        long ended = runWithCompilations(end, compiled, 20_000);
        // 50 ms at 10 us a message is 5,000 messages, but 20,000 quiet ones are needed: the first
        // check at or past 35,080
        assertEquals(35_304, ended);
        WorkerReport r = new WorkerReport();
        end.fill(r);
        assertEquals(WarmupEnd.QUIET_MILLIS, r.events.get("warmup-quiet-ms"));
        assertFalse(r.events.containsKey("warmup-capped"));
        assertEquals(ended * 10_000 / MS, r.events.get("warmup-ms"));
    }

    private static long runWithCompilations(WarmupEnd end, AtomicLong compiled, long compilingUntil) {
        end.start(0);
        long n = end.firstCheck();
        long lastBump = -1;
        while (true) {
            if (n < compilingUntil && n / 5000 != lastBump) {
                lastBump = n / 5000;
                compiled.incrementAndGet();
            }
            long next = end.check(n, n * 10_000);
            if (next < 0) return n;
            n = next;
        }
    }

    @Test
    void aStalledFlowIsNotQuiet() {
        // 50 ms pass, but fewer than 20,000 messages in them (a reader stalled in its compilation)
        WarmupEnd end = new WarmupEnd(100, true, 1_000_000, () -> 7);
        end.start(0);
        assertTrue(end.check(100, 1 * MS) >= 0, "the first check only notes the compiler's figure");
        assertTrue(end.check(356, 60 * MS) >= 0, "60 ms quiet, but only 256 messages: not yet");
        assertEquals(-1, end.check(20_100, 61 * MS), "20,000 messages in 60 ms of quiet");
    }

    @Test
    void aCompilerThatNeverRestsIsCutOffAfterOneSecondOrTenTimesTheMessages() {
        AtomicLong compiled = new AtomicLong();
        long byTime = run(new WarmupEnd(100, true, 1_000_000, compiled::get), 100_000, compiled, true);
        assertTrue(byTime * 100_000 >= WarmupEnd.CAP_MILLIS * MS && byTime < 10_500, () -> "ended at " + byTime);
        WarmupEnd byCount = new WarmupEnd(100, true, 500, compiled::get);
        assertEquals(5_220, run(byCount, 1000, compiled, true), "the first check at or past 10 x 500 messages");
        WorkerReport r = new WorkerReport();
        byCount.fill(r);
        assertEquals(1L, r.events.get("warmup-capped"));
    }
}
