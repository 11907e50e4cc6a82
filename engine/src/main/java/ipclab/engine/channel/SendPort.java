package ipclab.engine.channel;

import java.lang.foreign.MemorySegment;

/**
 * The sending end of a channel, as a role sees it. A send is {@link #claim()} (room for one
 * message; may block), writing the message into {@link #buffer()} at the returned offset, then
 * {@link #publish(int)}. Implementations announce each IPC operation to the step gate and do not
 * allocate.
 */
public interface SendPort {
    /** Where messages are written. */
    MemorySegment buffer();

    /**
     * Gets room for one message.
     *
     * @return the offset in {@link #buffer()} to write the message at, or -1 when there is no room
     *         now and the caller should retry later (or a stop was requested while waiting). By
     *         default 0: a port that copies the message out of its own buffer (queue, socket, FIFO)
     *         always has room there; only a ring claims a slot.
     */
    default long claim() {
        return 0;
    }

    /**
     * Sends the claimed message.
     *
     * @return true when sent; false when it cannot go now (IPC_NOWAIT: EAGAIN); the caller retries
     *         publish later, the message still in place
     */
    boolean publish(int length);

    /** This writer has sent its last message (shm: writers-done, datagram: end marker, stream: shutdown). */
    void finish();

    /** Asks a waiting {@link #claim()} to give up (from another thread). */
    default void requestStop() {}

    /** Detaches, closes. Idempotent. */
    void close();
}
