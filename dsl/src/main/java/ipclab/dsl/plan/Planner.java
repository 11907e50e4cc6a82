package ipclab.dsl.plan;

import ipclab.dsl.model.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.Set;

/**
 * Turns a {@link Scenario} into the {@link Plan}s the engine runs, one per sweep combination,
 * after checking everything that can be checked before a kernel object exists: the Aeron-style
 * {@code conclude()} step. Defaults are filled in here and only here, from the constants below;
 * {@link ipclab.dsl.model.Key} describes each key's default for people (a test holds the two
 * together).
 *
 * <p>Resolved by the plan: a reader's {@code messages} is what all writers on its channel send
 * (each reader of a broadcast ring gets all of them; readers of a shared ring or a queue split
 * them); its {@code size} is the largest message on the channel; an echo's {@code messages} is
 * its pinger's warmup + messages.
 *
 * <p>Shared-memory ring geometry: the first {@value #SHM_CONTROL_BYTES} bytes of the segment are
 * the control block; the rest is split into {@code slots} slots of
 * {@code slotBytes = (segmentBytes - 4096) / slots} rounded down to a multiple of
 * {@value #SLOT_ALIGN}, and each slot starts with a {@value #SLOT_HEADER_BYTES}-byte header, so a
 * message fits when {@code size + 64 <= slotBytes}.
 *
 * <p>What the engine can run, checked here so that a scenario fails at its line, not in a worker:
 * a pipe has exactly one writer and one reader (or one pinger and one echo); round trips over shm
 * need slots &gt;= 2 (two lanes of slots / 2); a writer's or pinger's mtype is below 2^32 (the
 * replies to pingers use the types above); an shm ring has at most {@value #MAX_RING_READERS}
 * readers; segments and messages have at most {@value #MAX_BUFFER_BYTES} bytes; a unix datagram is
 * at most {@value #MAX_UNIX_DGRAM} bytes and at most wmem_default - {@value #UNIX_DGRAM_OVERHEAD};
 * a channel's semaphore set (shm with sync semaphore: {@value #RING_LANE_SEMAPHORES} + one per
 * reader, per lane; msgq: {@value #MSGQ_SEMAPHORES}) has at most semmsl semaphores.
 */
public final class Planner {
    private Planner() {}

