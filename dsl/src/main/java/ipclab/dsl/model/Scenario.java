package ipclab.dsl.model;

import ipclab.dsl.processor.Setters;
import java.time.Duration;
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
@Setters(builder = false)
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
        requireNamed(channels, "channel", ChannelSpec::name, ChannelSpec::type, Key.TYPE);
        requireNamed(processes, "process", ProcessSpec::name, ProcessSpec::role, Key.ROLE);
    }

    /**
     * Each channel or process has a name, is held under it, and has its kind ({@code type},
     * {@code role}): the one check of the channel and process records, which a scenario holds.
     */
    private static <S> void requireNamed(
            Map<String, S> specs, String what, Function<S, String> nameOf, Function<S, ?> kindOf, Key kind) {
        specs.forEach((key, spec) -> {
            String name = nameOf.apply(spec);
            if (name == null || name.isBlank()) throw new IllegalArgumentException("a " + what + " needs a name");
            if (!name.equals(key)) throw new IllegalArgumentException(what + " key " + key + " != name " + name);
            if (kindOf.apply(spec) == null)
                throw new IllegalArgumentException(what + " " + name + " needs a " + kind.yaml());
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
    public static ScenarioBuilder named(String name) {
        return new ScenarioBuilder(name);
    }

    /** A builder holding this scenario, to change some of it. */
    public ScenarioBuilder toBuilder() {
        return new ScenarioBuilder(name).from(this);
    }

    private static <V> SequencedMap<String, V> frozen(Map<String, V> m) {
        if (m == null) return Collections.unmodifiableSequencedMap(new LinkedHashMap<>());
        return Collections.unmodifiableSequencedMap(new LinkedHashMap<>(m));
    }
}
