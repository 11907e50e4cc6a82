package ipclab.dsl.plan;

import ipclab.dsl.model.ChannelSpec;
import ipclab.dsl.model.ChannelType;
import ipclab.dsl.model.CpuList;
import ipclab.dsl.model.Durations;
import ipclab.dsl.model.Key;
import ipclab.dsl.model.Names;
import ipclab.dsl.model.ProcessSpec;
import ipclab.dsl.model.Role;
import ipclab.dsl.model.Scenario;
import ipclab.dsl.model.Suggestions;
import java.time.Duration;
import java.util.List;

/** One process group on its own: its channel exists and suits its role, its keys apply, its values are in range. */
final class ProcessRules {
    private ProcessRules() {}

    static void check(Scenario s, ProcessSpec p, Duration timeout, List<Problem> problems) {
        String path = "processes." + p.name();
        Role r = p.role();
        if (p.channel() == null) {
            problems.add(Problem.key(
                    path,
                    "'channel' is missing; the name of one of the channels: "
                            + String.join(", ", s.channels().keySet())));
        } else if (!s.channels().containsKey(p.channel())) {
            problems.add(Problem.value(
                    path + ".channel",
                    "no channel '" + p.channel() + "'"
                            + Suggestions.didYouMean(p.channel(), s.channels().keySet()) + " (channels: "
                            + String.join(", ", s.channels().keySet()) + ")"));
        } else {
            ChannelSpec c = s.channels().get(p.channel());
            if (r == Role.INCREMENTER && c.type() != ChannelType.SHM) {
                problems.add(Problem.value(
                        path + ".role",
                        "an incrementer adds to a counter in shared memory: its channel must be of type shm, and "
                                + p.channel() + " is " + Names.yaml(c.type())));
            }
            KeyRules.checkProcessOnChannel(p, c, problems);
        }
        if (p.replicas() != null && p.replicas() < 1)
            problems.add(Problem.value(path + ".replicas", "replicas=" + p.replicas() + " must be at least 1"));
        KeyRules.checkProcessRole(p, problems);
        if (p.messages() != null && p.messages() < 1)
            problems.add(Problem.value(path + ".messages", "messages=" + p.messages() + " must be at least 1"));
        if (p.messages() != null && p.messages() > Planner.MAX_MESSAGES) {
            problems.add(
                    Problem.value(
                            path + ".messages",
                            "messages=" + p.messages() + " is more than " + Planner.MAX_MESSAGES
                                    + ", the most one process may send (the supervisor checks every sequence number against the readers' sums at the end); for longer runs give 'duration'"));
        }
        if (p.delay() != null
                && (p.delay().isZero() || p.delay().isNegative() || p.delay().compareTo(FaultRules.MAX_DELAY) > 0)) {
            problems.add(Problem.value(
                    path + ".delay",
                    "delay=" + Durations.format(p.delay()) + " must be from 1ns to "
                            + Durations.format(FaultRules.MAX_DELAY)));
        }
        if (p.warmup() != null && p.warmup() < 0)
            problems.add(Problem.value(path + ".warmup", "warmup=" + p.warmup() + " must not be negative"));
        if (p.duration() != null) {
            if (p.duration().isZero() || p.duration().isNegative()) {
                problems.add(Problem.value(
                        path + ".duration",
                        "duration=" + Durations.format(p.duration()) + " must be positive, e.g. 5s"));
            } else if (p.duration().compareTo(timeout) >= 0) {
                problems.add(Problem.value(
                        path + ".duration",
                        "duration=" + Durations.format(p.duration()) + " is not shorter than the scenario's timeout="
                                + Durations.format(timeout) + "; shorten it or raise 'timeout'"));
            }
        }
        boolean ownSize = Key.MESSAGE_SIZE.facts().appliesTo(r);
        if (p.size() != null && ownSize && p.size().bytes() < Planner.MIN_MESSAGE_BYTES) {
            problems.add(Problem.value(
                    path + ".size",
                    "size=" + p.size() + " is too small; a message carries a " + Planner.MIN_MESSAGE_BYTES
                            + "-byte header (sequence, writer, checksum, timestamp), so size must be at least "
                            + Planner.MIN_MESSAGE_BYTES + "B"));
        }
        if (p.mtype() != null && ProcessDefaults.originates(r) && (p.mtype() < 1 || p.mtype() > Planner.MAX_MTYPE)) {
            problems.add(Problem.value(
                    path + ".mtype",
                    "mtype=" + p.mtype() + ": a " + Names.yaml(r)
                            + " sends messages of type mtype, which must be from 1 to " + Planner.MAX_MTYPE
                            + " (2^32 - 1; the types from 2^32 up carry the replies to pingers)"));
        }
        if (p.mtype() != null
                && r == Role.READER
                && (p.mtype() > Planner.MAX_MTYPE || p.mtype() < -Planner.MAX_MTYPE)) {
            problems.add(Problem.value(
                    path + ".mtype",
                    "mtype=" + p.mtype() + ": writers send types from 1 to " + Planner.MAX_MTYPE
                            + " (2^32 - 1), so a reader selects 0 (any type), n or -n with n at most "
                            + Planner.MAX_MTYPE));
        }
        checkCpus(p, path, OnlineCpus.current(), problems);
        if (p.size() != null && ownSize && p.size().bytes() > Planner.MAX_BUFFER_BYTES) {
            problems.add(Problem.value(
                    path + ".size",
                    "size=" + p.size() + " is too large; a message may have at most " + Planner.MAX_BUFFER_BYTES
                            + " bytes (2GiB - 1: the engine checksums it through a ByteBuffer, whose size is an int)"));
        }
    }

    /** {@code cpu} or {@code cpus}, not both, and every CPU online. */
    static void checkCpus(ProcessSpec p, String path, OnlineCpus online, List<Problem> problems) {
        if (p.cpu() != null && p.cpus() != null) {
            problems.add(Problem.key(
                    path + ".cpus", "give cpu (one CPU) or cpus (a list), not both; e.g. 'cpus: [" + p.cpu() + "]'"));
            return;
        }
        if (p.cpu() != null && (p.cpu() < 0 || p.cpu() >= CpuList.LIMIT)) {
            problems.add(Problem.value(
                    path + ".cpu",
                    "cpu=" + p.cpu() + " must be a CPU number from 0 to " + (CpuList.LIMIT - 1)
                            + (online.known()
                                    ? "; this machine runs processes on CPUs " + online.text() + " (" + OnlineCpus.FILE
                                            + ")"
                                    : "")));
            return;
        }
        CpuList list = p.cpus() != null ? p.cpus() : p.cpu() != null ? CpuList.of(p.cpu()) : null;
        if (list == null) return;
        int off = online.firstOffline(list);
        if (off >= 0) {
            String key = p.cpus() != null ? ".cpus" : ".cpu";
            problems.add(Problem.value(
                    path + key,
                    (p.cpus() != null ? "cpus=" + list : "cpu=" + p.cpu()) + ": CPU " + off
                            + " is not online; this machine runs processes on CPUs " + online.text() + " ("
                            + OnlineCpus.FILE + ")"));
        }
    }

    /** The CPUs a process is pinned to, ascending; empty when not pinned. */
    static List<Integer> cpus(ProcessSpec p) {
        if (p.cpus() != null) return p.cpus().cpus();
        if (p.cpu() != null) return List.of(p.cpu());
        return List.of();
    }
}
