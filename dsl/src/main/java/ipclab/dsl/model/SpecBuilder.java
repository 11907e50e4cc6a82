package ipclab.dsl.model;

import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * Adds an item to the list or map of a component, noting where it was written: a list in order
     * ({@code expect[2]}, {@code faults[0]}), a map of channels or processes under each one's new
     * name, with the sites it has of its own ({@code channels.NAME.size}). A builder item is built
     * first. What the generated adders ({@code channel(..)}, {@code expect(..)}) call for each item.
     */
    @SuppressWarnings("unchecked")
    void add(String component, Object item) {
        Key k = values.keyOf(component);
        Object v = item instanceof Buildable<?> b ? b.build() : item;
        switch (values.get(k)) {
            case List<?> list -> {
                CallSites.note(sites, k.yaml() + "[" + list.size() + "]");
                ((List<Object>) list).add(v);
            }
            case Map<?, ?> map -> addNamed((Map<String, Object>) map, k, (Record) v);
            default -> throw new IllegalStateException(component + " is not a list or a map");
        }
    }

    /** Adds a channel or process under its new name, with where it was written ({@code channels.NAME...}). */
    private void addNamed(Map<String, Object> into, Key section, Record spec) {
        String name = KeyValues.nameOf(spec);
        if (into.putIfAbsent(name, spec) != null)
            throw new IllegalArgumentException(
                    Names.yaml(Key.Scope.of(spec.getClass())) + " " + name + " is defined twice");
        String path = section.yaml() + "." + name;
        Map<String, CallSites.Site> own = CallSites.of(spec);
        if (own.isEmpty()) CallSites.note(sites, path);
        own.forEach((key, site) -> sites.putIfAbsent(key.isEmpty() ? path : path + "." + key, site));
    }

    /** The record of these values; the record's own check fails with a message for the user. */
    @Override
    public R build() {
        return CallSites.attach(values.<R>build(name), sites);
    }

    @SuppressWarnings("unchecked")
    B self() {
        return (B) this;
    }
}
