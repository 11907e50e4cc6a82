package ipclab.engine.role;

import ipclab.engine.protocol.WorkerReport;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * Decides when a writer's warm-up ends, so that its measured window runs compiled code.
 *
 * <p>A fixed count ({@code warmup: N}, or a paced, timed or stepped writer) ends after N messages.
 * The default for a writer with a message count ({@link ipclab.dsl.plan.PlannedProcess#warmupUntilCompiled()})
 * is a minimum: after it the writer goes on until its JVM's JIT compilers have finished nothing for
 * {@value #QUIET_MILLIS} ms while at least {@value #QUIET_MESSAGES} messages went through, at most
 * {@value #CAP_MILLIS} ms or 10 x the measured messages. A stream of 50,000 messages lasts 10-300 ms;
 * a fixed 10% warm-up ended long before C2 had compiled the loops (bench/HISTORY.md "Session 4").
 * The compilers' total time ({@link CompilationMXBean#getTotalCompilationTime()}) moves when a
 * compilation completes; ipclab's own methods compile in the foreground (WorkerCommand), so the
 * writer's own loop is never compiled behind its back. Why that many messages: a lull of 50 ms is
 * common while the loop still runs C1 code (at level 2 while the C2 queue is long, then at level 3
 * until Tier4CompileThreshold, 15,000 invocations, queues its C2 compilation), and a C2 compilation
 * in progress does not move the total until it ends; 20,000 quiet messages cover the way from
 * level 2 to a queued C2 compilation, which the writer then waits for (and which moves the total).
 * It also keeps a reader stalled in its own compilation, which stops the flow, from passing for quiet.
 *
 * <p>The writer asks {@link #check} every {@value #CHECK_EVERY} messages during the warm-up (so
 * that the compiled loop has taken that branch before the warm-up ends and does not deoptimise at
 * the boundary); the message being sent when it says "ended" is the first measured one. What ended
 * the warm-up goes into the report: the events {@code warmup-ms}, and {@code warmup-quiet-ms} (the
 * compiler was quiet) or {@code warmup-capped}.
 */
final class WarmupEnd {
    static final int CHECK_EVERY = 256;
    static final long QUIET_MILLIS = 50;
    static final long QUIET_MESSAGES = 20_000;
    static final long CAP_MILLIS = 1000;

    private final long minimum;
    private final boolean untilCompiled;
    private final long capMessages;
    /** The JIT compilers' total time in ms so far; asked only after the minimum (its first use loads java.management). */
    private LongSupplier compiler;

    private long startNanos;
    private long compiledMillis = -1;
    private long quietSinceNanos;
    private long quietFromMessage;
    private long endNanos = -1;
    private boolean capped;

    /**
     * @param minimum       warm-up messages at least (exactly, unless {@code untilCompiled})
     * @param untilCompiled go on after the minimum until the JIT compiler is quiet, within the caps
     * @param messages      the measured messages (Long.MAX_VALUE: bounded by a duration only)
     */
    WarmupEnd(long minimum, boolean untilCompiled, long messages) {
        this(minimum, untilCompiled, messages, null);
    }

    /** With {@code compiledMillis} standing for the JVM's compilation time (tests); null: the JVM's. */
    WarmupEnd(long minimum, boolean untilCompiled, long messages, LongSupplier compiledMillis) {
        this.compiler = compiledMillis;
        this.minimum = minimum;
        this.untilCompiled = untilCompiled && minimum > 0;
        this.capMessages = Math.max(minimum, 10 * Math.min(messages, Long.MAX_VALUE / 20));
    }

    /** The clock at go: the cap counts from there. */
    void start(long now) {
        startNanos = now;
    }

    /** The next message count at which {@link #check} must be asked (0: at once). */
    long firstCheck() {
        return Math.min(minimum, CHECK_EVERY);
    }

    /**
     * Called before message {@code sent} (0-based, warm-up included) goes out, at {@code now}:
     * returns -1 when that message is the first measured one, else the message count at which to
     * ask again.
     */
    long check(long sent, long now) {
        if (sent < minimum) return Math.min(minimum, sent + CHECK_EVERY);
        if (!untilCompiled) return end(now, false);
        if (compiler == null) compiler = ManagementFactory.getCompilationMXBean()::getTotalCompilationTime;
        long compiled = compiler.getAsLong();
        if (compiled != compiledMillis) {
            compiledMillis = compiled;
            quietSinceNanos = now;
            quietFromMessage = sent;
        } else if (now - quietSinceNanos >= QUIET_MILLIS * 1_000_000 && sent - quietFromMessage >= QUIET_MESSAGES) {
            return end(now, false);
        }
        if (now - startNanos >= CAP_MILLIS * 1_000_000 || sent >= capMessages) return end(now, true);
        return sent + CHECK_EVERY;
    }

    private long end(long now, boolean cap) {
        endNanos = now;
        capped = cap;
        return -1;
    }

    /** The warm-up's duration and what ended it, as events (nothing for a fixed or absent warm-up). */
    void fill(WorkerReport r) {
        if (!untilCompiled || endNanos < 0) return;
        r.event("warmup-ms", (endNanos - startNanos) / 1_000_000);
        if (capped) r.event("warmup-capped", 1);
        else r.event("warmup-quiet-ms", QUIET_MILLIS);
    }
}
