package ipclab.dsl.plan;

import ipclab.dsl.model.Durations;
import ipclab.dsl.model.FaultAction;
import ipclab.dsl.model.Names;
import java.time.Duration;

/**
 * One fault to inject, checked: its target exists and takes the action, and exactly one trigger.
 *
 * @param index     its place under {@code faults:} (0-based), for reports
 * @param process   the process it acts on (a name after replicas), or {@code null}
 * @param channel   the channel it acts on, or {@code null}
 * @param action    what it does
 * @param after     messages the process sent or received before it acts; 0 when timed or immediate
 * @param atNanos   ns after the start barrier; -1 when triggered by {@code after}, or (delay only) from the start
 * @param forNanos  delay: how long each operation is held; 0 for the others
 */
public record PlannedFault(
        int index, String process, String channel, FaultAction action, long after, long atNanos, long forNanos) {
    /** The supervisor injects it at a time ({@code at}); otherwise the process does it to itself after a count (or, delay, from the start). */
    public boolean timed() {
        return atNanos >= 0;
    }

    /** The target as a person reads it: {@code producer-1} or {@code channel jobs}. */
    public String target() {
        return process != null ? process : "channel " + channel;
    }

    /** What and when, e.g. {@code kill producer-1 after 1000 messages}, {@code remove channel jobs at 500ms}. */
    public String describe() {
        String what = Names.yaml(action) + " " + target();
        if (forNanos > 0) what += " for " + Durations.format(Duration.ofNanos(forNanos)) + " per operation";
        if (atNanos >= 0) return what + " at " + Durations.format(Duration.ofNanos(atNanos));
        if (after > 0) return what + " after " + after + " messages";
        return what + " from the start";
    }
}
