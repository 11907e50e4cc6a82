package ipclab.dsl.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

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
    /** The top-level YAML keys, in the order they are written (from {@link Key}). */
    public static final List<String> KEYS = Key.names(Key.Scope.SCENARIO);

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
        for (var e : channels.entrySet()) {
            if (!e.getKey().equals(e.getValue().name()))
                throw new IllegalArgumentException(
                        "channel key " + e.getKey() + " != name " + e.getValue().name());
        }
        for (var e : processes.entrySet()) {
            if (!e.getKey().equals(e.getValue().name()))
                throw new IllegalArgumentException(
                        "process key " + e.getKey() + " != name " + e.getValue().name());
        }
    }

    /** Without repeat and comparative claims: the shape of a scenario before they existed. */
    public Scenario(
            String name,
            String description,
            Long seed,
            Duration timeout,
            SequencedMap<String, ChannelSpec> channels,
            SequencedMap<String, ProcessSpec> processes,
            SequencedMap<String, List<String>> sweep,
            List<String> expect) {
        this(name, description, seed, timeout, channels, processes, sweep, null, expect, null, List.of());
    }

    /** Without faults. */
    public Scenario(
            String name,
            String description,
            Long seed,
            Duration timeout,
            SequencedMap<String, ChannelSpec> channels,
            SequencedMap<String, ProcessSpec> processes,
            SequencedMap<String, List<String>> sweep,
            Integer repeat,
            List<String> expect,
            List<String> compare) {
        this(name, description, seed, timeout, channels, processes, sweep, repeat, expect, compare, List.of());
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
        Builder b = new Builder(name);
        b.description = description;
        b.seed = seed;
        b.timeout = timeout;
        b.channels.putAll(channels);
        b.processes.putAll(processes);
        b.sweep.putAll(sweep);
        b.repeat = repeat;
        b.expect.addAll(expect);
        b.compare.addAll(compare);
        b.faults.addAll(faults);
        return b;
    }

    private static <V> SequencedMap<String, V> frozen(Map<String, V> m) {
        if (m == null) return Collections.unmodifiableSequencedMap(new LinkedHashMap<>());
        return Collections.unmodifiableSequencedMap(new LinkedHashMap<>(m));
    }

    /** Fluent builder; method names are the YAML keys. */
    public static final class Builder {
        private final String name;
        private String description;
        private Long seed;
        private Duration timeout;
        private final SequencedMap<String, ChannelSpec> channels = new LinkedHashMap<>();
        private final SequencedMap<String, ProcessSpec> processes = new LinkedHashMap<>();
        private final SequencedMap<String, List<String>> sweep = new LinkedHashMap<>();
        private Integer repeat;
        private final List<String> expect = new ArrayList<>();
        private final Map<String, CallSites.Site> sites = new LinkedHashMap<>();
        private final List<String> compare = new ArrayList<>();
        private final List<FaultSpec> faults = new ArrayList<>();

        public Builder(String name) {
            this.name = name;
            CallSites.note(sites, "");
            CallSites.note(sites, "name");
        }

        /** The keys' meanings and defaults: {@link Key}. */
        public Builder description(String text) {
            this.description = text;
            CallSites.note(sites, "description");
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            CallSites.note(sites, "seed");
            return this;
        }

        public Builder timeout(Duration t) {
            this.timeout = t;
            CallSites.note(sites, "timeout");
            return this;
        }

        /** Adds a channel; its name must be new. */
        public Builder channel(ChannelSpec c) {
            return add(channels, "channels", "channel", c.name(), c);
        }

        public Builder channel(ChannelSpec.Builder c) {
            return channel(c.build());
        }
        /** Adds several channels. */
        public Builder channels(ChannelSpec.Builder... cs) {
            for (var c : cs) channel(c);
            return this;
        }

        /** Adds a process (group); its name must be new. */
        public Builder process(ProcessSpec p) {
            return add(processes, "processes", "process", p.name(), p);
        }

        public Builder process(ProcessSpec.Builder p) {
            return process(p.build());
        }
        /** Adds several processes. */
        public Builder processes(ProcessSpec.Builder... ps) {
            for (var p : ps) process(p);
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

        /** Runs each combination {@code n} times; figures become medians with min and max, noisy ones marked. */
        public Builder repeat(int n) {
            this.repeat = n;
            CallSites.note(sites, "repeat");
            return this;
        }

        /** Adds comparative claims weighed after the sweep, e.g. {@code "shm-spin beats msgq in latency up to 4KiB"}. */
        public Builder compare(String... claims) {
            for (int i = 0; i < claims.length; i++) CallSites.note(sites, "compare[" + (compare.size() + i) + "]");
            compare.addAll(List.of(claims));
            return this;
        }

        /** Adds claims checked after the run, e.g. {@code "consumer.received == producer.sent"}. */
        public Builder expect(String... claims) {
            for (int i = 0; i < claims.length; i++) CallSites.note(sites, "expect[" + (expect.size() + i) + "]");
            expect.addAll(List.of(claims));
            return this;
        }

        /**
         * Adds faults injected on purpose, e.g.
         * {@code faults(FaultSpec.process("producer").action(KILL).after(1000), FaultSpec.channel("q").action(REMOVE).at(ms(500)))}.
         */
        public Builder faults(FaultSpec.Builder... fs) {
            for (var f : fs) {
                CallSites.note(sites, "faults[" + faults.size() + "]");
                faults.add(f.build());
            }
            return this;
        }
        /** Adds one fault. */
        public Builder fault(FaultSpec f) {
            CallSites.note(sites, "faults[" + faults.size() + "]");
            faults.add(f);
            return this;
        }

        public Scenario build() {
            return CallSites.attach(
                    new Scenario(
                            name,
                            description,
                            seed,
                            timeout,
                            channels,
                            processes,
                            sweep,
                            repeat,
                            expect,
                            compare,
                            faults),
                    sites);
        }

        /** Adds a channel or process under its new name, with where it was written ({@code channels.NAME...}). */
        private <S> Builder add(Map<String, S> into, String section, String what, String name, S spec) {
            if (into.putIfAbsent(name, spec) != null)
                throw new IllegalArgumentException(what + " " + name + " is defined twice");
            adopt(section + "." + name, spec);
            return this;
        }

        /** A channel's or process's sites under its path; where it was added when it has none of its own. */
        private void adopt(String path, Object spec) {
            Map<String, CallSites.Site> own = CallSites.of(spec);
            if (own.isEmpty()) CallSites.note(sites, path);
            own.forEach((k, v) -> sites.putIfAbsent(k.isEmpty() ? path : path + "." + k, v));
        }
    }
}
