package ipclab.engine.run;

import java.util.Locale;

/** What just happened in a run, as told to a {@link RunListener}; printed in lower case ({@code spawned}). */
public enum RunEvent {
    /** A worker JVM was started. */
    SPAWNED,
    /** A worker attached to its channel and waits at the start barrier. */
    READY,
    /** All workers were released together. */
    GO,
    /** Step mode: a worker announced its next operation and waits for a grant. */
    PENDING,
    /** Step mode: a worker did one granted operation. */
    STEPPED,
    /** Step mode ended: the workers run free. */
    FREE,
    /** A worker reported an error. */
    ERROR,
    /** A worker sat in a blocking call past the timeout. */
    BLOCKED,
    /** A worker exited. */
    EXITED,
    /** A fault of the scenario acted (or a consequence of one was dealt with). */
    FAULT,
    /** The run is winding down with workers still running. */
    STOPPING,
    /** The run is over and its report made. */
    DONE;

    /** The name printed: {@code spawned}, {@code ready}... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return label();
    }
}
