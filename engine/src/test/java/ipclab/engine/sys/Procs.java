package ipclab.engine.sys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Test helpers that look at another process through /proc. */
final class Procs {
    private Procs() {}

    /** x86-64 system call numbers, as /proc/PID/task/TID/syscall shows them. */
    static final int SYS_MSGRCV = 70, SYS_SEMTIMEDOP = 220;

    /**
     * Waits until a thread of {@code pid} is blocked in system call {@code nr}: proof that the
     * other process really waits in the kernel, not merely that it said it would.
     */
    static void awaitBlockedIn(long pid, int nr, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        String prefix = nr + " ";
        while (System.currentTimeMillis() < deadline) {
            try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        if (firstLine(task.resolve("syscall")).startsWith(prefix)) {
                            return;
                        }
                    } catch (IOException gone) {
                        // the thread ended meanwhile
                    }
                }
            } catch (IOException e) {
                throw new AssertionError("process " + pid + " is gone: " + e);
            }
            Thread.sleep(20);
        }
        throw new AssertionError(
                "process " + pid + " did not block in system call " + nr + " within " + timeoutMillis + " ms");
    }

    /**
     * The first line of a /proc file. Not Files.readString or readAllBytes: on JDK 25 they return
     * only the first byte of /proc/sys/kernel/msgmax ("8" for 8192), as procfs reports size 0.
     */
    static String firstLine(Path file) throws IOException {
        try (var r = Files.newBufferedReader(file)) {
            String line = r.readLine();
            return line == null ? "" : line;
        }
    }

    static long procLimit(String name) {
        try {
            return Long.parseLong(firstLine(Path.of("/proc/sys/kernel", name)).trim());
        } catch (IOException e) {
            throw new AssertionError("cannot read /proc/sys/kernel/" + name, e);
        }
    }
}
