package ipclab.engine.protocol;

/**
 * Where a role stops before each IPC operation in step mode. Roles call {@link #before} right
 * before every msgsnd, msgrcv, semop, slot write or read, socket send or recv, pipe read or
 * write, and, for an unsynchronised incrementer, before its load and before its store.
 *
 * <p>Free runs use {@link #FREE}, which does nothing: the JIT sees one implementation and the
 * call disappears, so free runs pay nothing for step mode.
 */
public interface StepGate {
    /**
     * Announces the operation to the supervisor and blocks until it grants one step.
     *
     * @param op      the operation as people read it: {@code msgsnd}, {@code msgrcv}, {@code semop},
     *                {@code write-slot}, {@code read-slot}, {@code send}, {@code recv}, {@code write}, {@code read}
     *                (FIFO), and for incrementers {@code load}, {@code store}, {@code cas}, {@code getAndAdd}
     * @param channel the channel's name
     */
    void before(String op, String channel);

    StepGate FREE = new Free();

    /** {@link #FREE}'s class (a class, not a lambda: no lambda bootstrap on a worker's start-up path). */
    final class Free implements StepGate {
        private Free() {}

        @Override
        public void before(String op, String channel) {}
    }
}
