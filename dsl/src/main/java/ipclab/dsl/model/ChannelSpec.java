package ipclab.dsl.model;

import java.util.List;

/**
 * One channel as the scenario wrote it. Fields the scenario left out are {@code null}; the
 * planner fills in defaults when it makes a plan, so that writing a scenario back to YAML gives
 * what its author wrote. {@code name} is the key under {@code channels:}; every other component
 * is the YAML key of the same name, described (with where it applies and its default) in {@link Key}.
 */
public record ChannelSpec(
        String name,
        ChannelType type,
        ByteSize size,
        Integer slots,
        Sync sync,
        Fanout fanout,
        Removal remove,
        QueueMode mode,
        ByteSize capacity,
        SocketDomain domain,
        Verify verify,
        Integer sample) {
    /** The YAML keys of a channel, in the order they are written (from {@link Key}). */
    public static final List<String> KEYS = Key.names(Key.Scope.CHANNEL);

    public ChannelSpec {
        KeyValues.requireNameAnd(name, "channel", type, Key.TYPE);
    }

    /** A builder holding this channel's fields, to change some. */
    public Builder toBuilder() {
        return new Builder(name, type).from(this);
    }

    /** The value of a key as YAML writes it, or {@code null} when not given. */
    public String get(String key) {
        return KeyValues.text(Key.Scope.CHANNEL, this, key, "channel");
    }

    /**
     * Fluent builder; method names are the YAML keys (see {@link Key} for what each means and its
     * default). Start one with {@code Scenarios.shm("ring")}, {@code msgq(..)}, {@code socket(..)} or {@code pipe(..)}.
     */
    public static final class Builder extends SpecBuilder<Builder> {
        public Builder(String name, ChannelType type) {
            super(name, ChannelSpec.class, Key.TYPE, type);
        }

        public Builder type(ChannelType t) {
            return put(Key.TYPE, t);
        }

        public Builder size(ByteSize s) {
            return put(Key.SEGMENT_SIZE, s);
        }
        /** The segment size in bytes. */
        public Builder size(long bytes) {
            return size(ByteSize.of(bytes));
        }

        public Builder slots(int n) {
            return put(Key.SLOTS, n);
        }

        public Builder sync(Sync s) {
            return put(Key.SYNC, s);
        }

        public Builder fanout(Fanout f) {
            return put(Key.FANOUT, f);
        }

        public Builder remove(Removal r) {
            return put(Key.REMOVE, r);
        }

        public Builder mode(QueueMode m) {
            return put(Key.MODE, m);
        }

        public Builder capacity(ByteSize c) {
            return put(Key.CAPACITY, c);
        }
        /** msg_qbytes in bytes. */
        public Builder capacity(long bytes) {
            return capacity(ByteSize.of(bytes));
        }

        public Builder domain(SocketDomain d) {
            return put(Key.DOMAIN, d);
        }

        public Builder verify(Verify v) {
            return put(Key.VERIFY, v);
        }

        public Builder sample(int n) {
            return put(Key.SAMPLE, n);
        }

        public ChannelSpec build() {
            return CallSites.attach(values.<ChannelSpec>build(name()), sites);
        }
    }
}
