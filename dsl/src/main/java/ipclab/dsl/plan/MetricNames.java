package ipclab.dsl.plan;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The figures a run produces, by the names {@code expect:} claims use after a process group, a
 * replica or a channel name: {@code consumer.received}, {@code producer-2.sent},
 * {@code ring.latency.p99}. This class is the one list both the validator and the engine's
 * lookup use.
 *
 * <p>For a process group (several replicas) a figure is the sum over its replicas, except latency
 * figures (none on processes) which take the maximum. Times are in nanoseconds, except the
 * {@code *Ms} figures; sizes in bytes. Durations and sizes in claims ({@code 50us}, {@code 4KiB})
 * are converted to ns and bytes before comparing.
 */
public final class MetricNames {
    private MetricNames() {}

    /** Figures of a process or process group. {@code syscalls.<call>} is also valid, e.g. {@code syscalls.msgsnd}. */
    public static final List<String> PROCESS = List.of(
            "sent", // messages (or increments) done
            "received", // messages received
            "bytes", // payload bytes sent or received
            "exitCode", // the worker's exit status
            "userCpuMs",
            "sysCpuMs", // getrusage CPU time
            "voluntaryCtxSwitches",
            "involuntaryCtxSwitches",
            "minorFaults",
            "majorFaults",
            "spawnToReadyMs", // JVM start-up until the worker reported ready
            "syscalls"); // every native call the worker made

    /**
     * Prefix of a process's errors by errno: {@code errors.EIDRM} counts the calls that failed with
     * EIDRM (a removed object: a fault), {@code errors.EAGAIN} and {@code errors.ENOMSG} the retries
     * of IPC_NOWAIT calls. A process that saw none has 0.
     */
    public static final String ERRORS_PREFIX = "errors.";

    private static final Pattern ERRNO = Pattern.compile("E[A-Z0-9]+");

    /** Prefix of per-call syscall counts: {@code syscalls.msgsnd}. */
    public static final String SYSCALLS_PREFIX = "syscalls.";

    /** Figures of a channel. */
    public static final List<String> CHANNEL = List.of(
            "sent",
            "received",
            "lost",
            "duplicated",
            "corrupted",
            "reordered",
            "bytes",
            "setupNs", // creating the kernel object(s) and attaching / first touch
            "throughput.msgsPerSec",
            "throughput.mibPerSec",
            "latency.p50",
            "latency.p90",
            "latency.p99",
            "latency.p999",
            "latency.max", // ns
            "syscallsPerMessage",
            "lostToFaults"); // of lost: the messages a fault accounts for (a killed or stopped process, a removed or
    // filled channel)

    /** Figures of an shm channel whose processes are incrementers. */
    public static final List<String> COUNTER = List.of(
            "final", // the counter's value after the run
            "expected", // sum of all increments
            "lostUpdates"); // expected - final

    private static final Pattern CALL = Pattern.compile("[a-z_][a-z0-9_]*");

    /** Whether {@code metric} names a process figure. */
    public static boolean isProcessMetric(String metric) {
        return PROCESS.contains(metric)
                || metric.startsWith(SYSCALLS_PREFIX)
                        && CALL.matcher(metric.substring(SYSCALLS_PREFIX.length()))
                                .matches()
                || metric.startsWith(ERRORS_PREFIX)
                        && ERRNO.matcher(metric.substring(ERRORS_PREFIX.length()))
                                .matches();
    }

    /** Whether {@code metric} names a channel figure; {@code counter} when the channel has incrementers. */
    public static boolean isChannelMetric(String metric, boolean counter) {
        return CHANNEL.contains(metric) || counter && COUNTER.contains(metric);
    }

    /** The unit a figure is counted in: {@code ns} (latencies, setupNs), {@code bytes}, {@code ms} (the *Ms figures), or "" (a count). */
    public static String unit(String metric) {
        if (isLatency(metric) || metric.equals("setupNs")) return "ns";
        if (metric.equals("bytes")) return "bytes";
        if (metric.endsWith("Ms")) return "ms";
        return "";
    }

    /** Whether a figure is a latency (a group takes the maximum over replicas, not the sum). */
    public static boolean isLatency(String metric) {
        return metric.startsWith("latency.");
    }
}
