package ipclab.dsl.plan;

import ipclab.dsl.model.ChannelSpec;
import ipclab.dsl.model.ChannelType;
import ipclab.dsl.model.Key;
import ipclab.dsl.model.ProcessSpec;
import ipclab.dsl.model.Role;
import ipclab.dsl.model.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * A process's resolved figures: what it was given, else the default ({@link Planner}'s
 * constants), else what its channel's partners imply (a reader expects what its writers send, an
 * echo answers as many messages as its pinger sends).
 */
final class ProcessDefaults {
    private final Scenario s;

    ProcessDefaults(Scenario s) {
        this.s = s;
    }

    /**
     * Whether a role sends messages of its own, of its own size (writer, pinger), rather than
     * answering (echo), receiving (reader) or counting (incrementer).
     */
    static boolean originates(Role r) {
        return r.sends() && Key.MESSAGE_SIZE.facts().appliesTo(r);
    }

    long messages(ProcessSpec p) {
        return switch (p.role()) {
            case WRITER, PINGER, INCREMENTER ->
                p.messages() != null ? p.messages() : p.duration() != null ? Long.MAX_VALUE : Planner.DEFAULT_MESSAGES;
            case READER -> { // what this reader expects: everything its channel's writers send
                long sum = 0;
                for (ProcessSpec w : on(p.channel(), Role.WRITER)) {
                    long m = messages(w);
                    if (m == Long.MAX_VALUE) yield Long.MAX_VALUE;
                    sum = Math.addExact(sum, Math.multiplyExact(m, w.replicas() == null ? 1 : w.replicas()));
                }
                yield sum;
            }
            case ECHO -> {
                List<ProcessSpec> pingers = on(p.channel(), Role.PINGER);
                if (pingers.isEmpty()) yield 0;
                long m = messages(pingers.getFirst());
                yield m == Long.MAX_VALUE ? m : m + warmup(pingers.getFirst());
            }
        };
    }

    /** The time limit in ns, 0 for none; a reader or echo runs as long as its longest-running sender. */
    long durationNanos(ProcessSpec p) {
        if (p.duration() != null) return p.duration().toNanos();
        if (!Key.DURATION.facts().appliesTo(p.role())) {
            long max = 0;
            for (ProcessSpec w : s.processes().values()) {
                if (p.channel().equals(w.channel()) && w.duration() != null && originates(w.role())) {
                    max = Math.max(max, w.duration().toNanos());
                }
            }
            return max;
        }
        return 0;
    }

    long size(ProcessSpec p) {
        return switch (p.role()) {
            case WRITER, PINGER ->
                p.size() == null ? Planner.DEFAULT_SIZE : p.size().bytes();
            case INCREMENTER -> 8;
            case READER, ECHO -> maxMessage(p.channel());
        };
    }

    long mtype(ProcessSpec p) {
        ChannelSpec c = s.channels().get(p.channel());
        if (c == null || c.type() != ChannelType.MSGQ) return 0;
        return switch (p.role()) {
            case WRITER, PINGER -> p.mtype() == null ? 1 : p.mtype();
            case READER -> p.mtype() == null ? 0 : p.mtype();
            case ECHO -> {
                List<ProcessSpec> pingers = on(p.channel(), Role.PINGER);
                yield pingers.isEmpty() || pingers.getFirst().mtype() == null
                        ? 1
                        : pingers.getFirst().mtype();
            }
            case INCREMENTER -> 0;
        };
    }

    long warmup(ProcessSpec p) {
        if (!Key.WARMUP.facts().appliesTo(p.role())) return 0;
        if (p.warmup() != null) return p.warmup();
        long m = messages(p);
        if (m == Long.MAX_VALUE)
            return p.role() == Role.PINGER ? Planner.MIN_WARMUP : 0; // a timed writer warms up in its time
        long count = Math.max(Planner.MIN_WARMUP, m / 10);
        // a writer's default is a minimum: it goes on until its JIT compiler is quiet (PlannedProcess)
        return p.role() == Role.WRITER ? -count : count;
    }

    /** The largest message any process on the channel sends. */
    long maxMessage(String channel) {
        long max = 0;
        for (ProcessSpec p : s.processes().values()) {
            if (channel.equals(p.channel()) && originates(p.role())) max = Math.max(max, size(p));
        }
        return max;
    }

    /** The path of {@code key} on the process sending the channel's largest messages, else the channel's. */
    String largestSenderPath(String channel, String key) {
        ProcessSpec best = null;
        for (ProcessSpec p : s.processes().values()) {
            if (channel.equals(p.channel()) && originates(p.role()) && (best == null || size(p) > size(best))) best = p;
        }
        return best == null ? "channels." + channel : "processes." + best.name() + "." + key;
    }

    private List<ProcessSpec> on(String channel, Role role) {
        List<ProcessSpec> out = new ArrayList<>();
        for (ProcessSpec p : s.processes().values()) if (channel.equals(p.channel()) && p.role() == role) out.add(p);
        return out;
    }
}
