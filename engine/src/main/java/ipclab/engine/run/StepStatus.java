package ipclab.engine.run;

/** Where a process of a stepped run is, as the {@link Stepper} sees it. */
public enum StepStatus {
    /** Not yet at its first gate (its JVM is starting, or waiting at the start barrier). */
    STARTING,
    /** At a gate, announcing an operation that a grant would let it try. */
    ENABLED,
    /**
     * At a gate, announcing again an operation whose last try would have blocked (or found the
     * ring empty, or the lock held); enabled again when another process acts on its channel.
     */
    BLOCKED,
    /** Granted: doing its one operation; not settled. */
    RUNNING,
    /** Gone. */
    EXITED;

    /** Settled: it will not move without a grant (or ever again). */
    public boolean settled() {
        return this == ENABLED || this == BLOCKED || this == EXITED;
    }
}
