package ipclab.engine.role;

import ipclab.engine.protocol.WorkerReport;

/**
 * One process's role (writer, reader, pinger, echo, incrementer), driven one unit of work at a
 * time, in the spirit of Agrona's {@code Agent}. The worker's main loop (free mode) and the step
 * scheduler (step mode) drive the same code:
 *
 * <pre>
 *   onStart()            attach / connect; measured as setup; then the worker reports READY
 *   ... start barrier ...
 *   while (!isDone()) doWork();
 *   onClose()            detach / close; measured as teardown
 *   report()             the figures, sent to the supervisor
 * </pre>
 *
 * Implementations do not allocate in {@link #doWork()}.
 */
public interface RoleAgent {
    /** writer, reader, pinger, echo or incrementer. */
    String roleName();

    /** Attaches to or connects the channel; called before READY. */
    void onStart() throws Exception;

    /** Called once right after the start barrier opens, before the first {@link #doWork()}. */
    default void onGo() {}

    /**
     * One unit of work: one message sent, received or echoed, one round trip, one increment.
     *
     * @return how much was done (0 when there was nothing to do, e.g. a nowait receive found the queue empty)
     */
    int doWork() throws Exception;

    /** True once the role has done all it was asked, or saw the end of the stream. */
    boolean isDone();

    /**
     * Asks a role that may be blocked or looping to finish at its next chance (duration ended,
     * or the supervisor said stop). Called from another thread.
     */
    void requestStop();

    /** Detaches, closes; called once, also after a failure. */
    void onClose();

    /** The figures of this run; called after {@link #onClose()}. */
    WorkerReport report();
}
