package ipclab.dsl.plan;

import ipclab.dsl.expect.Claim;
import ipclab.dsl.expect.ClaimSyntaxException;
import ipclab.dsl.model.ByteSize;
import ipclab.dsl.model.ChannelSpec;
import ipclab.dsl.model.ChannelType;
import ipclab.dsl.model.Durations;
import ipclab.dsl.model.Fanout;
import ipclab.dsl.model.Names;
import ipclab.dsl.model.ProcessSpec;
import ipclab.dsl.model.QueueMode;
import ipclab.dsl.model.Role;
import ipclab.dsl.model.Scenario;
import ipclab.dsl.model.SocketDomain;
import ipclab.dsl.model.Suggestions;
import ipclab.dsl.model.Sync;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SequencedMap;
import java.util.regex.Pattern;

/**
 * Checks one scenario (one sweep combination) and, when it is sound, fills in every default to
 * make a {@link Plan}: the {@code conclude()} of this project. Defaults live here and only here;
 * see {@link Planner} for the list.
 */
final class Concluder {
    private static final Pattern SCENARIO_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,39}");

    private final Scenario s;
    private final KernelLimits limits;
    private final List<Problem> problems = new ArrayList<>();

    private Concluder(Scenario s, KernelLimits limits) { this.s = s; this.limits = limits; }

    /** Problems of this scenario; and its plan when there are none. */
    record Outcome(Plan plan, List<Problem> problems) {}

    static Outcome conclude(Scenario s, KernelLimits limits, Map<String, String> params) {
        Concluder c = new Concluder(s, limits);
        Plan p = c.run(params);
        return new Outcome(c.problems.isEmpty() ? p : null, List.copyOf(c.problems));
    }

    private Plan run(Map<String, String> params) {
        if (!SCENARIO_NAME.matcher(s.name()).matches()) {
            problems.add(Problem.value("name", "'" + s.name() + "' is not a valid scenario name; use letters, digits and '-' (at most 64), e.g. shm-vs-msgq"));
        }
        long seed = s.seed() == null ? Planner.DEFAULT_SEED : s.seed();
        Duration timeout = s.timeout() == null ? Planner.DEFAULT_TIMEOUT : s.timeout();
        if (timeout.isZero() || timeout.isNegative()) problems.add(Problem.value("timeout", "timeout=" + Durations.format(timeout) + " must be positive, e.g. 30s"));
        if (s.channels().isEmpty()) problems.add(Problem.key("channels", "no channels; add one, e.g. 'q: {type: msgq}'"));
        if (s.processes().isEmpty()) problems.add(Problem.key("processes", "no processes; add a writer and a reader, e.g. 'w: {role: writer, channel: q}'"));

        // ---- names ----
        for (String c : s.channels().keySet()) {
            if (!NAME.matcher(c).matches()) problems.add(Problem.key("channels." + c, "'" + c + "' is not a valid name; start with a letter, then letters, digits, '-' or '_' (at most 40)"));
        }
        Map<String, String> owner = new LinkedHashMap<>();   // every process and replica name -> its group
        for (ProcessSpec p : s.processes().values()) {
            String path = "processes." + p.name();
            if (!NAME.matcher(p.name()).matches()) problems.add(Problem.key(path, "'" + p.name() + "' is not a valid name; start with a letter, then letters, digits, '-' or '_' (at most 40)"));
            if (s.channels().containsKey(p.name())) problems.add(Problem.key(path, "'" + p.name() + "' names both a channel and a process; claims in expect: could not tell them apart, so rename one"));
        }
        for (ProcessSpec p : s.processes().values()) {
            int n = p.replicas() == null ? 1 : p.replicas();
            for (String r : replicaNames(p.name(), n)) {
                String prev = owner.putIfAbsent(r, p.name());
                if (prev != null && !r.equals(p.name())) {
                    problems.add(Problem.key("processes." + (prev.equals(r) ? p.name() : prev),
                            "replica name '" + r + "' of " + p.name() + " clashes with process " + prev + "; rename one"));
                } else if (prev != null) {
                    problems.add(Problem.key("processes." + p.name(), "process name '" + r + "' clashes with a replica of " + prev + "; rename one"));
                }
            }
        }

        // ---- processes, before channels (channels need the largest message) ----
        long total = 0;   // a long: replicas near Integer.MAX_VALUE in several groups must not wrap round
        for (ProcessSpec p : s.processes().values()) total += p.replicas() == null ? 1 : Math.max(1, p.replicas());
        if (total > Planner.MAX_PROCESSES) {
            problems.add(Problem.key("processes", total + " processes after replicas; at most " + Planner.MAX_PROCESSES + " are allowed"));
        }
        for (ProcessSpec p : s.processes().values()) checkProcess(p, timeout);

        // ---- channels and topology ----
        List<PlannedChannel> channels = new ArrayList<>();
        for (ChannelSpec c : s.channels().values()) {
            PlannedChannel pc = channel(c);
            if (pc != null) channels.add(pc);
        }

        // ---- processes planned ----
        List<PlannedProcess> processes = new ArrayList<>();
        for (ProcessSpec p : s.processes().values()) {
            if (total > Planner.MAX_PROCESSES) break;   // refused above; expanding a billion replicas would hang
            if (p.channel() == null || !s.channels().containsKey(p.channel())) continue;
            int n = p.replicas() == null ? 1 : Math.max(1, p.replicas());
            List<String> names = replicaNames(p.name(), n);
            for (int i = 0; i < n; i++) {
                processes.add(new PlannedProcess(names.get(i), p.name(), i + 1, processes.size(), p.role(), p.channel(),
                        messages(p), durationNanos(p), size(p), p.rate() == null ? 0 : p.rate().perSecond(), mtype(p), warmup(p)));
            }
        }

        // ---- claims ----
        List<Expectation> expectations = new ArrayList<>();
        Map<String, String> subjects = new LinkedHashMap<>();     // groups first, then replicas: what claims may name
        for (String g : s.processes().keySet()) subjects.put(g, g);
        subjects.putAll(owner);
        for (int i = 0; i < s.expect().size(); i++) {
            Expectation e = claim(i, s.expect().get(i), subjects);
            if (e != null) expectations.add(e);
        }
        if (!problems.isEmpty()) return null;
        return new Plan(s, params, seed, timeout, channels, processes, expectations);
    }

    static List<String> replicaNames(String name, int n) {
        if (n <= 1) return List.of(name);
        List<String> out = new ArrayList<>();
        // past MAX_PROCESSES the scenario is refused anyway: the names are only for messages, and
        // making all of replicas=2000000000 would exhaust memory
        for (int i = 1; i <= Math.min(n, Planner.MAX_PROCESSES + 1); i++) out.add(name + "-" + i);
        return out;
    }

    // ---------------------------------------------------------------- processes

    private void checkProcess(ProcessSpec p, Duration timeout) {
        String path = "processes." + p.name();
        Role r = p.role();
        if (p.channel() == null) {
            problems.add(Problem.key(path, "'channel' is missing; the name of one of the channels: " + String.join(", ", s.channels().keySet())));
        } else if (!s.channels().containsKey(p.channel())) {
            problems.add(Problem.value(path + ".channel", "no channel '" + p.channel() + "'" + Suggestions.didYouMean(p.channel(), s.channels().keySet())
                    + " (channels: " + String.join(", ", s.channels().keySet()) + ")"));
        } else {
            ChannelSpec c = s.channels().get(p.channel());
            if (r == Role.INCREMENTER && c.type() != ChannelType.SHM) {
                problems.add(Problem.value(path + ".role", "an incrementer adds to a counter in shared memory: its channel must be of type shm, and " + p.channel() + " is " + Names.yaml(c.type())));
            }
            if (p.mtype() != null && c.type() != ChannelType.MSGQ) {
                problems.add(Problem.key(path + ".mtype", "mtype applies to msgq channels only; " + p.channel() + " is " + Names.yaml(c.type())));
            }
        }
        if (p.replicas() != null && p.replicas() < 1) problems.add(Problem.value(path + ".replicas", "replicas=" + p.replicas() + " must be at least 1"));
        boolean sender = r == Role.WRITER || r == Role.PINGER || r == Role.INCREMENTER;
        if (!sender) {
            for (String k : List.of("messages", "duration", "size", "rate")) {
                if (p.get(k) != null) {
                    problems.add(Problem.key(path + "." + k, "a" + (r == Role.ECHO ? "n echo" : " reader") + " does not take '" + k + "': it handles what its "
                            + (r == Role.ECHO ? "pinger" : "writers") + " send; set " + k + " on the " + (r == Role.ECHO ? "pinger" : "writer")));
                }
            }
        }
        if (r == Role.INCREMENTER) {
            for (String k : List.of("size", "mtype")) {
                if (p.get(k) != null) problems.add(Problem.key(path + "." + k, "an incrementer does not take '" + k + "': it adds 1 to an 8-byte counter 'messages' times"));
            }
        }
        if (r == Role.ECHO && p.mtype() != null) {
            problems.add(Problem.key(path + ".mtype", "an echo answers its pinger's messages; set mtype on the pinger"));
        }
        if (p.warmup() != null && r != Role.PINGER && r != Role.WRITER) {
            problems.add(Problem.key(path + ".warmup", "warmup applies to pingers and writers only (unmeasured messages before the measured ones)"));
        }
        if (p.messages() != null && p.messages() < 1) problems.add(Problem.value(path + ".messages", "messages=" + p.messages() + " must be at least 1"));
        if (p.warmup() != null && p.warmup() < 0) problems.add(Problem.value(path + ".warmup", "warmup=" + p.warmup() + " must not be negative"));
        if (p.duration() != null) {
            if (p.duration().isZero() || p.duration().isNegative()) {
                problems.add(Problem.value(path + ".duration", "duration=" + Durations.format(p.duration()) + " must be positive, e.g. 5s"));
            } else if (p.duration().compareTo(timeout) >= 0) {
                problems.add(Problem.value(path + ".duration", "duration=" + Durations.format(p.duration()) + " is not shorter than the scenario's timeout="
                        + Durations.format(timeout) + "; shorten it or raise 'timeout'"));
            }
        }
        if (p.size() != null && sender && r != Role.INCREMENTER && p.size().bytes() < Planner.MIN_MESSAGE_BYTES) {
            problems.add(Problem.value(path + ".size", "size=" + p.size() + " is too small; a message carries a " + Planner.MIN_MESSAGE_BYTES
                    + "-byte header (sequence, writer, checksum, timestamp), so size must be at least " + Planner.MIN_MESSAGE_BYTES + "B"));
        }
        if (p.mtype() != null && (r == Role.WRITER || r == Role.PINGER) && (p.mtype() < 1 || p.mtype() > Planner.MAX_MTYPE)) {
            problems.add(Problem.value(path + ".mtype", "mtype=" + p.mtype() + ": a " + Names.yaml(r) + " sends messages of type mtype, which must be from 1 to "
                    + Planner.MAX_MTYPE + " (2^32 - 1; the types from 2^32 up carry the replies to pingers)"));
        }
        if (p.mtype() != null && r == Role.READER && (p.mtype() > Planner.MAX_MTYPE || p.mtype() < -Planner.MAX_MTYPE)) {
            problems.add(Problem.value(path + ".mtype", "mtype=" + p.mtype() + ": writers send types from 1 to " + Planner.MAX_MTYPE
                    + " (2^32 - 1), so a reader selects 0 (any type), n or -n with n at most " + Planner.MAX_MTYPE));
        }
        if (p.size() != null && sender && r != Role.INCREMENTER && p.size().bytes() > Planner.MAX_BUFFER_BYTES) {
            problems.add(Problem.value(path + ".size", "size=" + p.size() + " is too large; a message may have at most " + Planner.MAX_BUFFER_BYTES
                    + " bytes (2GiB - 1: the engine checksums it through a ByteBuffer, whose size is an int)"));
        }
    }

    private long messages(ProcessSpec p) {
        return switch (p.role()) {
            case WRITER, PINGER, INCREMENTER -> p.messages() != null ? p.messages() : p.duration() != null ? Long.MAX_VALUE : Planner.DEFAULT_MESSAGES;
            case READER -> {   // what this reader expects: everything its channel's writers send
                long sum = 0;
                for (ProcessSpec w : sendersOn(p.channel(), Role.WRITER)) {
                    long m = messages(w);
                    if (m == Long.MAX_VALUE) yield Long.MAX_VALUE;
                    sum = Math.addExact(sum, Math.multiplyExact(m, w.replicas() == null ? 1 : w.replicas()));
                }
                yield sum;
            }
            case ECHO -> {
                List<ProcessSpec> pingers = sendersOn(p.channel(), Role.PINGER);
                if (pingers.isEmpty()) yield 0;
                long m = messages(pingers.getFirst());
                yield m == Long.MAX_VALUE ? m : m + warmup(pingers.getFirst());
            }
        };
    }

    private long durationNanos(ProcessSpec p) {
        if (p.duration() != null) return p.duration().toNanos();
        if (p.role() == Role.READER || p.role() == Role.ECHO) {
            long max = 0;
            for (ProcessSpec w : s.processes().values()) {
                if (p.channel().equals(w.channel()) && w.duration() != null && (w.role() == Role.WRITER || w.role() == Role.PINGER)) {
                    max = Math.max(max, w.duration().toNanos());
                }
            }
            return max;
        }
        return 0;
    }

    private long size(ProcessSpec p) {
        return switch (p.role()) {
            case WRITER, PINGER -> p.size() == null ? Planner.DEFAULT_SIZE : p.size().bytes();
            case INCREMENTER -> 8;
            case READER, ECHO -> maxMessage(p.channel());
        };
    }

    private long mtype(ProcessSpec p) {
        ChannelSpec c = s.channels().get(p.channel());
        if (c == null || c.type() != ChannelType.MSGQ) return 0;
        return switch (p.role()) {
            case WRITER, PINGER -> p.mtype() == null ? 1 : p.mtype();
            case READER -> p.mtype() == null ? 0 : p.mtype();
            case ECHO -> {
                List<ProcessSpec> pingers = sendersOn(p.channel(), Role.PINGER);
                yield pingers.isEmpty() || pingers.getFirst().mtype() == null ? 1 : pingers.getFirst().mtype();
            }
            case INCREMENTER -> 0;
        };
    }

    private long warmup(ProcessSpec p) {
        if (p.role() != Role.PINGER && p.role() != Role.WRITER) return 0;
        if (p.warmup() != null) return p.warmup();
        long m = messages(p);
        if (m == Long.MAX_VALUE) return p.role() == Role.PINGER ? Planner.MIN_WARMUP : 0;  // a timed writer warms up in its time
        return Math.max(Planner.MIN_WARMUP, m / 10);
    }

    private List<ProcessSpec> sendersOn(String channel, Role role) {
        List<ProcessSpec> out = new ArrayList<>();
        for (ProcessSpec p : s.processes().values()) if (channel.equals(p.channel()) && p.role() == role) out.add(p);
        return out;
    }

    private long maxMessage(String channel) {
        long max = 0;
        for (ProcessSpec p : s.processes().values()) {
            if (channel.equals(p.channel()) && (p.role() == Role.WRITER || p.role() == Role.PINGER)) max = Math.max(max, size(p));
        }
        return max;
    }

    // ---------------------------------------------------------------- channels

    private PlannedChannel channel(ChannelSpec c) {
        String path = "channels." + c.name();
        ChannelType t = c.type();
        // keys that do not apply to this type
        Map<String, Set<ChannelType>> applies = Map.of("size", Set.of(ChannelType.SHM), "slots", Set.of(ChannelType.SHM),
                "sync", Set.of(ChannelType.SHM), "fanout", Set.of(ChannelType.SHM), "mode", Set.of(ChannelType.MSGQ),
                "capacity", Set.of(ChannelType.MSGQ), "domain", Set.of(ChannelType.SOCKET));
        for (String k : ChannelSpec.KEYS) {
            if (k.equals("type") || c.get(k) == null || applies.get(k).contains(t)) continue;
            ChannelType owner = applies.get(k).iterator().next();
            problems.add(Problem.key(path + "." + k, "'" + k + "' applies to " + Names.yaml(owner) + " channels only; " + c.name() + " is " + Names.yaml(t)));
        }

        List<ProcessSpec> on = new ArrayList<>();
        for (ProcessSpec p : s.processes().values()) if (c.name().equals(p.channel())) on.add(p);
        int writers = count(on, Role.WRITER), readers = count(on, Role.READER), pingers = count(on, Role.PINGER),
                echoes = count(on, Role.ECHO), incrementers = count(on, Role.INCREMENTER);
        long maxMessage = maxMessage(c.name());
        topology(c, on, writers, readers, pingers, echoes, incrementers);

        long segment = 0, slotBytes = 0, capacity = 0;
        int slots = 0;
        Sync sync = Sync.values()[0];
        Fanout fanout = Fanout.values()[0];
        QueueMode mode = QueueMode.values()[0];
        SocketDomain domain = SocketDomain.values()[0];
        switch (t) {
            case SHM -> {
                segment = c.size() == null ? Planner.DEFAULT_SHM_SIZE : c.size().bytes();
                slots = c.slots() == null ? Planner.DEFAULT_SLOTS : c.slots();
                sync = c.sync() == null ? Sync.SEMAPHORE : c.sync();
                fanout = c.fanout() == null ? Fanout.SHARED : c.fanout();
                boolean slotsOk = slots >= 1 && Integer.bitCount(slots) == 1 && slots <= Planner.MAX_SLOTS;
                if (!slotsOk) {
                    problems.add(Problem.value(path + ".slots", "slots=" + slots + " must be a power of two between 1 and " + Planner.MAX_SLOTS + ", e.g. 16"));
                    slots = Math.max(1, Integer.highestOneBit(Math.max(1, slots)));
                }
                if (limits.shmmax() != KernelLimits.UNKNOWN && segment > limits.shmmax()) {
                    problems.add(Problem.value(path + ".size", "size=" + c.size() + " is larger than shmmax, the largest segment the kernel allows: "
                            + limits.shmmax() + " bytes (" + KernelLimits.SHMMAX + "); raise it with 'sudo sysctl -w kernel.shmmax=" + segment + "' or use a smaller size"));
                }
                if (segment > Planner.MAX_BUFFER_BYTES) {
                    problems.add(Problem.value(path + ".size", "size=" + c.size() + " is too large; an shm segment may have at most " + Planner.MAX_BUFFER_BYTES
                            + " bytes (2GiB - 1: the engine checksums messages through a ByteBuffer view of the segment, whose size is an int); use at most 1GiB"));
                }
                slotBytes = Math.max(0, (segment - Planner.SHM_CONTROL_BYTES) / slots / Planner.SLOT_ALIGN * Planner.SLOT_ALIGN);
                boolean ring = writers + readers + pingers + echoes > 0;
                boolean pingEcho = pingers + echoes > 0;
                // a message larger than MAX_BUFFER_BYTES is refused at its process; capped here, the
                // sums below cannot overflow into a negative size (found by the fuzz test)
                long fit = Math.min(maxMessage, Planner.MAX_BUFFER_BYTES);
                if (pingEcho && slotsOk && slots < 2) {
                    problems.add(Problem.value(path + ".slots", "slots=" + slots + " is too few for round trips: a pinger and an echo use two lanes"
                            + " (there and back) of slots / 2 slots each; use at least 2, e.g. 16"));
                }
                if (!pingEcho && readers > Planner.MAX_RING_READERS) {
                    problems.add(Problem.key(path, "channel " + c.name() + " has " + readers + " readers; an shm ring has room for at most "
                            + Planner.MAX_RING_READERS + " (one cursor each in its control block); use fewer readers or several channels"));
                }
                if (sync == Sync.SEMAPHORE && limits.semmsl() != KernelLimits.UNKNOWN) {
                    int lanes = pingEcho ? 2 : 1;
                    int perLane = Planner.RING_LANE_SEMAPHORES + Math.max(1, pingEcho ? 1 : readers);
                    long need = ring ? (long) lanes * perLane : 1;
                    if (need > limits.semmsl()) {
                        String what = !ring ? "1 semaphore (the counter's mutex)"
                                : need + " semaphores (" + (lanes == 2 ? "2 lanes of " : "") + "2 mutexes, 'empty' and one 'full' per reader"
                                + (lanes == 2 || readers <= 1 ? "" : ", " + readers + " readers") + ")";
                        problems.add(Problem.value(c.sync() != null ? path + ".sync" : path, "sync=semaphore on " + c.name() + " needs a set of " + what
                                + ", more than semmsl, the most the kernel allows in one set: " + limits.semmsl() + " (first field of " + KernelLimits.SEM
                                + "); raise it with 'sudo sysctl -w kernel.sem=\"" + need + " <the other three fields unchanged>\"', use fewer readers, or sync: spin"));
                    }
                }
                if (sync == Sync.ATOMIC && ring) {
                    problems.add(Problem.value(path + ".sync", "sync=atomic applies to incrementers only; a ring of messages uses none | semaphore | spin"));
                }
                if (segment < Planner.SHM_CONTROL_BYTES + (ring ? (long) slots * Planner.SLOT_HEADER_BYTES : 0) || segment == 0) {
                    problems.add(Problem.value(path + ".size", "size=" + ByteSize.of(segment) + " is too small: the segment holds a "
                            + Planner.SHM_CONTROL_BYTES + "-byte control block" + (ring ? " and " + slots + " slots" : "") + "; use at least "
                            + ByteSize.of(Planner.SHM_CONTROL_BYTES + (ring ? (long) slots * (Planner.SLOT_HEADER_BYTES + Math.max(fit, Planner.MIN_MESSAGE_BYTES)) : 0))));
                } else if (ring && fit + Planner.SLOT_HEADER_BYTES > slotBytes) {
                    long need = Planner.SHM_CONTROL_BYTES + (long) slots * roundUp(fit + Planner.SLOT_HEADER_BYTES, Planner.SLOT_ALIGN);
                    problems.add(Problem.value(largestSenderPath(c.name(), "size"), "a message of " + ByteSize.of(maxMessage) + " does not fit a slot of channel "
                            + c.name() + ": each of its " + slots + " slots has (" + ByteSize.of(segment) + " - " + Planner.SHM_CONTROL_BYTES
                            + " control bytes) / " + slots + " = " + slotBytes + " bytes, less a " + Planner.SLOT_HEADER_BYTES + "-byte header leaves "
                            + (slotBytes - Planner.SLOT_HEADER_BYTES) + "; raise channels." + c.name() + ".size to at least " + ByteSize.of(roundUp(need, 1024))
                            + ", use fewer slots, or send smaller messages"));
                }
            }
            case MSGQ -> {
                mode = c.mode() == null ? QueueMode.BLOCKING : c.mode();
                long mnb = limits.msgmnb() == KernelLimits.UNKNOWN ? Planner.FALLBACK_MSGMNB : limits.msgmnb();
                capacity = c.capacity() == null ? mnb : c.capacity().bytes();
                if (limits.msgmax() != KernelLimits.UNKNOWN && maxMessage > limits.msgmax()) {
                    problems.add(Problem.value(largestSenderPath(c.name(), "size"), "size=" + ByteSize.of(maxMessage) + " is larger than msgmax, the largest message the kernel accepts: "
                            + limits.msgmax() + " bytes (" + KernelLimits.MSGMAX + "); raise it with 'sudo sysctl -w kernel.msgmax=" + maxMessage + "' or send smaller messages"));
                }
                if (c.capacity() != null && limits.msgmnb() != KernelLimits.UNKNOWN && capacity > limits.msgmnb()) {
                    problems.add(Problem.value(path + ".capacity", "capacity=" + c.capacity() + " is larger than msgmnb, the most a queue may hold without privileges: "
                            + limits.msgmnb() + " bytes (" + KernelLimits.MSGMNB + "); raise it with 'sudo sysctl -w kernel.msgmnb=" + capacity + "' or lower capacity"));
                }
                if (limits.semmsl() != KernelLimits.UNKNOWN && Planner.MSGQ_SEMAPHORES > limits.semmsl()) {
                    problems.add(Problem.key(path, "a msgq channel needs a set of " + Planner.MSGQ_SEMAPHORES + " semaphores (senders still running, end token),"
                            + " more than semmsl, the most the kernel allows in one set: " + limits.semmsl() + " (first field of " + KernelLimits.SEM
                            + "); raise it with 'sudo sysctl -w kernel.sem=\"" + Planner.MSGQ_SEMAPHORES + " <the other three fields unchanged>\"'"));
                }
                boolean overMsgmax = limits.msgmax() != KernelLimits.UNKNOWN && maxMessage > limits.msgmax();
                if ((capacity < maxMessage || capacity == 0) && (c.capacity() != null || !overMsgmax)) {
                    problems.add(Problem.value(c.capacity() != null ? path + ".capacity" : largestSenderPath(c.name(), "size"),
                            "capacity=" + ByteSize.of(capacity) + " is smaller than the largest message on " + c.name() + " (" + ByteSize.of(maxMessage)
                            + "): no message would ever fit; raise capacity or send smaller messages"));
                }
            }
            case SOCKET -> {
                domain = c.domain() == null ? SocketDomain.UNIX : c.domain();
                if (domain == SocketDomain.UDP && maxMessage > Planner.MAX_UDP_PAYLOAD) {
                    problems.add(Problem.value(largestSenderPath(c.name(), "size"), "size=" + ByteSize.of(maxMessage) + " is larger than the largest UDP datagram ("
                            + Planner.MAX_UDP_PAYLOAD + " bytes); send smaller messages or use domain tcp or unix"));
                }
                if (domain == SocketDomain.UNIX_DGRAM) checkUnixDatagram(c.name(), maxMessage);
            }
            case PIPE -> { }   // one writer and one reader (see topology): nothing to size
        }
        return new PlannedChannel(c.name(), t, segment, slots, slotBytes, sync, fanout, mode, capacity, domain, maxMessage);
    }

    private void topology(ChannelSpec c, List<ProcessSpec> on, int writers, int readers, int pingers, int echoes, int incrementers) {
        String path = "channels." + c.name();
        if (on.isEmpty()) {
            problems.add(Problem.partner(path, "no process uses channel " + c.name() + "; add a writer and a reader on it, or remove it"));
            return;
        }
        int kinds = (writers + readers > 0 ? 1 : 0) + (pingers + echoes > 0 ? 1 : 0) + (incrementers > 0 ? 1 : 0);
        if (kinds > 1) {
            problems.add(Problem.key(path, "channel " + c.name() + " mixes " + describe(on)
                    + "; a channel carries a stream (writers and readers), round trips (one pinger and one echo) or a counter (incrementers), one of them"));
            return;
        }
        if (writers + readers > 0) {
            if (writers == 0) problems.add(Problem.partner(path, "channel " + c.name() + " has readers (" + names(on, Role.READER) + ") but no writer; add a process with role: writer and channel: " + c.name()));
            if (readers == 0) problems.add(Problem.partner(path, "channel " + c.name() + " has writers (" + names(on, Role.WRITER) + ") but no reader; add a process with role: reader and channel: " + c.name()));
            if (writers == 0 || readers == 0) return;
            switch (c.type()) {
                case SOCKET -> {
                    SocketDomain d = c.domain() == null ? SocketDomain.UNIX : c.domain();
                    boolean datagram = d == SocketDomain.UDP || d == SocketDomain.UNIX_DGRAM;
                    if (readers > 1) problems.add(Problem.key(path, "a socket has one receiving end, and " + c.name() + " has " + readers + " readers (" + names(on, Role.READER) + "); use one reader, or a msgq for many"));
                    if (!datagram && writers > 1) problems.add(Problem.key(path, "a " + Names.yaml(d) + " stream socket connects one writer to one reader, and " + c.name() + " has "
                            + writers + " writers (" + names(on, Role.WRITER) + "); use one writer, domain unix-dgram or udp, or a msgq for many"));
                }
                case PIPE -> {
                    if (writers > 1) problems.add(Problem.key(path, "a pipe connects one writer to one reader (the reader sees end-of-file when its writer closes), and "
                            + c.name() + " has " + writers + " writers (" + names(on, Role.WRITER) + "); use one writer, or a msgq or a socket with domain unix-dgram for many"));
                    if (readers > 1) problems.add(Problem.key(path, "a pipe has one reading end, and " + c.name() + " has " + readers + " readers (" + names(on, Role.READER) + "); use one reader, or a msgq for many"));
                }
                default -> { }
            }
            if (c.type() == ChannelType.MSGQ) checkMtypes(c, on);
            return;
        }
        if (pingers + echoes > 0) {
            if (pingers != 1 || echoes != 1) {
                problems.add(Problem.key(path, "round trips need exactly one pinger and one echo on a channel; " + c.name() + " has "
                        + pingers + " pinger" + (pingers == 1 ? "" : "s") + " and " + echoes + " echo" + (echoes == 1 ? "" : "es")
                        + " (after replicas: " + describe(on) + ")"));
            }
        }
    }

    private void checkMtypes(ChannelSpec c, List<ProcessSpec> on) {
        Set<Long> sent = new LinkedHashSet<>();
        for (ProcessSpec p : on) if (p.role() == Role.WRITER) sent.add(p.mtype() == null ? 1L : p.mtype());
        for (ProcessSpec p : on) {
            if (p.role() != Role.READER || p.mtype() == null || p.mtype() == 0) continue;
            long t = p.mtype();
            long limit = t == Long.MIN_VALUE ? Long.MAX_VALUE : -t;
            boolean some = t > 0 ? sent.contains(t) : sent.stream().anyMatch(x -> x <= limit);
            if (!some) {
                problems.add(Problem.value("processes." + p.name() + ".mtype", "mtype=" + t + " selects " + (t > 0 ? "messages of type " + t : "types up to " + limit)
                        + ", but the writers on " + c.name() + " send types " + sent + "; this reader would wait forever"));
            }
        }
    }

    /** An AF_UNIX datagram is at most the send buffer (wmem_default) - 32 bytes, and ipclab's 64KiB. */
    private void checkUnixDatagram(String channel, long maxMessage) {
        long wmem = limits.wmemDefault();
        long byBuffer = wmem == KernelLimits.UNKNOWN ? Long.MAX_VALUE : Math.max(0, wmem - Planner.UNIX_DGRAM_OVERHEAD);
        if (maxMessage <= Math.min(byBuffer, Planner.MAX_UNIX_DGRAM)) return;
        String where = largestSenderPath(channel, "size");
        if (byBuffer < Planner.MAX_UNIX_DGRAM) {
            long raise = Math.max(maxMessage, 0) + Planner.UNIX_DGRAM_OVERHEAD;
            problems.add(Problem.value(where, "size=" + ByteSize.of(maxMessage) + " is larger than an AF_UNIX datagram can be with the default send buffer: "
                    + wmem + " bytes (" + KernelLimits.WMEM_DEFAULT + ") less " + Planner.UNIX_DGRAM_OVERHEAD + " = " + byBuffer + " bytes; "
                    + (maxMessage <= Planner.MAX_UNIX_DGRAM ? "raise it with 'sudo sysctl -w net.core.wmem_default=" + raise + "', " : "")
                    + "send smaller messages, or use domain unix (a stream)"));
        } else {
            problems.add(Problem.value(where, "size=" + ByteSize.of(maxMessage) + " is larger than the largest unix datagram ipclab sends: "
                    + ByteSize.of(Planner.MAX_UNIX_DGRAM) + " (a larger one needs a physically contiguous kernel buffer and may fail with ENOBUFS);"
                    + " send at most " + ByteSize.of(Planner.MAX_UNIX_DGRAM) + ", or use domain unix (a stream), which has no such limit"));
        }
    }

    private String largestSenderPath(String channel, String key) {
        ProcessSpec best = null;
        for (ProcessSpec p : s.processes().values()) {
            if (channel.equals(p.channel()) && (p.role() == Role.WRITER || p.role() == Role.PINGER) && (best == null || size(p) > size(best))) best = p;
        }
        return best == null ? "channels." + channel : "processes." + best.name() + "." + key;
    }

    private static long roundUp(long v, long to) { return (v + to - 1) / to * to; }

    private static int count(List<ProcessSpec> on, Role r) {
        int n = 0;
        for (ProcessSpec p : on) if (p.role() == r) n += p.replicas() == null ? 1 : Math.max(1, p.replicas());
        return n;
    }

    private static String names(List<ProcessSpec> on, Role r) {
        List<String> out = new ArrayList<>();
        for (ProcessSpec p : on) if (p.role() == r) out.addAll(replicaNames(p.name(), p.replicas() == null ? 1 : Math.max(1, p.replicas())));
        return String.join(", ", out);
    }

    private static String describe(List<ProcessSpec> on) {
        SequencedMap<Role, Integer> byRole = new LinkedHashMap<>();
        for (ProcessSpec p : on) byRole.merge(p.role(), p.replicas() == null ? 1 : Math.max(1, p.replicas()), Integer::sum);
        List<String> parts = new ArrayList<>();
        byRole.forEach((r, n) -> parts.add(n + " " + Names.yaml(r) + (n == 1 ? "" : r == Role.ECHO ? "es" : "s")));
        return String.join(", ", parts);
    }

    // ---------------------------------------------------------------- claims

    private Expectation claim(int i, String text, Map<String, String> processNames) {
        String path = "expect[" + i + "]";
        Claim claim;
        try {
            claim = Claim.parse(text);
        } catch (ClaimSyntaxException e) {
            problems.add(Problem.value(path, e.getMessage() + " (at column " + e.column() + " of the claim)"));
            return null;
        }
        boolean ok = true;
        for (Claim.Path p : claim.paths()) {
            String subject = p.subject(), metric = p.metric();
            boolean isProcess = processNames.containsKey(subject);
            ChannelSpec channel = s.channels().get(subject);
            if (!isProcess && channel == null) {
                Set<String> all = new LinkedHashSet<>(processNames.keySet());
                all.addAll(s.channels().keySet());
                problems.add(Problem.value(path, "'" + subject + "' in '" + p.text() + "' is neither a process nor a channel" + Suggestions.didYouMean(subject, all)
                        + " (processes: " + String.join(", ", processNames.keySet()) + "; channels: " + String.join(", ", s.channels().keySet()) + ")"));
                ok = false;
                continue;
            }
            if (isProcess) {
                if (!MetricNames.isProcessMetric(metric)) {
                    problems.add(Problem.value(path, (metric.isEmpty() ? "'" + p.text() + "' needs a figure after the process name" : "'" + metric + "' is not a process figure")
                            + Suggestions.didYouMean(metric, MetricNames.PROCESS) + " (process figures: " + String.join(", ", MetricNames.PROCESS) + ", syscalls.<call>)"));
                    ok = false;
                }
            } else {
                boolean counter = channel.type() == ChannelType.SHM && s.processes().values().stream()
                        .anyMatch(q -> subject.equals(q.channel()) && q.role() == Role.INCREMENTER);
                if (!MetricNames.isChannelMetric(metric, counter)) {
                    List<String> valid = new ArrayList<>(MetricNames.CHANNEL);
                    if (counter) valid.addAll(MetricNames.COUNTER);
                    String extra = !counter && MetricNames.COUNTER.contains(metric) ? "; '" + metric + "' exists only on shm channels used by incrementers" : "";
                    problems.add(Problem.value(path, (metric.isEmpty() ? "'" + p.text() + "' needs a figure after the channel name" : "'" + metric + "' is not a channel figure")
                            + Suggestions.didYouMean(metric, valid) + extra + " (channel figures: " + String.join(", ", valid) + ")"));
                    ok = false;
                }
            }
        }
        return ok ? claim : null;
    }
}
