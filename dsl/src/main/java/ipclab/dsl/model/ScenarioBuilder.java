package ipclab.dsl.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.function.Function;

/**
 * Fluent builder; method names are the YAML keys. The setters of the plain keys
 * ({@code description}, {@code seed}, {@code timeout}, {@code repeat}) are generated from the
 * record's components ({@code ScenarioSetters}); this class adds channels, processes, sweeps,
 * claims and faults, each noting where it was written.
 */
public final class ScenarioBuilder extends ScenarioSetters<ScenarioBuilder> {
    private final SequencedMap<String, ChannelSpec> channels = collects(Key.CHANNELS, new LinkedHashMap<>());
    private final SequencedMap<String, ProcessSpec> processes = collects(Key.PROCESSES, new LinkedHashMap<>());
    private final SequencedMap<String, List<String>> sweep = collects(Key.SWEEP, new LinkedHashMap<>());
    private final List<String> expect = collects(Key.EXPECT, new ArrayList<>());
    private final List<String> compare = collects(Key.COMPARE, new ArrayList<>());
    private final List<FaultSpec> faults = collects(Key.FAULTS, new ArrayList<>());

    public ScenarioBuilder(String name) {
        super(name);
        CallSites.note(sites, "name");
    }

    /** Adds a channel, built or a builder; its name must be new. */
    public ScenarioBuilder channel(Buildable<ChannelSpec> c) {
        return channels(c);
    }

    /** Adds channels, built or builders; each name must be new. */
    @SafeVarargs
    public final ScenarioBuilder channels(Buildable<ChannelSpec>... cs) {
        for (var c : cs) add(channels, "channels", "channel", ChannelSpec::name, c.build());
        return this;
    }

    /** Adds a process (group), built or a builder; its name must be new. */
    public ScenarioBuilder process(Buildable<ProcessSpec> p) {
        return processes(p);
    }

    /** Adds processes (groups), built or builders; each name must be new. */
    @SafeVarargs
    public final ScenarioBuilder processes(Buildable<ProcessSpec>... ps) {
        for (var p : ps) add(processes, "processes", "process", ProcessSpec::name, p.build());
        return this;
    }

    /**
     * Sweeps a dotted path over values, e.g. {@code sweep("processes.producer.size", kib(1), kib(4))}
     * or {@code sweep("channels.counter.sync", NONE, SEMAPHORE)}. Values are kept as YAML writes them.
     */
    public ScenarioBuilder sweep(String path, Object... values) {
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
    public ScenarioBuilder compare(String... claims) {
        for (String claim : claims) append(compare, "compare", claim);
        return this;
    }

    /** Adds claims checked after the run, e.g. {@code "consumer.received == producer.sent"}. */
    public ScenarioBuilder expect(String... claims) {
        for (String claim : claims) append(expect, "expect", claim);
        return this;
    }

    /**
     * Adds faults injected on purpose, built or builders, e.g.
     * {@code faults(FaultSpec.process("producer").action(KILL).after(1000), FaultSpec.channel("q").action(REMOVE).at(ms(500)))}.
     */
    @SafeVarargs
    public final ScenarioBuilder faults(Buildable<FaultSpec>... fs) {
        for (var f : fs) append(faults, "faults", f.build());
        return this;
    }

    /** Adds one fault, built or a builder. */
    public ScenarioBuilder fault(Buildable<FaultSpec> f) {
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
