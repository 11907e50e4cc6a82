package ipclab.dsl.model;

/**
 * What a process does: stream messages out, read them, send and time round trips, return what it gets, or add to a
 * counter in shared memory. YAML spelling: {@link Names#yaml}.
 */
public enum Role {
    //          sends  receives originates consumes
    WRITER(true, false, true, false),
    READER(false, true, false, true),
    PINGER(true, true, true, false),
    ECHO(true, true, false, true),
    INCREMENTER(false, false, false, false);

    private final boolean sends;
    private final boolean receives;
    private final boolean originates;
    private final boolean consumes;

    Role(boolean sends, boolean receives, boolean originates, boolean consumes) {
        this.sends = sends;
        this.receives = receives;
        this.originates = originates;
        this.consumes = consumes;
    }

    /** Whether this role puts messages into its channel (the one rule; do not re-derive it from role names). */
    public boolean sends() {
        return sends;
    }

    /** Whether this role takes messages out of its channel. */
    public boolean receives() {
        return receives;
    }

    /**
     * Whether this role starts the channel's traffic: sends numbered messages of its own (writer,
     * pinger). An echo sends too, but only returns what it got. The channel's conservation
     * counts these messages.
     */
    public boolean originates() {
        return originates;
    }

    /**
     * Whether this role takes in the traffic others started (reader, echo). A pinger receives
     * too, but only the echoes of its own messages.
     */
    public boolean consumes() {
        return consumes;
    }
}
