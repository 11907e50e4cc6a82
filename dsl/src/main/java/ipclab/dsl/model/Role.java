package ipclab.dsl.model;

import java.util.Set;

/**
 * What a process does: stream messages out, read them, send and time round trips, return what it gets, or add to a
 * counter in shared memory. YAML spelling: {@link Names#yaml}.
 */
public enum Role {
    /** Streams messages into its channel. */
    WRITER(Flow.SENDS, Flow.ORIGINATES),
    /** Reads what the writers on its channel send. */
    READER(Flow.RECEIVES, Flow.CONSUMES),
    /** Sends a message, waits for it to come back, and times the round trip. */
    PINGER(Flow.SENDS, Flow.RECEIVES, Flow.ORIGINATES),
    /** Returns every message it gets to the pinger. */
    ECHO(Flow.SENDS, Flow.RECEIVES, Flow.CONSUMES),
    /** Adds one to a counter in shared memory, {@code messages} times. */
    INCREMENTER;

    /** The ways a role's messages flow; a role is the set of those it takes part in. */
    private enum Flow {
        SENDS,
        RECEIVES,
        ORIGINATES,
        CONSUMES
    }

    private final Set<Flow> flows;

    Role(Flow... flows) {
        this.flows = Set.of(flows);
    }

    /** Whether this role puts messages into its channel (the one rule; do not re-derive it from role names). */
    public boolean sends() {
        return flows.contains(Flow.SENDS);
    }

    /** Whether this role takes messages out of its channel. */
    public boolean receives() {
        return flows.contains(Flow.RECEIVES);
    }

    /**
     * Whether this role starts the channel's traffic: sends numbered messages of its own (writer,
     * pinger). An echo sends too, but only returns what it got. The channel's conservation
     * counts these messages.
     */
    public boolean originates() {
        return flows.contains(Flow.ORIGINATES);
    }

    /**
     * Whether this role takes in the traffic others started (reader, echo). A pinger receives
     * too, but only the echoes of its own messages.
     */
    public boolean consumes() {
        return flows.contains(Flow.CONSUMES);
    }
}
