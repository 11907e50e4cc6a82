package ipclab.engine.sys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The child JVM of {@link AffinityTest}: pins every thread of its process to the CPUs given, then
 * prints what the kernel says, one fact per line: {@code pinned N} (threads), {@code thread LIST}
 * (sched_getaffinity of the main thread), {@code status LIST} (Cpus_allowed_list of
 * /proc/self/status), {@code others LIST...} (every thread's set, distinct), and {@code started
 * LIST} (a thread started after the pin).
 */
public final class AffinityChild {
    private AffinityChild() {}

    public static void main(String[] args) throws Exception {
        CpuSet cpus = CpuSet.parse(args[0]);
        System.out.println("pinned " + (Affinity.setProcess(cpus) > 1 ? "many" : "one"));
        System.out.println("thread " + Affinity.ofThread());
        System.out.println("status " + allowed(Path.of("/proc/self/status")));
        java.util.Set<String> sets = new java.util.TreeSet<>();
        for (int tid : Affinity.threads()) {
            try {
                sets.add(Affinity.of(tid).toString());
            } catch (IpcException ended) {
                // ESRCH: the thread ended since the listing
            }
        }
        System.out.println("others " + String.join(" ", sets));
        String[] started = new String[1];
        Thread t =
                Thread.ofPlatform().start(() -> started[0] = Affinity.ofThread().toString());
        t.join();
        System.out.println("started " + started[0]);
        System.out.flush();
    }

    static String allowed(Path status) throws IOException {
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("Cpus_allowed_list:"))
                return line.substring("Cpus_allowed_list:".length()).strip();
        }
        return "?";
    }
}
