package ipclab.dsl.model;

import java.util.List;
import java.util.Map;

/**
 * A mechanism: a channel type together with the keys that make it one thing to compare, as a
 * sweep's mechanism axis names it (in the YAML spelling of {@link Names#yaml}) ({@code channels.link.type: [msgq, shm-sem, shm-spin, unix, tcp, pipe]}).
 * Selecting a mechanism sets the type and its keys and drops the keys the new type does not take
 * (a shm channel's {@code sync} when the axis selects msgq, a process's {@code mtype} when it
 * selects shm), so that one scenario can compare every mechanism at every size.
 */
public enum Mechanism {
    MSGQ(ChannelType.MSGQ, Map.of()),
    SHM(ChannelType.SHM, Map.of()),
    SHM_SEM(ChannelType.SHM, Map.of(Key.SYNC, Sync.SEMAPHORE)),
    SHM_SPIN(ChannelType.SHM, Map.of(Key.SYNC, Sync.SPIN)),
    SOCKET(ChannelType.SOCKET, Map.of()),
    UNIX(ChannelType.SOCKET, Map.of(Key.DOMAIN, SocketDomain.UNIX)),
    TCP(ChannelType.SOCKET, Map.of(Key.DOMAIN, SocketDomain.TCP)),
    PIPE(ChannelType.PIPE, Map.of());

    private final ChannelType type;
    /** The keys this mechanism sets besides the type (shm-sem's sync, tcp's domain). */
    private final Map<Key, Object> keys;

    Mechanism(ChannelType type, Map<Key, Object> keys) {
        this.type = type;
        this.keys = keys;
    }

    public ChannelType type() {
        return type;
    }

    /** The channel as this mechanism: its type and keys set, the keys its type does not take dropped. */
    public ChannelSpec select(ChannelSpec c) {
        ChannelSpecBuilder b = c.toBuilder().type(type);
        keys.forEach(b::put);
        return fit(b.build());
    }

    /** The channel without the keys its type does not take (a {@code sync} left on a queue). */
    public static ChannelSpec fit(ChannelSpec c) {
        ChannelSpecBuilder b = c.toBuilder();
        for (Key k : Key.of(Key.Scope.CHANNEL)) {
            if (k != Key.TYPE && !k.facts().appliesTo(c.type())) b.put(k, null);
        }
        return b.build();
    }

    /** A process on a channel of type {@code t}, without the keys that type does not take ({@code mtype} off a queue). */
    public static ProcessSpec fit(ProcessSpec p, ChannelType t) {
        ProcessSpecBuilder b = p.toBuilder();
        List<Key> drop = Key.of(Key.Scope.PROCESS).stream()
                .filter(k -> !k.facts().appliesTo(t) && p.get(k.yaml()) != null)
                .toList();
        if (drop.isEmpty()) return p;
        for (Key k : drop) b.put(k, null);
        return b.build();
    }
}
