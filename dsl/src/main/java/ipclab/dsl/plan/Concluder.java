package ipclab.dsl.plan;

import ipclab.dsl.model.ChannelSpec;
import ipclab.dsl.model.ChannelType;
import ipclab.dsl.model.Durations;
import ipclab.dsl.model.Fanout;
import ipclab.dsl.model.ProcessSpec;
import ipclab.dsl.model.QueueMode;
import ipclab.dsl.model.Removal;
import ipclab.dsl.model.Scenario;
import ipclab.dsl.model.SocketDomain;
import ipclab.dsl.model.Sync;
import ipclab.dsl.model.Verify;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks one scenario (one sweep combination) and, when it is sound, fills in every default to
 * make a {@link Plan}: the {@code conclude()} of this project. The order of the checks is the
 * order of the problems reported: names, processes on their own ({@link ProcessRules}), each
 * channel (keys that do not apply, {@link Topology}, then the sizing of its mechanism), the
 * planned processes ({@link ProcessDefaults}) and the claims ({@link ClaimBinder}). The default
 * values are {@link Planner}'s constants.
 */
final class Concluder {
    private Concluder() {}

    /** Problems of this scenario; and its plan when there are none. */
    record Outcome(Plan plan, List<Problem> problems) {}

    static Outcome conclude(Scenario s, KernelLimits limits, Map<String, String> params) {
        List<Problem> problems = new ArrayList<>();
        Plan p = plan(s, limits, params, problems);
        return new Outcome(problems.isEmpty() ? p : null, List.copyOf(problems));
    }

    private static Plan plan(Scenario s, KernelLimits limits, Map<String, String> params, List<Problem> problems) {
        NameRules.checkScenario(s, problems);
        long seed = s.seed() == null ? Planner.DEFAULT_SEED : s.seed();
        Duration timeout = s.timeout() == null ? Planner.DEFAULT_TIMEOUT : s.timeout();
        if (timeout.isZero() || timeout.isNegative())
            problems.add(
                    Problem.value("timeout", "timeout=" + Durations.format(timeout) + " must be positive, e.g. 30s"));
        if (s.channels().isEmpty())
            problems.add(Problem.key("channels", "no channels; add one, e.g. 'q: {type: msgq}'"));
        if (s.processes().isEmpty())
            problems.add(Problem.key(
                    "processes", "no processes; add a writer and a reader, e.g. 'w: {role: writer, channel: q}'"));
        Map<String, String> owner = NameRules.check(s, problems);

        // processes, before channels (channels need the largest message)
        long total = 0; // a long: replicas near Integer.MAX_VALUE in several groups must not wrap round
        for (ProcessSpec p : s.processes().values()) total += NameRules.replicas(p);
        if (total > Planner.MAX_PROCESSES) {
            problems.add(Problem.key(
                    "processes",
                    total + " processes after replicas; at most " + Planner.MAX_PROCESSES + " are allowed"));
        }
        for (ProcessSpec p : s.processes().values()) ProcessRules.check(s, p, timeout, problems);

        ProcessDefaults defaults = new ProcessDefaults(s);
        List<PlannedChannel> channels = new ArrayList<>();
        for (ChannelSpec c : s.channels().values()) channels.add(channel(s, c, defaults, limits, problems));

        checkSharedMemoryTotal(channels, limits, problems);

        List<PlannedProcess> processes = new ArrayList<>();
        for (ProcessSpec p : s.processes().values()) {
            if (total > Planner.MAX_PROCESSES) break; // refused above; expanding a billion replicas would hang
            if (p.channel() == null || !s.channels().containsKey(p.channel())) continue;
            int n = NameRules.replicas(p);
            List<String> names = NameRules.replicaNames(p.name(), n);
            for (int i = 0; i < n; i++) {
                processes.add(new PlannedProcess(
                        names.get(i),
                        p.name(),
                        i + 1,
                        processes.size(),
                        p.role(),
                        p.channel(),
                        defaults.messages(p),
                        defaults.durationNanos(p),
                        defaults.size(p),
                        p.rate() == null ? 0 : p.rate().perSecond(),
                        defaults.mtype(p),
                        defaults.warmup(p),
                        p.delay() == null ? 0 : p.delay().toNanos(),
                        ProcessRules.cpus(p)));
            }
        }

        List<Expectation> expectations = new ArrayList<>();
        Map<String, String> subjects = new LinkedHashMap<>(); // groups first, then replicas: what claims may name
        for (String g : s.processes().keySet()) subjects.put(g, g);
        subjects.putAll(owner);
        for (int i = 0; i < s.expect().size(); i++) {
            Expectation e = ClaimBinder.bind(s, i, s.expect().get(i), subjects, problems);
            if (e != null) expectations.add(e);
        }
        List<PlannedFault> faults = FaultRules.plan(s, owner, timeout, problems);
        if (!problems.isEmpty()) return null;
        return new Plan(s, params, seed, timeout, channels, processes, expectations, faults);
    }