    /** A scenario's name: what reports and traces are named after. */
    public static final String SCENARIO_NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9-]{0,63}";
    /** A channel's or a process's name. */
    public static final String NAME_PATTERN = "[A-Za-z][A-Za-z0-9_-]{0,39}";

    public static final long DEFAULT_SEED = 1;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final long DEFAULT_MESSAGES = 1000;
    /** Most messages one writer, pinger or incrementer may be given (readers' ledgers are bounded whatever the count, but the supervisor's end-of-run check visits every sequence number). */
    public static final long MAX_MESSAGES = 100_000_000;

    public static final long DEFAULT_SIZE = 64;
    public static final long MIN_MESSAGE_BYTES = 32;
    public static final long DEFAULT_SHM_SIZE = 64 * 1024;
    public static final int DEFAULT_SLOTS = 16;
    public static final int MAX_SLOTS = 1 << 16;
    public static final long MIN_WARMUP = 100;
    public static final int MAX_PROCESSES = 64;
    /** The shm segment's control block: its first page. */
    public static final long SHM_CONTROL_BYTES = 4096;
    /** Each ring slot's header before the payload. */
    public static final long SLOT_HEADER_BYTES = 64;
    /** Slots are a whole number of cache lines. */
    public static final long SLOT_ALIGN = 64;
    /** POSIX PIPE_BUF on Linux: writes up to this size are atomic. */
    public static final long PIPE_BUF = 4096;
    /**
     * Largest message and largest shm segment, 2 GiB - 1. A message: its header holds its length as
     * an int, and the engine sums a large one through a {@code ByteBuffer} view, whose size is an
     * int. A segment: one this large already holds the largest message, and the engine's rings are
     * not tried with larger ones.
     */
    public static final long MAX_BUFFER_BYTES = Integer.MAX_VALUE;
    /** Most readers on one shm ring (lane): its control block has this many reader cursors (the engine's RingDescriptor.MAX_READERS). */
    public static final int MAX_RING_READERS = 128;
    /** Largest mtype a writer or pinger may send: the engine's replies to pingers use types from 2^32 up. */
    public static final long MAX_MTYPE = (1L << 32) - 1;
    /** Semaphores in a msgq channel's set: [senders still running, end token]. */
    public static final int MSGQ_SEMAPHORES = 2;
    /** Semaphores per lane of an shm ring with sync semaphore, besides one 'full' per reader: two mutexes and 'empty'. */
    public static final int RING_LANE_SEMAPHORES = 3;
    /**
     * Largest AF_UNIX datagram ipclab sends, whatever the send buffer: a larger one needs a
     * physically contiguous kernel buffer of more than 16 KiB and may fail with ENOBUFS.
     */
    public static final long MAX_UNIX_DGRAM = 64 * 1024;
    /** The kernel refuses an AF_UNIX datagram larger than the socket's send buffer minus this (EMSGSIZE). */
    public static final long UNIX_DGRAM_OVERHEAD = 32;
    /** 65535 - 8 (UDP header) - 20 (IPv4 header). */
    public static final long MAX_UDP_PAYLOAD = 65507;
    /** Linux's MSGMNB, used only when /proc/sys/kernel/msgmnb cannot be read. */
    public static final long FALLBACK_MSGMNB = 16384;

    /**
     * Everything wrong (empty when the scenario is sound) and the plans (empty when not).
     * Problems that only some sweep combinations have say which combination, and point at the
     * swept value when the problem is at a swept path.
     */
    public record Outcome(List<Plan> plans, List<Problem> problems, List<Skipped> skipped) {
        public Outcome(List<Plan> plans, List<Problem> problems) {
            this(plans, problems, List.of());
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * A sweep combination this machine cannot run, only because of one of its limits (a message
     * beyond msgmax): the sweep runs the others, and a comparison's cell says why this one is empty.
     *
     * @param params the combination, as {@link Plan#params()}
     * @param reason {@code not possible on this machine (msgmax = 8192)}
     */
    public record Skipped(Map<String, String> params, String reason) {
        public Skipped {
            params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }
    }

    /** Checks a scenario against these kernel limits and plans it. */
    public static Outcome plan(Scenario s, KernelLimits limits) {
        List<Problem> base = Sweep.check(s);
        if (!base.isEmpty()) { // report the sweep's problems and those of the scenario as written
            List<Problem> all = new ArrayList<>(base);
            all.addAll(Concluder.conclude(s, limits, Map.of()).problems());
            return new Outcome(List.of(), List.copyOf(all));
        }
        List<SequencedMap<String, String>> combos = Sweep.combinations(s);
        List<Plan> plans = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Map<Problem, Integer> seen = new LinkedHashMap<>(); // problem -> how many combinations had it
        Map<Problem, SequencedMap<String, String>> firstCombo = new LinkedHashMap<>();
        for (SequencedMap<String, String> combo : combos) {
            Scenario applied = Sweep.apply(s, combo);
            Concluder.Outcome o = Concluder.conclude(applied, limits, combo);
            if (o.plan() != null) plans.add(o.plan());
            if (o.plan() == null && combos.size() > 1 && o.problems().stream().allMatch(p -> p.limit() != null)) {
                skipped.add(new Skipped(combo, o.problems().getFirst().limit()));
                continue;
            }
            for (Problem p : new LinkedHashSet<>(o.problems())) {
                seen.merge(p, 1, Integer::sum);
                firstCombo.putIfAbsent(p, combo);
            }
        }
        List<Problem> problems = new ArrayList<>();
        Set<String> reported = new LinkedHashSet<>();
        for (var e : seen.entrySet()) {
            Problem p = e.getKey();
            if (e.getValue() == combos.size() - skipped.size()) {
                if (reported.add(p.path() + "\u0000" + p.message())) problems.add(p);
                continue;
            }
            SequencedMap<String, String> combo = firstCombo.get(p);
            String where = p.path();
            boolean atKey = p.atKey();
            for (var c : combo.entrySet()) {
                if (p.path().equals(c.getKey()) || p.path().startsWith(c.getKey() + ".")) {
                    where = "sweep." + c.getKey() + "["
                            + s.sweep().get(c.getKey()).indexOf(c.getValue()) + "]";
                    atKey = false;
                }
            }
            List<String> with = new ArrayList<>();
            combo.forEach((k, v) -> with.add(k + "=" + v));
            String message = (where.equals(p.path()) ? "" : p.path() + ": ") + p.message() + " (in the sweep run with "
                    + String.join(", ", with) + ")";
            if (reported.add(where + "\u0000" + message))
                problems.add(new Problem(where, atKey, message, p.missingPartner()));
        }
        if (problems.isEmpty() && plans.isEmpty() && !skipped.isEmpty()) {
            problems.add(Problem.key(
                    "sweep",
                    "no combination of the sweep can run on this machine: "
                            + skipped.getFirst().reason()));
        }
        problems.addAll(Comparing.check(s));
        return problems.isEmpty()
                ? new Outcome(List.copyOf(plans), List.of(), List.copyOf(skipped))
                : new Outcome(List.of(), List.copyOf(problems));
    }
}
