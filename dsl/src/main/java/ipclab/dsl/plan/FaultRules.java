package ipclab.dsl.plan;

import ipclab.dsl.model.ChannelSpec;
import ipclab.dsl.model.ChannelType;
import ipclab.dsl.model.Durations;
import ipclab.dsl.model.FaultAction;
import ipclab.dsl.model.FaultSpec;
import ipclab.dsl.model.Names;
import ipclab.dsl.model.Scenario;
import ipclab.dsl.model.Suggestions;
import ipclab.dsl.model.Sync;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code faults:} of a scenario checked and planned: each names one existing target (a
 * process after replicas, or a channel) that takes its action, has at most one trigger
 * ({@code after} or {@code at}), and {@code for} only with {@code delay}.
 */
final class FaultRules {
    private FaultRules() {}

    /** Most faults in one scenario. */
    static final int MAX_FAULTS = 64;
    /** Longest hold of a delay fault or a slow consumer's delay. */
    static final Duration MAX_DELAY = Duration.ofSeconds(10);

    /** The planned faults, in the order written; problems for the ones that are wrong. */
    static List<PlannedFault> plan(
            Scenario s, Map<String, String> processNames, Duration timeout, List<Problem> problems) {
        List<PlannedFault> out = new ArrayList<>();
        if (s.faults().size() > MAX_FAULTS) {
            problems.add(Problem.key("faults", s.faults().size() + " faults; at most " + MAX_FAULTS + " are allowed"));
            return out;
        }
        for (int i = 0; i < s.faults().size(); i++) {
            PlannedFault f = fault(s, i, s.faults().get(i), processNames, timeout, problems);
            if (f != null) out.add(f);
        }
        return out;
    }

    private static PlannedFault fault(
            Scenario s,
            int i,
            FaultSpec f,
            Map<String, String> processNames,
            Duration timeout,
            List<Problem> problems) {
        String path = "faults[" + i + "]";
        int before = problems.size();
        FaultAction a = f.action();
        if (a == null) {
            problems.add(Problem.key(path, "'action' is missing; one of kill | stop | cont | delay | remove | fill"));
            return null;
        }
        String action = Names.yaml(a);
        if (f.process() != null && f.channel() != null) {
            problems.add(Problem.key(
                    path + ".channel",
                    "a fault acts on a process or on a channel, not both; remove 'process' or 'channel'"));
        } else if (f.process() == null && f.channel() == null) {
            problems.add(Problem.key(
                    path,
                    a.onChannel()
                            ? "'channel' is missing: " + action + " acts on a channel, e.g. 'channel: "
                                    + first(s.channels().keySet()) + "'"
                            : "'process' is missing: " + action + " acts on a process, e.g. 'process: "
                                    + first(processNames.keySet()) + "'"));
        } else if (f.process() != null) {
            if (!processNames.containsKey(f.process())) {
                problems.add(Problem.value(
                        path + ".process",
                        "no process '" + f.process() + "'" + Suggestions.didYouMean(f.process(), processNames.keySet())
                                + " (processes after replicas: " + String.join(", ", processNames.keySet()) + ")"));
            }
            if (a.onChannel()) {
                problems.add(Problem.value(
                        path + ".action",
                        action + " acts on a channel, not a process; write 'channel: <name>'"
                                + " (a process takes kill, stop, cont or delay)"));
            }
        } else {
            ChannelSpec c = s.channels().get(f.channel());
            if (c == null) {
                problems.add(Problem.value(
                        path + ".channel",
                        "no channel '" + f.channel() + "'"
                                + Suggestions.didYouMean(
                                        f.channel(), s.channels().keySet()) + " (channels: "
                                + String.join(", ", s.channels().keySet()) + ")"));
            } else if (!a.onChannel()) {
                problems.add(Problem.value(
                        path + ".action",
                        action + " acts on a process, not a channel; write 'process: <name>'"
                                + " (a channel takes remove or fill)"));
            } else {
                String refusal = refusal(a, c);
                if (refusal != null) problems.add(Problem.value(path + ".action", refusal));
            }
        }
        if (f.after() != null && f.at() != null) {
            problems.add(Problem.key(
                    path + ".at",
                    "'after' and 'at' are two triggers; give one: after N messages, or at a time after the start"));
        }
        if (f.after() != null && f.channel() != null) {
            problems.add(Problem.key(
                    path + ".after",
                    "'after' counts a process's messages; a channel fault takes 'at', e.g. 'at: 500ms'"));
        }
        if (f.after() != null && f.after() < 1)
            problems.add(Problem.value(path + ".after", "after=" + f.after() + " must be at least 1"));
        if (f.after() == null && f.at() == null && a != FaultAction.DELAY) {
            problems.add(Problem.key(
                    path,
                    "when? give 'after: N' (messages the process sent or received) or 'at: 500ms' (after the start)"
                            + (a.onChannel() ? "; a channel fault takes 'at'" : "")));
        }
        if (a == FaultAction.CONT && f.after() != null) {
            problems.add(Problem.key(
                    path + ".after", "a stopped process counts no messages: cont takes 'at', e.g. 'at: 800ms'"));
        }
        if (f.at() != null && (f.at().isNegative() || f.at().compareTo(timeout) >= 0)) {
            problems.add(Problem.value(
                    path + ".at",
                    "at=" + Durations.format(f.at()) + " must be from 0 to less than the scenario's timeout="
                            + Durations.format(timeout)));
        }
        if (f.holdFor() != null && a != FaultAction.DELAY) {
            problems.add(Problem.key(
                    path + ".for",
                    "'for' is how long a delay holds each operation; it goes with 'action: delay' only"));
        }
        if (a == FaultAction.DELAY && f.holdFor() == null) {
            problems.add(Problem.key(path, "'for' is missing: how long each operation is held, e.g. 'for: 50ms'"));
        }
        if (f.holdFor() != null
                && (f.holdFor().isZero()
                        || f.holdFor().isNegative()
                        || f.holdFor().compareTo(MAX_DELAY) > 0)) {
            problems.add(Problem.value(
                    path + ".for",
                    "for=" + Durations.format(f.holdFor()) + " must be from 1ns to " + Durations.format(MAX_DELAY)));
        }
        if (problems.size() > before) return null;
        return new PlannedFault(
                i,
                f.process(),
                f.channel(),
                a,
                f.after() == null ? 0 : f.after(),
                f.at() == null ? -1 : f.at().toNanos(),
                f.holdFor() == null ? 0 : f.holdFor().toNanos());
    }

    /** Why this channel does not take the action; null when it does. */
    private static String refusal(FaultAction a, ChannelSpec c) {
        String what = c.name() + " is " + Names.yaml(c.type());
        if (a == FaultAction.FILL && c.type() != ChannelType.MSGQ)
            return "fill fills a message queue to its capacity; " + what;
        if (a == FaultAction.REMOVE) {
            if (c.type() == ChannelType.MSGQ) return null;
            if (c.type() == ChannelType.SHM && (c.sync() == null || c.sync() == Sync.SEMAPHORE)) return null;
            return "remove takes a System V object away while it is in use: a msgq, or an shm channel with sync: semaphore (its semaphore set;"
                    + " the segment itself stays until its last detach); " + what
                    + (c.type() == ChannelType.SHM ? " with sync: " + Names.yaml(c.sync()) : "");
        }
        return null;
    }

    private static String first(java.util.Collection<String> names) {
        return names.isEmpty() ? "<name>" : names.iterator().next();
    }
}
