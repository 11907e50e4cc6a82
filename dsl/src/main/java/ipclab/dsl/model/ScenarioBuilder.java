package ipclab.dsl.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;

/**
 * The fluent builder of {@link Scenario}; method names are the YAML keys. The setters of the plain
 * keys ({@code description}, {@code seed}, {@code timeout}, {@code repeat}) and the adders of its
 * lists and maps ({@code channel}, {@code channels}, {@code process}, {@code expect},
 * {@code faults} ...) are generated from the record's components ({@code ScenarioSetters}); this
 * class starts the maps and lists they add to and adds sweeps, noting where each was written.
 */
public final class ScenarioBuilder extends ScenarioSetters<ScenarioBuilder> {
    private final SequencedMap<String, List<String>> sweep = collects(Key.SWEEP, new LinkedHashMap<>());

    public ScenarioBuilder(String name) {
        super(name);
        CallSites.note(sites, "name");
        collects(Key.CHANNELS, new LinkedHashMap<>());
        collects(Key.PROCESSES, new LinkedHashMap<>());
        collects(Key.EXPECT, new ArrayList<>());
        collects(Key.COMPARE, new ArrayList<>());
        collects(Key.FAULTS, new ArrayList<>());
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

    /** A map or list this builder adds to; {@link #build()} hands it to the record, which copies it. */
    private <C> C collects(Key k, C empty) {
        values.put(k, empty);
        return empty;
    }
}
