package ipclab.dsl.model;

/** What carries the bytes: System V shared memory, a System V message queue, a socket, a named FIFO. YAML spelling: {@link Names#yaml}. */
public enum ChannelType {
    SHM,
    MSGQ,
    SOCKET,
    PIPE
}
