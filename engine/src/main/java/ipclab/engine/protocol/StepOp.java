package ipclab.engine.protocol;

import java.util.Locale;

/**
 * Every operation a stepped worker performs on a kernel object or on shared memory, one grant
 * each. The wire name is the lower-case name with dashes ({@code slot-claim}).
 */
public enum StepOp {
    /** System V message queue: one msgsnd (IPC_NOWAIT in step mode). */
    MSGSND,
    /** System V message queue: one msgrcv (IPC_NOWAIT in step mode). */
    MSGRCV,
    /** System V semaphores: one semop (all its sembufs at once, IPC_NOWAIT in step mode). */
    SEMOP,
    /**
     * Ring: claims the slot at the write cursor (spin: check its sequence and move the cursor;
     * semaphore: read the cursor after the semop). The claimant writes its message into the slot
     * within this step: the slot is its own until it publishes.
     */
    SLOT_CLAIM,
    /** Ring: publishes a written slot (stores its sequence, and the cursor where the sync says). */
    SLOT_PUBLISH,
    /** Ring: looks at the slot at the read cursor and takes its message (an empty slot: {@link StepResult#EMPTY}). */
    SLOT_READ,
    /** Ring: frees a read slot (stores its next sequence or the read cursor). */
    SLOT_RELEASE,
    /** Racy ring ({@code sync: none}): a plain load of the shared write cursor. */
    CURSOR_LOAD,
    /** Racy ring ({@code sync: none}): a plain store of the shared write cursor (and the message into its slot). */
    CURSOR_STORE,
    /** Socket: one send (MSG_DONTWAIT in step mode). */
    SEND,
    /** Socket: one recv (MSG_DONTWAIT in step mode). */
    RECV,
    /** FIFO: one write (O_NONBLOCK in step mode). */
    WRITE,
    /** FIFO: one read (O_NONBLOCK in step mode). */
    READ,
    /** Incrementer: a load of the shared counter. */
    LOAD,
    /** Incrementer: a store of the shared counter. */
    STORE,
    /** Incrementer ({@code sync: spin}): one CAS on the spin lock. */
    LOCK_CAS,
    /** Incrementer ({@code sync: spin}): the release store that frees the spin lock. */
    LOCK_RELEASE,
    /** Incrementer ({@code sync: atomic}): one getAndAdd on the counter. */
    ATOMIC_ADD,
    /**
     * A writer's end of stream: counting itself in writers-done (rings), an end marker (queues,
     * datagrams), shutdown (stream sockets) or close (FIFOs).
     */
    END;

    private final String wire = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** The name on the wire and in traces: {@code slot-claim}. */
    public String wireName() {
        return wire;
    }

    /** The op with this wire name; IllegalArgumentException naming the valid ones otherwise. */
    public static StepOp ofWire(String s) {
        for (StepOp o : values()) if (o.wire.equals(s)) return o;
        throw new IllegalArgumentException("unknown step operation " + s + " (expected one of "
                + java.util.Arrays.stream(values()).map(StepOp::wireName).toList() + ")");
    }

    @Override
    public String toString() {
        return wire;
    }
}
