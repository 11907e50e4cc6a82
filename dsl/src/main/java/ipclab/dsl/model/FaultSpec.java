package ipclab.dsl.model;

import java.time.Duration;
import java.util.List;

/**
 * One fault injected on purpose, as the scenario wrote it; {@code null} means "not given". Every
 * component is the YAML key of the same name under {@code faults:} (described in {@link Key}),
 * but {@code holdFor}, written {@code for} in YAML ({@code for} is a Java keyword).
 *
 * <pre>
 * faults:
 *   - process: producer-1    # a process after replicas, or
 *     action: kill           # kill | stop | cont | delay | remove | fill
 *     after: 1000            # after it sent or received this many messages, or
 *   - channel: jobs          # remove and fill act on a channel
 *     action: remove
 *     at: 500ms              # after the start barrier
 * </pre>
 */
public record FaultSpec(String process, String channel, FaultAction action, Long after, Duration at, Duration holdFor) {
    /** The YAML keys of a fault, in the order they are written (from {@link Key}). */
    public static final List<String> KEYS = Key.names(Key.Scope.FAULT);

    /** A fault on a process: {@code FaultSpec.process("producer-1").action(KILL).after(1000)}. */
    public static Builder process(String name) {
        return new Builder().process(name);
    }

    /** A fault on a channel: {@code FaultSpec.channel("jobs").action(REMOVE).at(Duration.ofMillis(500))}. */
    public static Builder channel(String name) {
        return new Builder().channel(name);
    }

    /** The target as a person reads it: {@code process producer-1} or {@code channel jobs}. */
    public String target() {
        return process != null ? "process " + process : channel != null ? "channel " + channel : "nothing";
    }

    /** The value of a key as YAML writes it, or {@code null} when not given. */
    public String get(String key) {
        return KeyValues.text(Key.Scope.FAULT, this, key, "fault");
    }

    /** A builder holding this fault's fields, to change some. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.values.putAll(this);
        return b;
    }

    /** Fluent builder; method names are the YAML keys ({@code holdFor} is {@code for}). */
    public static final class Builder {
        final KeyValues values = new KeyValues(Key.Scope.FAULT, FaultSpec.class);

        public Builder process(String name) {
            return put(Key.FAULT_PROCESS, name);
        }

        public Builder channel(String name) {
            return put(Key.FAULT_CHANNEL, name);
        }

        public Builder action(FaultAction a) {
            return put(Key.ACTION, a);
        }

        public Builder after(long messages) {
            return put(Key.AFTER, messages);
        }

        public Builder at(Duration d) {
            return put(Key.AT, d);
        }
        /** YAML's {@code for}: how long a delay holds each operation. */
        public Builder holdFor(Duration d) {
            return put(Key.FOR, d);
        }

        /** Sets a key from its YAML text ({@code after}, {@code "1000"}); the exception's message is for the user. */
        public Builder set(String key, String text) {
            values.set(key, text);
            return this;
        }

        private Builder put(Key k, Object value) {
            values.put(k, value);
            return this;
        }

        public FaultSpec build() {
            return values.build(null);
        }
    }
}