    /** All segments together fit shmall and the machine's memory (each fits shmmax: {@link ShmSizing}). */
    private static void checkSharedMemoryTotal(
            List<PlannedChannel> channels, KernelLimits limits, List<Problem> problems) {
        long total = 0;
        for (PlannedChannel c : channels)
            if (c != null && c.type() == ChannelType.SHM)
                total = Math.max(total, total + c.segmentBytes()); // saturating
        if (total == 0) return;
        if (limits.shmall() != KernelLimits.UNKNOWN
                && limits.shmall() < Long.MAX_VALUE / KernelLimits.PAGE_BYTES
                && total > limits.shmall() * KernelLimits.PAGE_BYTES) {
            problems.add(Problem.key(
                    "channels",
                    "the shm segments need " + total + " bytes together, more than shmall allows: "
                            + limits.shmall() + " pages of " + KernelLimits.PAGE_BYTES + " bytes ("
                            + KernelLimits.SHMALL + "); use smaller sizes,"
                            + " or raise it with 'sudo sysctl -w kernel.shmall="
                            + (total + KernelLimits.PAGE_BYTES - 1) / KernelLimits.PAGE_BYTES + "'"));
        } else if (limits.memTotal() != KernelLimits.UNKNOWN && total > limits.memTotal() / 2) {
            problems.add(Problem.key(
                    "channels",
                    "the shm segments need " + total + " bytes together, more than half of this machine's memory ("
                            + limits.memTotal() + " bytes, MemTotal in " + KernelLimits.MEMINFO
                            + "); every page is touched at setup, so use smaller sizes"));
        }
    }

    private static PlannedChannel channel(
            Scenario s, ChannelSpec c, ProcessDefaults defaults, KernelLimits limits, List<Problem> problems) {
        KeyRules.checkChannel(c, problems);
        ChannelUsers users = ChannelUsers.of(s, c.name());
        long maxMessage = defaults.maxMessage(c.name());
        Topology.check(c, users, problems);
        PlannedChannel sized =
                switch (c.type()) {
                    case SHM -> ShmSizing.plan(c, users, maxMessage, defaults, limits, problems);
                    case MSGQ -> MsgqSizing.plan(c, maxMessage, defaults, limits, problems);
                    case SOCKET -> SocketSizing.plan(c, maxMessage, defaults, limits, problems);
                    case PIPE ->
                        new PlannedChannel(
                                c.name(),
                                ChannelType.PIPE,
                                0,
                                0,
                                0,
                                Sync.values()[0],
                                Fanout.values()[0], // nothing to size:
                                QueueMode.values()[0],
                                0,
                                SocketDomain.values()[0],
                                maxMessage,
                                Removal.AFTER_ATTACH,
                                Verify.FULL,
                                1); // one writer, one reader
                };
        if (sized == null) return null;
        return sized.checking(c.verify() == null ? Verify.FULL : c.verify(), c.sample() == null ? 1 : c.sample());
    }
}
