package ipclab.engine.protocol;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one worker process tells the supervisor at the end of a run. Roles fill in the traffic
 * and correctness fields; the worker's main fills in syscalls and rusage. The worker carries it
 * to the supervisor as one JSON line ({@link Wire#report(WorkerReport)}, read back with {@link Wire#report(java.util.Map)}).
 *
 * <p>Mutable on purpose: roles count into it on the hot path without allocating.
 */
public final class WorkerReport {
    public String name;
    public String role;
    public String channel;

    // traffic
    public long sent;
    public long received;
    public long bytesSent;
    public long bytesReceived;
    /** increments done (incrementer). */
    public long increments;

    // correctness seen by this receiver (loss and duplicates are decided by the supervisor from every receiver's
    // receivedSeqs)
    public long corrupted;
    public long reordered;
    /** writer index (PlannedProcess.index) -> what this process received from that writer (bounded, see {@link ReceivedSeqs}). */
    public final Map<Integer, ReceivedSeqs> receivedSeqs = new LinkedHashMap<>();
    /** messages seen twice by this same receiver. */
    public long duplicatedLocally;

    /** one-way (reader) or round-trip (pinger) latency in ns; null when the role measures none. */
    public Histogram latency;

    /** System.nanoTime() (CLOCK_MONOTONIC, comparable across processes) of the first and last measured operation. */
    public long firstOpNanos;

    public long lastOpNanos;

    /** setup (before READY) and teardown costs by step: shmget, shmat, first-touch, msgget, connect, shmdt... in ns. */
    public final Map<String, Long> setupNanos = new LinkedHashMap<>();

    public final Map<String, Long> teardownNanos = new LinkedHashMap<>();

    /** named events: EAGAIN and ENOMSG retries, backoff sleeps, UDP drops, torn reads... */
    public final Map<String, Long> events = new LinkedHashMap<>();

    // filled by the worker main
    /** System calls by name, warm-up ({@link #warmupSyscalls}) excluded: the calls of the measured messages. */
    public final Map<String, Long> syscalls = new LinkedHashMap<>();
    /**
     * The calls a role made for its unmeasured warm-up messages (filled by the role, not sent to
     * the supervisor: their total travels as the event {@code warmup-syscalls}); the worker main
     * takes them out of {@link #syscalls}.
     */
    public final Map<String, Long> warmupSyscalls = new LinkedHashMap<>();

    public long userCpuMicros;
    public long sysCpuMicros;
    public long voluntaryCtxSwitches;
    public long involuntaryCtxSwitches;
    public long minorFaults;
    /**
     * The CPUs the worker ran on, read back with sched_getaffinity after it pinned itself (the
     * kernel's list format, {@code 1} or {@code 0-1}); unpinned, the set it inherited.
     */
    public String cpus = "";

    public long majorFaults;

    public void event(String name, long n) {
        events.merge(name, n, Long::sum);
    }
}
