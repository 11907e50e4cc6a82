package ipclab.dsl.model;

import ipclab.dsl.processor.Setters;
import java.util.List;

/**
 * One channel as the scenario wrote it. Fields the scenario left out are {@code null}; the
 * planner fills in defaults when it makes a plan, so that writing a scenario back to YAML gives
 * what its author wrote. {@code name} is the key under {@code channels:}; every other component
 * is the YAML key of the same name, described (with where it applies and its default) in {@link Key}.
 */
@Setters
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
        Integer sample)
        implements Spec<ChannelSpec> {
    public ChannelSpec {
        KeyValues.requireNameAnd(name, "channel", type, Key.TYPE);
    }

    /** A builder holding this channel's fields, to change some. */
    public Builder toBuilder() {
        return new Builder(name, type).from(this);
    }

    /**
     * Fluent builder; method names are the YAML keys (see {@link Key} for what each means and its
     * default). Start one with {@code Scenarios.shm("ring")}, {@code msgq(..)}, {@code socket(..)} or
     * {@code pipe(..)}. The setter of each key is generated from the record's components
     * ({@code ChannelSpecSetters}); this class adds the overloads that take plain numbers.
     */
    public static final class Builder extends ChannelSpecSetters<Builder> {
        public Builder(String name, ChannelType type) {
            super(name);
            values.put(Key.TYPE, type);
        }

        /** The segment size in bytes. */
        public Builder size(long bytes) {
            return size(ByteSize.of(bytes));
        }

        /** msg_qbytes in bytes. */
        public Builder capacity(long bytes) {
            return capacity(ByteSize.of(bytes));
        }
    }
}
