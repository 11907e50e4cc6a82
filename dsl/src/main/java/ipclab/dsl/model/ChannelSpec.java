package ipclab.dsl.model;

import java.util.List;

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
    /** The YAML keys of a channel, in the order they are written. */
    public static final List<String> KEYS = List.of("type", "size", "slots", "sync", "fanout", "mode", "capacity", "domain");

    public ChannelSpec {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a channel needs a name");
        if (type == null) throw new IllegalArgumentException("channel " + name + " needs a type");
    }

    /** A builder holding this channel's fields, to change some. */
    public Builder toBuilder() {
        Builder b = new Builder(name, type);
        b.size = size; b.slots = slots; b.sync = sync; b.fanout = fanout; b.mode = mode; b.capacity = capacity; b.domain = domain;
        return b;
    }

    /** The value of a key as YAML writes it, or {@code null} when not given. */
    public String get(String key) {
        Object v = switch (key) {
            case "type" -> type; case "size" -> size; case "slots" -> slots; case "sync" -> sync; case "fanout" -> fanout;
            case "mode" -> mode; case "capacity" -> capacity; case "domain" -> domain;
            default -> throw new IllegalArgumentException("no channel key " + key);
        };
        return v == null ? null : v instanceof Enum<?> e ? Names.yaml(e) : v.toString();
    }

    /**
     * Fluent builder; method names are the YAML keys. Start one with
     * {@code Scenarios.shm("ring")}, {@code msgq(..)}, {@code socket(..)} or {@code pipe(..)}.
     */
    public static final class Builder {
        private final String name;
        private ChannelType type;
        private ByteSize size;
        private Integer slots;
        private Sync sync;
        private Fanout fanout;
        private QueueMode mode;
        private ByteSize capacity;
        private SocketDomain domain;

        public Builder(String name, ChannelType type) { this.name = name; this.type = type; }

        public String name() { return name; }
        public Builder type(ChannelType t) { this.type = t; return this; }
        /** shm: the segment size (default 64KiB). */
        public Builder size(ByteSize s) { this.size = s; return this; }
        /** shm: the segment size in bytes. */
        public Builder size(long bytes) { return size(ByteSize.of(bytes)); }
        /** shm: ring slots, a power of two (default 16). */
        public Builder slots(int n) { this.slots = n; return this; }
        /** shm: none | semaphore | spin | atomic (default semaphore). */
        public Builder sync(Sync s) { this.sync = s; return this; }
        /** shm with several readers: shared | broadcast (default shared). */
        public Builder fanout(Fanout f) { this.fanout = f; return this; }
        /** msgq: blocking | nowait (default blocking). */
        public Builder mode(QueueMode m) { this.mode = m; return this; }
        /** msgq: msg_qbytes (default the kernel's msgmnb). */
        public Builder capacity(ByteSize c) { this.capacity = c; return this; }
        /** msgq: msg_qbytes in bytes. */
        public Builder capacity(long bytes) { return capacity(ByteSize.of(bytes)); }
        /** socket: unix | unix-dgram | tcp | udp (default unix). */
        public Builder domain(SocketDomain d) { this.domain = d; return this; }

        /** Sets a key from its YAML text ({@code size}, {@code "64KiB"}); the exception's message is for the user. */
        public Builder set(String key, String text) {
            switch (key) {
                case "type" -> type = Values.enumValue(ChannelType.class, text);
                case "size" -> size = Values.size(text);
                case "slots" -> slots = Math.toIntExact(Math.min(Values.integer(text, "slots", 1), Integer.MAX_VALUE));
                case "sync" -> sync = Values.enumValue(Sync.class, text);
                case "fanout" -> fanout = Values.enumValue(Fanout.class, text);
                case "mode" -> mode = Values.enumValue(QueueMode.class, text);
                case "capacity" -> capacity = Values.size(text);
                case "domain" -> domain = Values.enumValue(SocketDomain.class, text);
                default -> throw new IllegalArgumentException("unknown channel key '" + key + "'; valid keys: "
                        + String.join(", ", KEYS) + Suggestions.didYouMean(key, KEYS));
            }
            return this;
        }

        public ChannelSpec build() { return new ChannelSpec(name, type, size, slots, sync, fanout, mode, capacity, domain); }
    }
}
