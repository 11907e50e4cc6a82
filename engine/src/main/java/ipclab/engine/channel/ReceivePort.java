package ipclab.engine.channel;

import java.lang.foreign.MemorySegment;

/**
 * The receiving end of a channel, as a role sees it: {@link #poll()} gets one message, which the
 * role reads in place at {@link #buffer()} + {@link #offset()}, then {@link #release()}s.
 * Implementations announce each IPC operation to the step gate and do not allocate.
 */
public interface ReceivePort {
    /** Where received messages are. */
    MemorySegment buffer();

    /** Offset of the current message in {@link #buffer()}; 0 for a port that copies each message into its own buffer. */
    default long offset() {
        return 0;
    }

    /**
     * Tries to receive one message (may block).
     *
     * @return its length (> 0), 0 when nothing is there now, -1 at the end of the stream
     */
    int poll();

    /** Done with the current message (ring: frees the slot). */
    void release();

    /** Largest message this port can hold (for sanity checks of a header's length): by default its buffer's size. */
    default long maxMessage() {
        return buffer().byteSize();
    }

    /** True when the transport may lose messages (UDP): a pinger then gives up on a reply after a while. */
    default boolean lossy() {
        return false;
    }

    /** Asks a waiting {@link #poll()} to give up (from another thread). */
    default void requestStop() {}

    /** Detaches, closes. Idempotent. */
    void close();
}
