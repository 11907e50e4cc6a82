package ipclab.dsl.model;

import java.time.Duration;
import java.util.List;

/**
 * One process (or a group of replicas) as the scenario wrote it; {@code null} means "not given".
 * {@code name} is the key under {@code processes:}; every other component is the YAML key of the
 * same name, described (with where it applies and its default) in {@link Key}.
 */
public record ProcessSpec(
        String name,
        Role role,
        String channel,
        Integer replicas,
        Long messages,
        Duration duration,
        ByteSize size,
        Rate rate,
        Duration delay,
        Long mtype,
        Long warmup,
        Integer cpu,
        CpuList cpus) {
    /** The YAML keys of a process, in the order they are written (from {@link Key}). */
    public static final List<String> KEYS = Key.names(Key.Scope.PROCESS);

    public ProcessSpec {
        KeyValues.requireNameAnd(name, "process", role, Key.ROLE);
    }

    /** A builder holding this process's fields, to change some. */
    public Builder toBuilder() {
        return new Builder(name, role).from(this);
    }

    /** The value of a key as YAML writes it, or {@code null} when not given. */
    public String get(String key) {
        return KeyValues.text(Key.Scope.PROCESS, this, key, "process");
    }

    /**
     * Fluent builder; method names are the YAML keys (see {@link Key} for what each means, where
     * it applies and its default). Start one with {@code Scenarios.writer("producer")},
     * {@code reader(..)}, {@code pinger(..)}, {@code echo(..)} or {@code incrementer(..)}.
     */
    public static final class Builder extends SpecBuilder<Builder> {
        public Builder(String name, Role role) {
            super(name, ProcessSpec.class, Key.ROLE, role);
        }

        public Builder role(Role r) {
            return put(Key.ROLE, r);
        }

        public Builder channel(String c) {
            return put(Key.CHANNEL_NAME, c);
        }

        public Builder replicas(int n) {
            return put(Key.REPLICAS, n);
        }

        public Builder messages(long n) {
            return put(Key.MESSAGES, n);
        }

        public Builder duration(Duration d) {
            return put(Key.DURATION, d);
        }

        public Builder size(ByteSize s) {
            return put(Key.MESSAGE_SIZE, s);
        }
        /** Message size in bytes. */
        public Builder size(long bytes) {
            return size(ByteSize.of(bytes));
        }

        public Builder rate(Rate r) {
            return put(Key.RATE, r);
        }
        /** Messages per second. */
        public Builder rate(long perSecond) {
            return rate(Rate.perSecond(perSecond));
        }
        /** Reader or echo: how long each message is held before the next is taken (a slow consumer). */
        public Builder delay(Duration d) {
            return put(Key.DELAY, d);
        }

        public Builder mtype(long t) {
            return put(Key.MTYPE, t);
        }

        public Builder warmup(long n) {
            return put(Key.WARMUP, n);
        }
        /** The one CPU the process runs on. */
        public Builder cpu(int c) {
            return put(Key.CPU, c);
        }

        public Builder cpus(CpuList c) {
            return put(Key.CPUS, c);
        }
        /** The CPUs the process may run on. */
        public Builder cpus(Integer... c) {
            return cpus(CpuList.of(c));
        }

        public ProcessSpec build() {
            return CallSites.attach(values.<ProcessSpec>build(name()), sites);
        }
    }
}
