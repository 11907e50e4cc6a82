package ipclab.dsl.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A mechanism: a channel type together with the keys that make it one thing to compare, as a
 * sweep's mechanism axis names it ({@code channels.link.type: [msgq, shm-sem, shm-spin, unix, tcp, pipe]}).
 * Selecting a mechanism sets the type and its keys and drops the keys the new type does not take
 * (a shm channel's {@code sync} when the axis selects msgq, a process's {@code mtype} when it
 * selects shm), so that one scenario can compare every mechanism at every size.
 */
public enum Mechanism {
    MSGQ("msgq", ChannelType.MSGQ, Map.of()),
    SHM("shm", ChannelType.SHM, Map.of()),
    SHM_SEM("shm-sem", ChannelType.SHM, Map.of(Key.SYNC, Sync.SEMAPHORE)),
    SHM_SPIN("shm-spin", ChannelType.SHM, Map.of(Key.SYNC, Sync.SPIN)),
    SOCKET("socket", ChannelType.SOCKET, Map.of()),
    UNIX("unix", ChannelType.SOCKET, Map.of(Key.DOMAIN, SocketDomain.UNIX)),
    TCP("tcp", ChannelType.SOCKET, Map.of(Key.DOMAIN, SocketDomain.TCP)),
    PIPE("pipe", ChannelType.PIPE, Map.of());

    private final String yaml;
    private final ChannelType type;
    /** The keys this mechanism sets besides the type (shm-sem's sync, tcp's domain). */
    private final Map<Key, Object> keys;

    Mechanism(String yaml, ChannelType type, Map<Key, Object> keys) {
        this.yaml = yaml;
        this.type = type;
        this.keys = keys;
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
        keys.forEach(b::put);
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
