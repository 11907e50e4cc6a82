package ipclab.engine.trace;

/**
 * A trace that cannot be replayed, with a one-line message that says why and what to do: written
 * by another version, edited or corrupt (its hash does not match), cut short, or not a trace.
 */
public final class TraceException extends Exception {
    /** Why. */
    public enum Kind {
        UNREADABLE,
        NOT_A_TRACE,
        VERSION,
        TAMPERED,
        TRUNCATED,
        NONE_RECORDED,
        CANNOT_RUN
    }

    private final Kind kind;

    public TraceException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
