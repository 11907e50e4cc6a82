package ipclab.dsl.model;

/**
 * What the channel and process builders share: the name, the values by {@link Key}, and
 * {@link #set(String, String)} from YAML text. {@code B} is the concrete builder, returned for chaining.
 */
abstract sealed class SpecBuilder<B extends SpecBuilder<B>> permits ChannelSpec.Builder, ProcessSpec.Builder {
    private final String name;
    final KeyValues values;
    /** Where this builder and each of its keys were written ({@link CallSites}); "" is the builder itself. */
    final java.util.Map<String, CallSites.Site> sites = new java.util.LinkedHashMap<>();

    /** A builder of {@code record}'s values with its kind ({@code type} or {@code role}) set. */
    SpecBuilder(String name, Class<? extends Record> record, Key kindKey, Object kind) {
        this.name = name;
        this.values = new KeyValues(kindKey.scope(), record).put(kindKey, kind);
        CallSites.note(sites, "");
    }

    /** Every value of {@code spec}, to change some. */
    B from(Record spec) {
        values.putAll(spec);
        return self();
    }

    public String name() {
        return name;
    }

    /** Sets a key from its YAML text ({@code size}, {@code "4KiB"}); the exception's message is for the user. */
    public B set(String key, String text) {
        values.set(key, text);
        return self();
    }

    B put(Key k, Object value) {
        values.put(k, value);
        CallSites.note(sites, k.yaml());
        return self();
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
