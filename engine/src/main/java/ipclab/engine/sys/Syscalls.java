package ipclab.engine.sys;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts every native call this package makes that enters the kernel, per call name, for the
 * whole process, so that the engine can report system calls per message.
 *
 * <h2>What is counted</h2>
 * Each attempt counts once, before the call, whatever its outcome: a {@code msgsnd} that fails
 * with EAGAIN still entered the kernel. Names are the ones {@code strace -f -c} prints, so that
 * the two can be compared:
 * <ul>
 *   <li>{@code send}/{@code recv} count as {@code sendto}/{@code recvfrom} (glibc's send and recv
 *       are those system calls on x86-64);</li>
 *   <li>{@link Pipes#open} counts as {@code openat}, {@link Pipes#mkfifo} as {@code mknodat},
 *       {@link Ipc#ftok} as {@code newfstatat} (ftok stats the file);</li>
 *   <li><b>{@code semop} is the exception</b>: glibc's semop is the {@code semtimedop} system call,
 *       which is what strace shows; the counter keeps the name {@code semop} because that is the
 *       operation people read in the lecture notes. Compare it with strace's {@code semtimedop}.</li>
 * </ul>
 * Calls that never enter the kernel (strerror) are not counted. glibc's setuid/setgid in a
 * multi-threaded process make one system call per thread; the counter counts the library call.
 *
 * <h2>Threading and cost</h2>
 * Each thread counts into its own array with a plain {@code long} increment (no atomics, no
 * allocation, no contention), so counting is exact however many threads call. {@link #snapshot()}
 * sums every thread's array with plain reads: it is exact for threads that have finished or
 * synchronised with the caller (e.g. joined), and may lag by a few calls for threads still running.
 * {@link #reset()} is exact only while no other thread makes calls.
 */
public final class Syscalls {
    private Syscalls() {}

    static final int SHMGET = 0,
            SHMAT = 1,
            SHMDT = 2,
            SHMCTL = 3,
            MSGGET = 4,
            MSGSND = 5,
            MSGRCV = 6,
            MSGCTL = 7,
            SEMGET = 8,
            SEMOP = 9,
            SEMCTL = 10,
            SOCKET = 11,
            BIND = 12,
            LISTEN = 13,
            ACCEPT = 14,
            CONNECT = 15,
            SENDTO = 16,
            RECVFROM = 17,
            GETSOCKNAME = 18,
            SETSOCKOPT = 19,
            GETSOCKOPT = 20,
            SHUTDOWN = 21,
            CLOSE = 22,
            PIPE2 = 23,
            MKNODAT = 24,
            OPENAT = 25,
            READ = 26,
            WRITE = 27,
            UNLINK = 28,
            NEWFSTATAT = 29,
            GETRUSAGE = 30,
            GETUID = 31,
            SETUID = 32,
            SETGID = 33,
            GETPID = 34,
            FCNTL = 35,
            KILL = 36;

    static final String[] NAMES = {
        "shmget",
        "shmat",
        "shmdt",
        "shmctl",
        "msgget",
        "msgsnd",
        "msgrcv",
        "msgctl",
        "semget",
        "semop",
        "semctl",
        "socket",
        "bind",
        "listen",
        "accept",
        "connect",
        "sendto",
        "recvfrom",
        "getsockname",
        "setsockopt",
        "getsockopt",
        "shutdown",
        "close",
        "pipe2",
        "mknodat",
        "openat",
        "read",
        "write",
        "unlink",
        "newfstatat",
        "getrusage",
        "getuid",
        "setuid",
        "setgid",
        "getpid",
        "fcntl",
        "kill",
    };

    /** Counts one attempt of {@code call} by the current thread; returns its state for the call itself. */
    static Native.PerThread count(int call) {
        Native.PerThread t = Native.state();
        t.counts[call]++;
        return t;
    }

    /** The calls made so far by this process, by name, in a fixed order; only non-zero counts. */
    public static Map<String, Long> snapshot() {
        long[] sum = new long[NAMES.length];
        for (Native.PerThread t : Native.ALL) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += t.counts[i];
            }
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < sum.length; i++) {
            if (sum[i] != 0) {
                out.put(NAMES[i], sum[i]);
            }
        }
        return out;
    }

    /** How many call names there are: the length {@link #countsInto(long[])} fills. */
    public static int names() {
        return NAMES.length;
    }

    /** The name of call {@code i} (as in {@link #snapshot()}). */
    public static String name(int i) {
        return NAMES[i];
    }

    /**
     * Sums every thread's counts into {@code into} (by call, {@link #name(int)}; at least
     * {@link #names()} long), overwriting it, without allocating: for marks taken on a hot path.
     */
    public static void countsInto(long[] into) {
        Arrays.fill(into, 0, NAMES.length, 0L);
        for (int k = 0, n = Native.ALL.size(); k < n; k++) {
            long[] c = Native.ALL.get(k).counts;
            for (int i = 0; i < NAMES.length; i++) into[i] += c[i];
        }
    }

    /** The count for one call name (as in {@link #snapshot()}), 0 when never called. */
    public static long count(String name) {
        Long n = snapshot().get(name);
        return n == null ? 0 : n;
    }

    /** The sum of all counts. */
    public static long total() {
        return snapshot().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Zeroes every counter (exact only while no other thread is making calls). */
    public static void reset() {
        for (Native.PerThread t : Native.ALL) {
            Arrays.fill(t.counts, 0L);
        }
    }
}
