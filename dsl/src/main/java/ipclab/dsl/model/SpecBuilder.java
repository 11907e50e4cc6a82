package ipclab.dsl.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the builders of scenarios, channels, processes and faults share: the values by
 * {@link Key}, {@link #set(String, String)} from YAML text, where each call was written
 * ({@link CallSites}), and {@link #build()}. {@code B} is the concrete builder, returned for
 * chaining; {@code R} the record it builds. The plain setters ({@code slots(int)}, ...) are
 * written at build time from the record's components into {@code ScenarioSetters},
 * {@code ChannelSpecSetters}, {@code ProcessSpecSetters} and {@code FaultSpecSetters} (see
 * {@code ipclab.dsl.processor.Setters}), which extend this class and call
 * {@link #put(String, Object)}.
 */
abstract non-sealed class SpecBuilder<B extends SpecBuilder<B, R>, R extends Record> implements Buildable<R> {
    /** The scenario's, channel's or process's name, {@code null} for a fault. */
    final String name;

    final KeyValues values;
    /** Where this builder and each of its keys were written ({@link CallSites}); "" is the builder itself. */
    final Map<String, CallSites.Site> sites = new LinkedHashMap<>();

    SpecBuilder(String name, Class<R> record) {
        this.name = name;
        this.values = new KeyValues(Key.Scope.of(record), record);
        CallSites.note(sites, "");
    }

    /** Every value of {@code spec}, to change some. */
    B from(Record spec) {
        values.putAll(spec);
        return self();
    }

    /** Sets a key from its YAML text ({@code size}, {@code "4KiB"}); the exception's message is for the user. */
    public B set(String key, String text) {
        values.set(key, text);
        return self();
    }

    /** Sets the key of a record component ({@code "size"}): what the generated setters call. */
    B put(String component, Object value) {
        return put(values.keyOf(component), value);
    }

    B put(Key k, Object value) {
        values.put(k, value);
        CallSites.note(sites, k.yaml());
        return self();
    }

    /** The record of these values; the record's own check fails with a message for the user. */
    @Override
    public R build() {
        return CallSites.attach(values.<R>build(name), sites);
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
