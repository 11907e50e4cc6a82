package ipclab.dsl.model;

import java.util.List;
import java.util.Optional;

/**
 * A mechanism: a channel type together with the keys that make it one thing to compare, as a
 * sweep's mechanism axis names it ({@code channels.link.type: [msgq, shm-sem, shm-spin, unix, tcp, pipe]}).
 * Selecting a mechanism sets the type and its keys and drops the keys the new type does not take
 * (a shm channel's {@code sync} when the axis selects msgq, a process's {@code mtype} when it
 * selects shm), so that one scenario can compare every mechanism at every size.
 */
public enum Mechanism {
    MSGQ("msgq", ChannelType.MSGQ, null, null),
    SHM("shm", ChannelType.SHM, null, null),
    SHM_SEM("shm-sem", ChannelType.SHM, Sync.SEMAPHORE, null),
    SHM_SPIN("shm-spin", ChannelType.SHM, Sync.SPIN, null),
    SOCKET("socket", ChannelType.SOCKET, null, null),
    UNIX("unix", ChannelType.SOCKET, null, SocketDomain.UNIX),
    TCP("tcp", ChannelType.SOCKET, null, SocketDomain.TCP),
    PIPE("pipe", ChannelType.PIPE, null, null);

    private final String yaml;
    private final ChannelType type;
    private final Sync sync;
    private final SocketDomain domain;

    Mechanism(String yaml, ChannelType type, Sync sync, SocketDomain domain) {
        this.yaml = yaml;
        this.type = type;
        this.sync = sync;
        this.domain = domain;
    }

    public String yaml() {
        return yaml;
    }

    public ChannelType type() {
        return type;
    }

    public static Optional<Mechanism> named(String yaml) {
        return Names.named(Mechanism.class, Mechanism::yaml, yaml);
    }

    /** {@code msgq | shm | shm-sem | shm-spin | socket | unix | tcp | pipe}. */
    public static String choices() {
        return Names.list(Mechanism.class, Mechanism::yaml, " | ");
    }

    /** The channel as this mechanism: its type and keys set, the keys its type does not take dropped. */
    public ChannelSpec select(ChannelSpec c) {
        ChannelSpec.Builder b = c.toBuilder().type(type);
        if (sync != null) b.sync(sync);
        if (domain != null) b.domain(domain);
        return fit(b.build());
    }

    /** The channel without the keys its type does not take (a {@code sync} left on a queue). */
    public static ChannelSpec fit(ChannelSpec c) {
        ChannelSpec.Builder b = c.toBuilder();
        for (Key k : Key.of(Key.Scope.CHANNEL)) {
            if (k != Key.TYPE && !k.appliesTo(c.type())) b.put(k, null);
        }
        return b.build();
    }

    /** A process on a channel of type {@code t}, without the keys that type does not take ({@code mtype} off a queue). */
    public static ProcessSpec fit(ProcessSpec p, ChannelType t) {
        ProcessSpec.Builder b = p.toBuilder();
        List<Key> drop = Key.of(Key.Scope.PROCESS).stream()
                .filter(k -> !k.appliesTo(t) && p.get(k.yaml()) != null)
                .toList();
        if (drop.isEmpty()) return p;
        for (Key k : drop) b.put(k, null);
        return b.build();
    }
}
