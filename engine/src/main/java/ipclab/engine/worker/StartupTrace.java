package ipclab.engine.worker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Where a worker's start-up time goes, for diagnosis (bench/README.md "Session 4: start-up"):
 * {@link #mark} records {@code System.nanoTime()} at each phase of {@link WorkerMain} (an array
 * store, nothing else), and with {@code -Dipclab.startupTrace=FILE} (e.g. through
 * {@code IPCLAB_WORKER_XFLAGS}; {@code %p} in FILE becomes the pid) {@link #write} appends them to
 * FILE after "ready" was sent, with the JVM's CPU time so far. Without the property nothing is
 * written.
 */
final class StartupTrace {
    private StartupTrace() {}

    static final String PROPERTY = "ipclab.startupTrace";

    /** The phases, in the order a worker passes them. */
    static final String[] PHASES = {
        "main", "tied", "spec-read", "spec-parsed", "pinned", "role-made", "started", "ready-sent"
    };

    static final int MAIN = 0,
            TIED = 1,
            SPEC_READ = 2,
            SPEC_PARSED = 3,
            PINNED = 4,
            ROLE_MADE = 5,
            STARTED = 6,
            READY_SENT = 7;

    private static final long[] AT = new long[PHASES.length];
    private static boolean written;

    static void mark(int phase) {
        if (AT[phase] == 0) AT[phase] = System.nanoTime();
    }

    /**
     * Appends the marks to the file the property names, once, as milliseconds after {@code main}
     * (the JVM's own start to {@code main} is the report's spawnToReadyMs minus {@code ready-sent});
     * never fails the worker.
     */
    static void write() {
        String file = System.getProperty(PROPERTY);
        if (file == null || written || AT[READY_SENT] == 0) return;
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
                        .append(PHASES[i])
                        .append('=')
                        .append(String.format(Locale.ROOT, "%.1f", (AT[i] - AT[MAIN]) / 1e6));
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
