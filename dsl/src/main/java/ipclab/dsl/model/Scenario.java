package ipclab.dsl.model;

import ipclab.dsl.processor.Setters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.function.Function;

/**
 * A scenario: channels, the processes that use them, optional sweep and claims. Immutable; maps
 * keep the order in which they were written. {@code null} for a field the author left out.
 *
 * <p>Build one in Java with {@link #named(String)} (see {@code ipclab.dsl.Scenarios} for the
 * static factories), or read one from YAML with {@code ipclab.dsl.ScenarioLoader}.
 *
 * @param sweep  dotted path (e.g. {@code processes.producer.size}) to the values to try, in order, as written
 * @param repeat how many times each combination runs ({@code null}: once); figures are then medians with min and max
 * @param expect claims checked after the run, as written (e.g. {@code consumer.received == producer.sent})
 * @param compare comparative claims weighed after the whole sweep, as written (e.g. {@code shm-sem beats msgq in throughput from 16KiB up})
 * @param faults faults injected on purpose, in the order written
 */
@Setters
public record Scenario(
        String name,
        String description,
        Long seed,
        Duration timeout,
        SequencedMap<String, ChannelSpec> channels,
        SequencedMap<String, ProcessSpec> processes,
        SequencedMap<String, List<String>> sweep,
        Integer repeat,
        List<String> expect,
        List<String> compare,
        List<FaultSpec> faults) {
    public Scenario {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a scenario needs a name");
        channels = frozen(channels);
        processes = frozen(processes);
        SequencedMap<String, List<String>> s = new LinkedHashMap<>();
        if (sweep != null) sweep.forEach((k, v) -> s.put(k, List.copyOf(v)));
        sweep = Collections.unmodifiableSequencedMap(s);
        expect = expect == null ? List.of() : List.copyOf(expect);
        compare = compare == null ? List.of() : List.copyOf(compare);
        faults = faults == null ? List.of() : List.copyOf(faults);
        requireKeysAreNames(channels, "channel", ChannelSpec::name);
        requireKeysAreNames(processes, "process", ProcessSpec::name);
    }

    /** Each channel or process is held under its own name. */
    private static <S> void requireKeysAreNames(Map<String, S> specs, String what, Function<S, String> nameOf) {
        specs.forEach((key, spec) -> {
            if (!key.equals(nameOf.apply(spec)))
                throw new IllegalArgumentException(what + " key " + key + " != name " + nameOf.apply(spec));
        });
    }

    /** The same scenario with other channels and processes (a sweep combination applied). */
    public Scenario with(SequencedMap<String, ChannelSpec> channels, SequencedMap<String, ProcessSpec> processes) {
        return new Scenario(
                name, description, seed, timeout, channels, processes, sweep, repeat, expect, compare, faults);
    }

    /** The same scenario with another seed, timeout, sweep and repeat count. */
    public Scenario with(Long seed, Duration timeout, SequencedMap<String, List<String>> sweep, Integer repeat) {
        return new Scenario(
                name, description, seed, timeout, channels, processes, sweep, repeat, expect, compare, faults);
    }

    /** How many times each combination runs: {@link #repeat()}, or 1. */
    public int repeats() {
        return repeat == null ? 1 : repeat;
    }

    /** Starts a fluent builder: {@code Scenario.named("x").channel(msgq("q")).process(writer("w").channel("q"))...build()}. */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /** A builder holding this scenario, to change some of it. */
    public Builder toBuilder() {
        return new Builder(name).from(this);
    }

    private static <V> SequencedMap<String, V> frozen(Map<String, V> m) {
        if (m == null) return Collections.unmodifiableSequencedMap(new LinkedHashMap<>());
        return Collections.unmodifiableSequencedMap(new LinkedHashMap<>(m));
    }

    /**
     * Fluent builder; method names are the YAML keys. The setters of the plain keys
     * ({@code description}, {@code seed}, {@code timeout}, {@code repeat}) are generated from the
     * record's components ({@code ScenarioSetters}); this class adds channels, processes, sweeps,
     * claims and faults, each noting where it was written.
     */
    public static final class Builder extends ScenarioSetters<Builder> {
        private final SequencedMap<String, ChannelSpec> channels = collects(Key.CHANNELS, new LinkedHashMap<>());
        private final SequencedMap<String, ProcessSpec> processes = collects(Key.PROCESSES, new LinkedHashMap<>());
        private final SequencedMap<String, List<String>> sweep = collects(Key.SWEEP, new LinkedHashMap<>());
        private final List<String> expect = collects(Key.EXPECT, new ArrayList<>());
        private final List<String> compare = collects(Key.COMPARE, new ArrayList<>());
        private final List<FaultSpec> faults = collects(Key.FAULTS, new ArrayList<>());

        public Builder(String name) {
            super(name);
            CallSites.note(sites, "name");
        }

        /** Adds a channel, built or a builder; its name must be new. */
        public Builder channel(Buildable<ChannelSpec> c) {
            return channels(c);
        }

        /** Adds channels, built or builders; each name must be new. */
        @SafeVarargs
        public final Builder channels(Buildable<ChannelSpec>... cs) {
            for (var c : cs) add(channels, "channels", "channel", ChannelSpec::name, c.build());
            return this;
        }

        /** Adds a process (group), built or a builder; its name must be new. */
        public Builder process(Buildable<ProcessSpec> p) {
            return processes(p);
        }

        /** Adds processes (groups), built or builders; each name must be new. */
        @SafeVarargs
        public final Builder processes(Buildable<ProcessSpec>... ps) {
            for (var p : ps) add(processes, "processes", "process", ProcessSpec::name, p.build());
            return this;
        }

        /**
         * Sweeps a dotted path over values, e.g. {@code sweep("processes.producer.size", kib(1), kib(4))}
         * or {@code sweep("channels.counter.sync", NONE, SEMAPHORE)}. Values are kept as YAML writes them.
         */
        public Builder sweep(String path, Object... values) {
            List<String> texts = new ArrayList<>();
            for (Object v : values) {
                texts.add(
                        v instanceof Enum<?> e
                                ? Names.yaml(e)
                                : v instanceof Duration d ? Durations.format(d) : String.valueOf(v));
            }
            sweep.put(path, List.copyOf(texts));
            CallSites.note(sites, "sweep." + path);
            return this;
        }

        /** Adds comparative claims weighed after the sweep, e.g. {@code "shm-spin beats msgq in latency"}. */
        public Builder compare(String... claims) {
            for (String claim : claims) append(compare, "compare", claim);
            return this;
        }

        /** Adds claims checked after the run, e.g. {@code "consumer.received == producer.sent"}. */
        public Builder expect(String... claims) {
            for (String claim : claims) append(expect, "expect", claim);
            return this;
        }

        /**
         * Adds faults injected on purpose, built or builders, e.g.
         * {@code faults(FaultSpec.process("producer").action(KILL).after(1000), FaultSpec.channel("q").action(REMOVE).at(ms(500)))}.
         */
        @SafeVarargs
        public final Builder faults(Buildable<FaultSpec>... fs) {
            for (var f : fs) append(faults, "faults", f.build());
            return this;
        }

        /** Adds one fault, built or a builder. */
        public Builder fault(Buildable<FaultSpec> f) {
            return faults(f);
        }

        /** A map or list this builder adds to; {@link #build()} hands it to the record, which copies it. */
        private <C> C collects(Key k, C empty) {
            values.put(k, empty);
            return empty;
        }

        /** Appends an item to a list, noting where it was written ({@code expect[2]}). */
        private <T> void append(List<T> into, String section, T item) {
            CallSites.note(sites, section + "[" + into.size() + "]");
            into.add(item);
        }

        /** Adds a channel or process under its new name, with where it was written ({@code channels.NAME...}). */
        private <S> void add(Map<String, S> into, String section, String what, Function<S, String> nameOf, S spec) {
            String name = nameOf.apply(spec);
            if (into.putIfAbsent(name, spec) != null)
                throw new IllegalArgumentException(what + " " + name + " is defined twice");
            adopt(section + "." + name, spec);
        }

        /** A channel's or process's sites under its path; where it was added when it has none of its own. */
        private void adopt(String path, Object spec) {
            Map<String, CallSites.Site> own = CallSites.of(spec);
            if (own.isEmpty()) CallSites.note(sites, path);
            own.forEach((k, v) -> sites.putIfAbsent(k.isEmpty() ? path : path + "." + k, v));
        }
    }
}
