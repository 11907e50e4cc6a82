package ipclab.engine.protocol;

/**
 * Where a role stops before each operation on a kernel object or shared memory in step mode,
 * and where it says what the operation came to. A port calls {@link #before} right before the
 * operation acts (before a cursor is read for a claim, before a poll looks at a slot, before
 * every msgsnd, msgrcv, semop, send, recv, read, write, load, store and end-of-stream marker),
 * performs exactly that one operation, and then describes its outcome with {@link #result},
 * {@link #message} and {@link #number} (what it does not set stays "ok" and "none"). The
 * outcome goes to the supervisor when the worker next settles: at its next {@link #before}, or
 * when it ends.
 *
 * <p>In a stepped run ({@link #stepped()}) ports never sleep in the kernel: a call that could
 * block is made with IPC_NOWAIT, MSG_DONTWAIT or on a non-blocking descriptor, and "it would
 * block" is the step's result ({@link StepResult#WOULD_BLOCK}); the role retries the same
 * operation at its next step.
 *
 * <p>Free runs use {@link #FREE}, which does nothing: the JIT sees one implementation and the
 * calls disappear, so free runs pay nothing for step mode.
 */
public interface StepGate {
    /** Announces the operation to the supervisor and blocks until it grants one step. */
    void before(StepOp op, String channel);

    /** True in a stepped run: try every call that could block without blocking. */
    boolean stepped();

    /** The current step's result (default {@link StepResult#OK}). */
    void result(StepResult r);

    /** One numeric fact of the current step, e.g. {@link StepNumber#SLOT}: the cursor position of its slot. */
    void number(StepNumber which, long v);

    /** The message the step sent or took: its header's writer and seq, and its size. */
    void message(long writer, long seq, long size);

    StepGate FREE = new Free();

    /** {@link #FREE}'s class (a class, not a lambda: no lambda bootstrap on a worker's start-up path). */
    final class Free implements StepGate {
        private Free() {}

        @Override
        public void before(StepOp op, String channel) {}

        @Override
        public boolean stepped() {
            return false;
        }

        @Override
        public void result(StepResult r) {}

        @Override
        public void number(StepNumber which, long v) {}

        @Override
        public void message(long writer, long seq, long size) {}
    }
}
