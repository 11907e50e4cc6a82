package ipclab.engine.role;

import ipclab.engine.sys.Syscalls;
import ipclab.engine.protocol.WorkerReport;

/**
 * The system calls a role made for its unmeasured warm-up messages: the process's counts at
 * "go" ({@link #start()}) subtracted from those after its last warm-up message ({@link #mark()},
 * taken after each one; no allocation). Exact when the warm-up messages come before every
 * measured one, as with one writer per channel (streams, pipes, a writer's own sends); a reader
 * of several writers whose warm-ups interleave with measured messages counts the measured calls
 * made before the last warm-up message as warm-up.
 */
final class WarmupCalls {
    private final long[] atStart = new long[Syscalls.names()];
    private final long[] atMark = new long[Syscalls.names()];
    private boolean marked;

    void start() { Syscalls.countsInto(atStart); }

    /** After a warm-up message: the calls so far belong to the warm-up. */
    void mark() {
        Syscalls.countsInto(atMark);
        marked = true;
    }

    /**
     * Puts the warm-up's calls in {@code r.warmupSyscalls} (the worker main takes them out of the
     * report's syscalls) and their total in the event {@code warmup-syscalls}.
     */
    void fill(WorkerReport r) {
        if (!marked) return;
        long total = 0;
        for (int i = 0; i < atStart.length; i++) {
            long n = atMark[i] - atStart[i];
            if (n <= 0) continue;
            r.warmupSyscalls.merge(Syscalls.name(i), n, Long::sum);
            total += n;
        }
        if (total > 0) r.event("warmup-syscalls", total);
    }
}
