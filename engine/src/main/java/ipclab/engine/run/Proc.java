package ipclab.engine.run;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What /proc says about processes and System V objects: a process's start time (to tell a live
 * process from a reused pid), the system call a process is blocked in, and the rows of
 * /proc/sysvipc/{shm,msg,sem}.
 */
public final class Proc {
    private Proc() {}

    /** x86-64 system call numbers the engine can meet in a blocked worker. */
    private static final Map<Integer, String> SYSCALLS = Map.ofEntries(
            Map.entry(0, "read"),
            Map.entry(1, "write"),
            Map.entry(7, "poll"),
            Map.entry(23, "select"),
            Map.entry(35, "nanosleep"),
            Map.entry(42, "connect"),
            Map.entry(43, "accept"),
            Map.entry(44, "sendto"),
            Map.entry(45, "recvfrom"),
            Map.entry(46, "sendmsg"),
            Map.entry(47, "recvmsg"),
            Map.entry(2, "open"),
            Map.entry(64, "semget"),
            Map.entry(65, "semop"),
            Map.entry(68, "msgget"),
            Map.entry(69, "msgsnd"),
            Map.entry(70, "msgrcv"),
            Map.entry(202, "futex"),
            Map.entry(220, "semtimedop"),
            Map.entry(230, "clock_nanosleep"),
            Map.entry(232, "epoll_wait"),
            Map.entry(257, "open"),
            Map.entry(270, "pselect6"),
            Map.entry(271, "ppoll"),
            Map.entry(288, "accept4"),
            Map.entry(281, "epoll_pwait"),
            Map.entry(299, "recvmmsg"),
            Map.entry(307, "sendmmsg"),
            Map.entry(219, "restart_syscall"));

    /** Calls in which a thread waits on IPC (as opposed to the JVM's own waiting: futex, sleeps, polls). */
    private static final java.util.Set<String> IPC_WAITS = java.util.Set.of(
            "read",
            "write",
            "connect",
            "accept",
            "accept4",
            "sendto",
            "recvfrom",
            "sendmsg",
            "recvmsg",
            "open",
            "semop",
            "semtimedop",
            "msgsnd",
            "msgrcv",
            "recvmmsg",
            "sendmmsg");

    /** The name of an x86-64 system call number, or {@code syscall-<n>}. */
    public static String syscallName(int nr) {
        return SYSCALLS.getOrDefault(nr, "syscall-" + nr);
    }

    /** Field 22 of /proc/<pid>/stat (start time in clock ticks since boot), or empty if the process is gone. */
    public static OptionalLong startTime(long pid) {
        try {
            String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return OptionalLong.of(Long.parseLong(f[19]));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** True if pid runs and is the same process that started at startTime (not a reuse of its pid), and is not a zombie. */
    public static boolean alive(long pid, long startTime) {
        if (pid <= 0) return false;
        try {
            String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[19]) == startTime && !f[0].equals("Z") && !f[0].equals("X");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The IPC call a thread of pid is blocked in, e.g. {@code msgrcv}, scanning every task (the
     * JVM's main Java thread is not the first task). Reads on fd 0 (the control pipe) and the
     * JVM's own waits (futex, sleeps) do not count. Null if no thread waits on IPC.
     */
    public static String blockedIn(long pid) {
        Path tasks = Path.of("/proc/" + pid + "/task");
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(tasks)) {
            for (Path t : ds) {
                String line;
                try {
                    line = Files.readString(t.resolve("syscall")).trim();
                } catch (IOException e) {
                    continue;
                }
                if (line.isEmpty() || line.equals("running") || line.startsWith("-1")) continue;
                String[] f = line.split(" ");
                int nr;
                try {
                    nr = Integer.parseInt(f[0]);
                } catch (NumberFormatException e) {
                    continue;
                }
                String name = syscallName(nr);
                if (!IPC_WAITS.contains(name)) continue;
                if ((name.equals("read") || name.equals("write")) && f.length > 1) {
                    long fd = Long.parseUnsignedLong(f[1].substring(2), 16);
                    if (fd <= 2) continue; // the control pipe and the log
                }
                return name;
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /** This process's IPC namespace as {@code /proc/self/ns/ipc} names it, e.g. {@code ipc:[4026531839]}; "" if unknown. */
    public static String ipcNamespace() {
        return ipcNamespace(-1);
    }

    /** The IPC namespace of process pid (-1: this one), or "" if it cannot be read (another user's init). */
    static String ipcNamespace(long pid) {
        try {
            return Files.readSymbolicLink(Path.of("/proc/" + (pid < 0 ? "self" : Long.toString(pid)) + "/ns/ipc"))
                    .toString();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /**
     * SIGKILLs pid only if it is still the process that started at startTime (field 22 of its
     * stat; a reused pid is someone else) and runs as uid; waits up to 5 s for it to go.
     *
     * @return null if killed, else why not ({@code gone}, {@code pid reused}, ...)
     */
    static String killVerified(long pid, long startTime, int uid) {
        if (pid <= 1 || startTime < 0) return "no verifiable start time";
        if (!alive(pid, startTime)) return startTime(pid).isPresent() ? "pid reused by another process" : "gone";
        try {
            for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (l.startsWith("Uid:")
                        && Integer.parseInt(l.substring(4).trim().split("\\s+")[1]) != uid)
                    return "not ours (another uid)";
            }
        } catch (IOException | RuntimeException e) {
            return "gone";
        }
        java.util.Optional<ProcessHandle> h = ProcessHandle.of(pid);
        if (h.isEmpty()) return "gone";
        h.get().destroyForcibly();
        try {
            h.get().onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            // killed; not reaped by us (its parent is gone): init reaps it
        }
        return null;
    }

    /** The uid this JVM runs as. */
    public static int uid() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("Uid:"))
                    return Integer.parseInt(l.substring(4).trim().split("\\s+")[1]);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new IllegalStateException("no Uid line in /proc/self/status");
    }
}
