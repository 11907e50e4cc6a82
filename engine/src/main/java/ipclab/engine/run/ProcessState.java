package ipclab.engine.run;

/** Where a worker is, as the supervisor sees it. */
public enum ProcessState {
    /** spawned, its JVM starting or attaching. */
    STARTING,
    /** attached, waiting at the start barrier. */
    READY,
    /** step mode: announced its next IPC operation, waiting for a grant. */
    WAITING_FOR_GRANT,
    /** running (free, or between two announced operations). */
    RUNNING,
    /**
     * step mode: at its gate, announcing again an operation whose last try would have blocked;
     * enabled again when another process acts on its channel (a stepped worker never sleeps in the kernel).
     */
    BLOCKED,
    /** a thread of it sits in an IPC system call (msgrcv, semop, recvfrom, open of a FIFO...). */
    BLOCKED_IN_KERNEL,
    /** gone; see the exit code. */
    EXITED
}
