package ipclab.engine.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import ipclab.engine.channel.ObjectKind;
import ipclab.engine.protocol.MessageCounts;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one run, as written by {@link ReportJson}. The JSON keys of these records are a
 * contract (issue 4, "Output"): top level {@code scenario, seed, ok, durationMs, host, processes,
 * channels, counters, leaks, expectations}, plus {@code failures} and, in a sweep, {@code params}.
 *
 * @param ok         no failure and every expectation held
 * @param durationMs from the start barrier to the last worker's exit
 * @param leaks      what /proc/sysvipc (or the file system) still held of this run's objects after cleanup
 * @param failures   who died, who blocked, what leaked, unexpected loss
 * @param params     the sweep combination (empty without a sweep)
 * @param kept       {@link RunOptions#keep()}: the System V objects the run left in the kernel on purpose (not leaks);
 *                   absent from the JSON when empty
 * @param faults     the scenario's faults, each with when it acted and what it did (absent without faults); the
 *                   errors each process saw are its {@code events} named {@code errors.<ERRNO>}
 */
public record RunReport(
        String scenario,
        long seed,
        boolean ok,
        long durationMs,
        Host host,
        List<ProcessFigures> processes,
        List<ChannelFigures> channels,
        Map<String, Counter> counters,
        List<String> leaks,
        List<ExpectationResult> expectations,
        List<Failure> failures,
        Map<String, String> params,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<TraceEntry> trace,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Kept> kept,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Injected> faults) {

    public RunReport {
        // a report read back from JSON written by an older ipclab may lack a key: absent means none
        processes = processes == null ? List.of() : processes;
        channels = channels == null ? List.of() : channels;
        counters = counters == null ? Map.of() : counters;
        leaks = leaks == null ? List.of() : leaks;
        expectations = expectations == null ? List.of() : expectations;
        failures = failures == null ? List.of() : failures;
        params = params == null ? Map.of() : params;
        trace = trace == null ? List.of() : trace;
        kept = kept == null ? List.of() : List.copyOf(kept);
        faults = faults == null ? List.of() : List.copyOf(faults);
    }

    /**
     * A fault of the scenario and what became of it.
     *
     * @param index  its place under {@code faults:}
     * @param fault  what and when, as planned ({@code kill producer after 1000 messages})
     * @param action kill, stop, cont, delay, remove or fill
     * @param target the process, or {@code channel <name>}
     * @param atMs   when it acted, in ms after the start barrier; null when it did not (or, delay, acts throughout)
     * @param result what was done ({@code SIGKILL to pid 4242}, {@code msgctl(IPC_RMID) of msg id 7}) or why not
     */
    public record Injected(
            int index,
            String fault,
            String action,
            String target,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long atMs,
            String result) {}

    /** How the run ended: ok, a claim refuted, or failed. Not a JSON key ({@code ok} and {@code failures} say it). */
    @JsonIgnore
    public Outcome outcome() {
        return Outcome.of(this);
    }

    /**
     * A System V object a kept run left in the kernel.
     *
     * @param kind              shm, msg or sem
     * @param markedForRemoval  shm only (null otherwise): IPC_RMID was done already (at the start barrier), so the
     *                          kernel frees the segment at its last detach: it is gone once the workers exited
     */
    public record Kept(
            ObjectKind kind,
            int id,
            int key,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean markedForRemoval) {}

    /** The machine: kernel release, CPUs, Java version. */
    public record Host(String kernel, int cpus, String java) {}

    /**
     * One worker process. CPU in ms (getrusage: the whole process). syscalls: as counted by the
     * bindings, by call name, in the run window only: from "go" to the end of the role's work; the
     * setup before "ready" (shmat, socket, connect...) and the teardown after (shmdt, close...)
     * are not in it (they are timed in setupNs and teardownNs). cpus: the CPUs the worker ran on
     * (the kernel's list format, read back after pinning; {@code pinned} when the scenario named them).
     * readyAtMs: from the run's first spawn to this worker's "ready" (workers are spawned one after
     * another, so the largest is the time until all were ready; spawnToReadyMs is the worker's own).
     */
    public record ProcessFigures(
            String name,
            String role,
            String channel,
            long pid,
            Integer exitCode,
            double userCpuMs,
            double sysCpuMs,
            long voluntaryCtxSwitches,
            long involuntaryCtxSwitches,
            long minorFaults,
            long majorFaults,
            Map<String, Long> syscalls,
            double spawnToReadyMs,
            long sent,
            long received,
            Map<String, Long> setupNs,
            Map<String, Long> teardownNs,
            Map<String, Long> events,
            String cpus,
            boolean pinned,
            double readyAtMs) {}

    /**
     * One channel. received counts every intact delivery (broadcast: once per reader); bytes are
     * bytes delivered; syscallsPerMessage is every system call the channel's processes made through
     * the bindings in their run windows (from "go" to the end of their work: no setup, no
     * teardown, no supervisor) per message sent (incrementers: per increment). setupNs sums {@code setup}: the supervisor's
     * steps (shmget, shmat, first-touch, msgget...) and the workers' (shmat, connect...), summed over
     * workers; teardown likewise (shmdt, close...).
     */
    public record ChannelFigures(
            String name,
            String type,
            @JsonUnwrapped MessageCounts counts,
            long setupNs,
            Throughput throughput,
            Latency latencyNs,
            double syscallsPerMessage,
            boolean lossExpected,
            Map<String, Long> setup,
            Map<String, Long> teardown) {}

    public record Throughput(double msgsPerSec, double mibPerSec) {}

    public record Latency(long p50, long p90, long p99, long p999, long max) {}

    /** A counter in shared memory that incrementers add to. */
    public record Counter(@JsonProperty("final") long finalValue, long expected, long lostUpdates) {}

    /** An {@code expect:} claim and what the run showed. */
    public record ExpectationResult(String text, boolean ok, String actual) {}

    /**
     * Something that makes the run fail.
     *
     * @param kind    why (written died | blocked | timeout | loss | leak | stopped | cleanup | engine | deadlock | replay)
     * @param process the process concerned, or null
     * @param atMs    ms after the start of the run (spawning) when it was seen
     * @param log     the last lines of the process's stderr, when it died
     */
    public record Failure(
            FailureKind kind,
            String process,
            String message,
            long atMs,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> log) {}
}
