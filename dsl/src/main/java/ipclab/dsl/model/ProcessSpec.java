package ipclab.dsl.model;

import ipclab.dsl.processor.Setters;
import java.time.Duration;
import java.util.List;

/**
 * One process (or a group of replicas) as the scenario wrote it; {@code null} means "not given".
 * {@code name} is the key under {@code processes:}; every other component is the YAML key of the
 * same name, described (with where it applies and its default) in {@link Key}.
 */
@Setters
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
        CpuList cpus)
        implements Spec<ProcessSpec> {
    public ProcessSpec {
        KeyValues.requireNameAnd(name, "process", role, Key.ROLE);
    }

    /** A builder holding this process's fields, to change some. */
    public Builder toBuilder() {
        return new Builder(name, role).from(this);
    }

    /**
     * Fluent builder; method names are the YAML keys (see {@link Key} for what each means, where
     * it applies and its default). Start one with {@code Scenarios.writer("producer")},
     * {@code reader(..)}, {@code pinger(..)}, {@code echo(..)} or {@code incrementer(..)}. The
     * setter of each key is generated from the record's components ({@code ProcessSpecSetters});
     * this class adds the overloads that take plain numbers or CPU numbers.
     */
    public static final class Builder extends ProcessSpecSetters<Builder> {
        public Builder(String name, Role role) {
            super(name);
            values.put(Key.ROLE, role);
        }

        /** Message size in bytes. */
        public Builder size(long bytes) {
            return size(ByteSize.of(bytes));
        }

        /** Messages per second. */
        public Builder rate(long perSecond) {
            return rate(Rate.perSecond(perSecond));
        }

        /** The CPUs the process may run on. */
        public Builder cpus(Integer... c) {
            return cpus(CpuList.of(c));
        }
    }
}
