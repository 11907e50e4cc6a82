package ipclab.engine.role;

import ipclab.engine.protocol.WorkerReport;
import ipclab.engine.sys.Syscalls;

/**
 * The one counting rule for warm-up, for every role: a warm-up message (the writer's or pinger's
 * first {@code warmup}, flagged {@link ipclab.engine.channel.MessageHeader#WARMUP_FLAG} on the
 * wire) is checked on arrival but counted nowhere: not in sent, received or bytes (writer, reader,
 * pinger, echo), not in latency or throughput, and its calls not in syscalls; each role reports
 * how many it saw as the event {@code warmup}.
 *
 * <p>This class takes the system calls a role made for its warm-up messages, without
 * allocating. By default (a sender, an echo, a reader of one writer, whose warm-up messages all
 * come before its measured ones) it subtracts the process's counts at "go" ({@link #start()})
 * from those after its last warm-up message ({@link #mark()}, taken after each one). A reader of
 * several writers sees their warm-ups interleave with measured messages (one writer is already
 * measuring while another still warms up), so that prefix would take measured calls too and push
 * syscalls per message below the mechanism's minimum (1.998 for a queue, whose minimum is one
 * msgsnd and one msgrcv); {@link #perMessage()} instead charges each warm-up message exactly the
 * calls made since the previous message ({@link #measured()} after each measured one).
 */
final class WarmupCalls {
    private final long[] atStart = new long[Syscalls.names()];
    private final long[] atMark = new long[Syscalls.names()];
    private final long[] now;
    private final long[] warm;
    private boolean marked;

    WarmupCalls() {
        this(false);
    }

    private WarmupCalls(boolean perMessage) {
        now = perMessage ? new long[Syscalls.names()] : null;
        warm = perMessage ? new long[Syscalls.names()] : null;
    }

    /** Exact attribution for a receiver whose warm-up and measured messages interleave. */
    static WarmupCalls perMessage() {
        return new WarmupCalls(true);
    }

    void start() {
        Syscalls.countsInto(atStart);
        if (now != null) Syscalls.countsInto(atMark);
    }

    /** After a warm-up message: the calls so far (per message: since the previous message) belong to the warm-up. */
    void mark() {
        marked = true;
        if (now == null) {
            Syscalls.countsInto(atMark);
            return;
        }
        Syscalls.countsInto(now);
        for (int i = 0; i < now.length; i++) {
            warm[i] += now[i] - atMark[i];
            atMark[i] = now[i];
        }
    }

    /**
     * After a message of either kind: {@link #mark()} for a warm-up one ({@code kind} 1, the seq's
     * warm-up bit), {@link #measured()} for a measured one (0). A stream reader calls this instead
     * of branching on the kind itself, and passes the bit, not a comparison (a branch in the caller):
     * the worker never inlines this method (WorkerCommand).
     *
     * <p>Nor does this method branch on the kind: an {@code if (kind != 0)} here, only ever true in
     * the warm-up, was compiled by C2 as an uncommon trap, which the first measured message took;
     * the reader then waited for this method's foreground recompilation, ~7 ms of a ~40 ms pipe
     * 4 KiB window (-Xlog:jit+compilation,deoptimization; issue 12, session 7). The loop runs
     * {@code mark()} {@code kind} times: its one condition is seen both true and false in every
     * warm-up call, so C2 compiles both ways. {@link #measured()} matters only with per-message
     * attribution, where warm-up and measured messages interleave from the start (both kinds
     * seen); otherwise its test of {@code now} is false in both phases.
     */
    void after(int kind) {
        for (int i = 0; i < kind; i++) mark();
        if (now != null && kind == 0) measured();
    }

    /** After a measured message (per-message attribution only): its calls are measured ones. */
    void measured() {
        if (now != null) Syscalls.countsInto(atMark);
    }

    /**
     * Reports the warm-up: its {@code messages} as the event {@code warmup} (when any), its calls in
     * {@code r.warmupSyscalls} (the worker main takes them out of the report's syscalls) and their
     * total in the event {@code warmup-syscalls}.
     */
    void fill(WorkerReport r, long messages) {
        if (messages > 0) r.event("warmup", messages);
        if (!marked) return;
        long total = 0;
        for (int i = 0; i < atStart.length; i++) {
            long n = warm != null ? warm[i] : atMark[i] - atStart[i];
            if (n <= 0) continue;
            r.warmupSyscalls.merge(Syscalls.name(i), n, Long::sum);
            total += n;
        }
        if (total > 0) r.event("warmup-syscalls", total);
    }
}
