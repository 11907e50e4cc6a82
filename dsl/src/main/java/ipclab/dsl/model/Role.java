package ipclab.dsl.model;

/**
 * What a process does: stream messages out, read them, send and time round trips, return what it gets, or add to a
 * counter in shared memory. YAML spelling: {@link Names#yaml}.
 */
public enum Role {
    WRITER(true, false),
    READER(false, true),
    PINGER(true, true),
    ECHO(true, true),
    INCREMENTER(false, false);

    private final boolean sends;
    private final boolean receives;

    Role(boolean sends, boolean receives) {
        this.sends = sends;
        this.receives = receives;
    }

    /** Whether this role puts messages into its channel (the one rule; do not re-derive it from role names). */
    public boolean sends() {
        return sends;
    }

    /** Whether this role takes messages out of its channel. */
    public boolean receives() {
        return receives;
    }
}
