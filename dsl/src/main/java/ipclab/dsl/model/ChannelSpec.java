package ipclab.dsl.model;

/**
 * One channel as the scenario wrote it. Fields the scenario left out are {@code null}; the
 * validator fills in defaults when it makes a {@link ipclab.dsl.plan.Plan}, so that writing a
 * scenario back to YAML gives what its author wrote.
 *
 * @param name     the key under {@code channels:}
 * @param type     shm | msgq | socket | pipe
 * @param size     shm: segment size
 * @param slots    shm: ring slots
 * @param sync     shm: none | semaphore | spin | atomic
 * @param fanout   shm with several readers: shared | broadcast
 * @param mode     msgq: blocking | nowait
 * @param capacity msgq: msg_qbytes
 * @param domain   socket: unix | unix-dgram | tcp | udp
 */
public record ChannelSpec(String name, ChannelType type, ByteSize size, Integer slots, Sync sync, Fanout fanout,
                          QueueMode mode, ByteSize capacity, SocketDomain domain) {
    public ChannelSpec {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a channel needs a name");
        if (type == null) throw new IllegalArgumentException("channel " + name + " needs a type");
    }
}
