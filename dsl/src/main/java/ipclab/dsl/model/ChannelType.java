package ipclab.dsl.model;

/** What carries the bytes: System V shared memory, a System V message queue, a socket, a named FIFO. YAML spelling: {@link Names#yaml}. */
public enum ChannelType {
    /** A System V shared-memory ring (segment + optional semaphores). */
    SHM,
    /** A System V message queue. */
    MSGQ,
    /** A socket; set {@code domain} (default unix). */
    SOCKET,
    /** A named FIFO. */
    PIPE
}
