package ipclab.dsl.model;

import java.time.Duration;
import java.util.List;

/**
 * One process (or a group of replicas) as the scenario wrote it; {@code null} means "not given".
 * {@code name} is the key under {@code processes:}; every other component is the YAML key of the
 * same name, described (with where it applies and its default) in {@link Key}.
 */
public record ProcessSpec(String name, Role role, String channel, Integer replicas, Long messages, Duration duration,
                          ByteSize size, Rate rate, Long mtype, Long warmup) {
    /** The YAML keys of a process, in the order they are written (from {@link Key}). */
    public static final List<String> KEYS = Key.names(Key.Scope.PROCESS);

    public ProcessSpec {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a process needs a name");
        if (role == null) throw new IllegalArgumentException("process " + name + " needs a role");
    }

    /** A builder holding this process's fields, to change some. */
    public Builder toBuilder() { return new Builder(name, KeyValues.of(Key.Scope.PROCESS, this)); }

    /** The value of a key as YAML writes it, or {@code null} when not given. */
    public String get(String key) { return KeyValues.text(Key.Scope.PROCESS, this, key, "process"); }

    /**
     * Fluent builder; method names are the YAML keys (see {@link Key} for what each means, where
     * it applies and its default). Start one with {@code Scenarios.writer("producer")},
     * {@code reader(..)}, {@code pinger(..)}, {@code echo(..)} or {@code incrementer(..)}.
     */
    public static final class Builder {
        private final String name;
        private final KeyValues values;

        public Builder(String name, Role role) { this(name, new KeyValues(Key.Scope.PROCESS, ProcessSpec.class).put(Key.ROLE, role)); }

        private Builder(String name, KeyValues values) { this.name = name; this.values = values; }

        public String name() { return name; }
        public Builder role(Role r) { values.put(Key.ROLE, r); return this; }
        public Builder channel(String c) { values.put(Key.CHANNEL_NAME, c); return this; }
        public Builder replicas(int n) { values.put(Key.REPLICAS, n); return this; }
        public Builder messages(long n) { values.put(Key.MESSAGES, n); return this; }
        public Builder duration(Duration d) { values.put(Key.DURATION, d); return this; }
        public Builder size(ByteSize s) { values.put(Key.MESSAGE_SIZE, s); return this; }
        /** Message size in bytes. */
        public Builder size(long bytes) { return size(ByteSize.of(bytes)); }
        public Builder rate(Rate r) { values.put(Key.RATE, r); return this; }
        /** Messages per second. */
        public Builder rate(long perSecond) { return rate(Rate.perSecond(perSecond)); }
        public Builder mtype(long t) { values.put(Key.MTYPE, t); return this; }
        public Builder warmup(long n) { values.put(Key.WARMUP, n); return this; }

        /** Sets a key from its YAML text ({@code size}, {@code "4KiB"}); the exception's message is for the user. */
        public Builder set(String key, String text) { values.set(key, text, "process"); return this; }

        public ProcessSpec build() {
            return new ProcessSpec(name, (Role) values.get(Key.ROLE), (String) values.get(Key.CHANNEL_NAME),
                    (Integer) values.get(Key.REPLICAS), (Long) values.get(Key.MESSAGES), (Duration) values.get(Key.DURATION),
                    (ByteSize) values.get(Key.MESSAGE_SIZE), (Rate) values.get(Key.RATE), (Long) values.get(Key.MTYPE),
                    (Long) values.get(Key.WARMUP));
        }
    }
}
