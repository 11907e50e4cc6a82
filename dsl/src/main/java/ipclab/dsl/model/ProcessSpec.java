package ipclab.dsl.model;

import java.time.Duration;
import java.util.List;

/**
 * One process (or a group of replicas) as the scenario wrote it; {@code null} means "not given".
 *
 * @param name     the key under {@code processes:}; replicas are named name-1, name-2, ...
 * @param role     writer | reader | pinger | echo | incrementer
 * @param channel  the channel's name
 * @param replicas how many identical processes (default 1)
 * @param messages messages to send (writer, pinger) or increments (incrementer)
 * @param duration run time limit; with messages, whichever ends first
 * @param size     message size
 * @param rate     messages per second; flat out when absent
 * @param mtype    msgq: type sent (writer, pinger) or selected (reader, echo: 0, n or -n)
 * @param warmup   pinger: round trips before the measured ones
 */
public record ProcessSpec(String name, Role role, String channel, Integer replicas, Long messages, Duration duration,
                          ByteSize size, Rate rate, Long mtype, Long warmup) {
    /** The YAML keys of a process, in the order they are written. */
    public static final List<String> KEYS = List.of("role", "channel", "replicas", "messages", "duration", "size", "rate",
            "mtype", "warmup");

    public ProcessSpec {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a process needs a name");
        if (role == null) throw new IllegalArgumentException("process " + name + " needs a role");
    }

    /** A builder holding this process's fields, to change some. */
    public Builder toBuilder() {
        Builder b = new Builder(name, role);
        b.channel = channel; b.replicas = replicas; b.messages = messages; b.duration = duration; b.size = size;
        b.rate = rate; b.mtype = mtype; b.warmup = warmup;
        return b;
    }

    /** The value of a key as YAML writes it, or {@code null} when not given. */
    public String get(String key) {
        Object v = switch (key) {
            case "role" -> role; case "channel" -> channel; case "replicas" -> replicas; case "messages" -> messages;
            case "duration" -> duration == null ? null : Durations.format(duration); case "size" -> size;
            case "rate" -> rate; case "mtype" -> mtype; case "warmup" -> warmup;
            default -> throw new IllegalArgumentException("no process key " + key);
        };
        return v == null ? null : v instanceof Enum<?> e ? Names.yaml(e) : v.toString();
    }

    /**
     * Fluent builder; method names are the YAML keys. Start one with {@code Scenarios.writer("producer")},
     * {@code reader(..)}, {@code pinger(..)}, {@code echo(..)} or {@code incrementer(..)}.
     */
    public static final class Builder {
        private final String name;
        private Role role;
        private String channel;
        private Integer replicas;
        private Long messages;
        private Duration duration;
        private ByteSize size;
        private Rate rate;
        private Long mtype;
        private Long warmup;

        public Builder(String name, Role role) { this.name = name; this.role = role; }

        public String name() { return name; }
        public Builder role(Role r) { this.role = r; return this; }
        /** The channel's name. */
        public Builder channel(String c) { this.channel = c; return this; }
        /** How many identical processes, named name-1, name-2, ... (default 1). */
        public Builder replicas(int n) { this.replicas = n; return this; }
        /** Messages to send (writer, pinger) or increments (incrementer); default 1000 unless a duration is given. */
        public Builder messages(long n) { this.messages = n; return this; }
        /** Run-time limit; with messages, whichever ends first. */
        public Builder duration(Duration d) { this.duration = d; return this; }
        /** Message size (default 64B). */
        public Builder size(ByteSize s) { this.size = s; return this; }
        /** Message size in bytes. */
        public Builder size(long bytes) { return size(ByteSize.of(bytes)); }
        /** Messages per second; flat out when not set. */
        public Builder rate(Rate r) { this.rate = r; return this; }
        /** Messages per second. */
        public Builder rate(long perSecond) { return rate(Rate.perSecond(perSecond)); }
        /** msgq: the type sent (writer, pinger: at least 1) or selected (reader, echo: 0, n or -n). */
        public Builder mtype(long t) { this.mtype = t; return this; }
        /** pinger: unmeasured round trips first (default max(100, messages / 10)). */
        public Builder warmup(long n) { this.warmup = n; return this; }

        /** Sets a key from its YAML text ({@code size}, {@code "4KiB"}); the exception's message is for the user. */
        public Builder set(String key, String text) {
            switch (key) {
                case "role" -> role = Values.enumValue(Role.class, text);
                case "channel" -> channel = text.strip();
                case "replicas" -> replicas = Math.toIntExact(Math.min(Values.integer(text, "replicas", 1), Integer.MAX_VALUE));
                case "messages" -> messages = Values.integer(text, "messages", 1);
                case "duration" -> duration = Values.duration(text);
                case "size" -> size = Values.size(text);
                case "rate" -> rate = Values.rate(text);
                case "mtype" -> mtype = Values.integer(text, "mtype", Long.MIN_VALUE);
                case "warmup" -> warmup = Values.integer(text, "warmup", 0);
                default -> throw new IllegalArgumentException("unknown process key '" + key + "'; valid keys: "
                        + String.join(", ", KEYS) + Suggestions.didYouMean(key, KEYS));
            }
            return this;
        }

        public ProcessSpec build() { return new ProcessSpec(name, role, channel, replicas, messages, duration, size, rate, mtype, warmup); }
    }
}
