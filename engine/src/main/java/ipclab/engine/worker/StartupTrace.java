package ipclab.engine.worker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Where a worker's start-up time goes, for diagnosis (bench/HISTORY.md "Session 4: start-up"):
 * {@link #mark} records {@code System.nanoTime()} at each phase of {@link WorkerMain} (an array
 * store, nothing else), and with {@code -Dipclab.startupTrace=FILE} (e.g. through
 * {@code IPCLAB_WORKER_XFLAGS}; {@code %p} in FILE becomes the pid) {@link #write} appends them to
 * FILE after "ready" was sent, with the JVM's CPU time so far. Without the property nothing is
 * written.
 */
final class StartupTrace {
    private StartupTrace() {}

    static final String PROPERTY = "ipclab.startupTrace";

    /** The phases, in the order a worker passes them; written as {@code spec-read} etc. */
    enum Phase {
        MAIN,
        TIED,
        SPEC_READ,
        SPEC_PARSED,
        PINNED,
        ROLE_MADE,
        STARTED,
        READY_SENT;

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private static final Phase[] PHASES = Phase.values();
    private static final long[] AT = new long[PHASES.length];
    private static boolean written;

    static void mark(Phase phase) {
        if (AT[phase.ordinal()] == 0) AT[phase.ordinal()] = System.nanoTime();
    }

    /**
     * Appends the marks to the file the property names, once, as milliseconds after {@code main}
     * (the JVM's own start to {@code main} is the report's spawnToReadyMs minus {@code ready-sent});
     * never fails the worker.
     */
    static void write() {
        String file = System.getProperty(PROPERTY);
        if (file == null || written || AT[Phase.READY_SENT.ordinal()] == 0) return;
        written = true;
        // the CPU time of the whole JVM (every thread) until now, just after "ready": on a loaded machine a
        // steadier figure than wall time (clock ticks: 10 ms)
        long cpuMs = ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(d -> d.toMillis())
                .orElse(-1L);
        long pid = ProcessHandle.current().pid();
        StringBuilder sb = new StringBuilder("pid ").append(pid).append(" cpu=").append(cpuMs);
        sb.append(" ms after main:");
        for (int i = 1; i < PHASES.length; i++)
            if (AT[i] != 0)
                sb.append(' ')
                        .append(PHASES[i].label())
                        .append('=')
                        .append(String.format(Locale.ROOT, "%.1f", (AT[i] - AT[Phase.MAIN.ordinal()]) / 1e6));
        sb.append('\n');
        try {
            Files.writeString(
                    Path.of(file.replace("%p", Long.toString(pid))),
                    sb,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException e) {
            System.err.println("ipclab worker: cannot write the start-up trace: " + e);
        }
    }
}
