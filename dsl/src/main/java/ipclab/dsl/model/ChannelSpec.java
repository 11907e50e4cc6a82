package ipclab.dsl.model;

import java.util.List;

/**
 * One channel as the scenario wrote it. Fields the scenario left out are {@code null}; the
 * planner fills in defaults when it makes a plan, so that writing a scenario back to YAML gives
 * what its author wrote. {@code name} is the key under {@code channels:}; every other component
 * is the YAML key of the same name, described (with where it applies and its default) in {@link Key}.
 */
public record ChannelSpec(String name, ChannelType type, ByteSize size, Integer slots, Sync sync, Fanout fanout,
                          QueueMode mode, ByteSize capacity, SocketDomain domain) {
    /** The YAML keys of a channel, in the order they are written (from {@link Key}). */
    public static final List<String> KEYS = Key.names(Key.Scope.CHANNEL);

    public ChannelSpec {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a channel needs a name");
        if (type == null) throw new IllegalArgumentException("channel " + name + " needs a type");
    }

    /** A builder holding this channel's fields, to change some. */
    public Builder toBuilder() { return new Builder(name, KeyValues.of(Key.Scope.CHANNEL, this)); }

    /** The value of a key as YAML writes it, or {@code null} when not given. */
    public String get(String key) { return KeyValues.text(Key.Scope.CHANNEL, this, key, "channel"); }

    /**
     * Fluent builder; method names are the YAML keys (see {@link Key} for what each means and its
     * default). Start one with {@code Scenarios.shm("ring")}, {@code msgq(..)}, {@code socket(..)} or {@code pipe(..)}.
     */
    public static final class Builder {
        private final String name;
        private final KeyValues values;

        public Builder(String name, ChannelType type) { this(name, new KeyValues(Key.Scope.CHANNEL, ChannelSpec.class).put(Key.TYPE, type)); }

        private Builder(String name, KeyValues values) { this.name = name; this.values = values; }

        public String name() { return name; }
        public Builder type(ChannelType t) { values.put(Key.TYPE, t); return this; }
        public Builder size(ByteSize s) { values.put(Key.SEGMENT_SIZE, s); return this; }
        /** The segment size in bytes. */
        public Builder size(long bytes) { return size(ByteSize.of(bytes)); }
        public Builder slots(int n) { values.put(Key.SLOTS, n); return this; }
        public Builder sync(Sync s) { values.put(Key.SYNC, s); return this; }
        public Builder fanout(Fanout f) { values.put(Key.FANOUT, f); return this; }
        public Builder mode(QueueMode m) { values.put(Key.MODE, m); return this; }
        public Builder capacity(ByteSize c) { values.put(Key.CAPACITY, c); return this; }
        /** msg_qbytes in bytes. */
        public Builder capacity(long bytes) { return capacity(ByteSize.of(bytes)); }
        public Builder domain(SocketDomain d) { values.put(Key.DOMAIN, d); return this; }

        /** Sets a key from its YAML text ({@code size}, {@code "64KiB"}); the exception's message is for the user. */
        public Builder set(String key, String text) { values.set(key, text, "channel"); return this; }

        public ChannelSpec build() {
            return new ChannelSpec(name, (ChannelType) values.get(Key.TYPE), (ByteSize) values.get(Key.SEGMENT_SIZE),
                    (Integer) values.get(Key.SLOTS), (Sync) values.get(Key.SYNC), (Fanout) values.get(Key.FANOUT),
                    (QueueMode) values.get(Key.MODE), (ByteSize) values.get(Key.CAPACITY), (SocketDomain) values.get(Key.DOMAIN));
        }
    }
}
