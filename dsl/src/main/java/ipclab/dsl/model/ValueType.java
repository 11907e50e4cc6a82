package ipclab.dsl.model;

/**
 * What a key's value is: a kind without parameters ({@link Plain}), an integer within bounds
 * ({@link Whole}), or one of an enum's constants ({@link Choice}). The reader parses by it and
 * the schema describes by it, each in one exhaustive switch.
 */
public sealed interface ValueType {
    /** The kinds that take no parameter. */
    enum Plain implements ValueType {
        TEXT,
        SIZE,
        DURATION,
        RATE,
        CHANNEL_REF,
        CHANNELS,
        PROCESSES,
        SWEEP,
        CLAIMS,
        CPUS,
        FAULTS,
        PROCESS_REF
    }

    /** An integer from {@code minimum} to {@code maximum} ({@code null}: none). */
    record Whole(long minimum, Long maximum) implements ValueType {}

    /** One of the constants of {@code choices}, written in their YAML spelling ({@link Names#yaml}). */
    record Choice(Class<? extends Enum<?>> choices) implements ValueType {}

    static ValueType integer(long minimum, Long maximum) {
        return new Whole(minimum, maximum);
    }

    static ValueType choice(Class<? extends Enum<?>> type) {
        return new Choice(type);
    }
}
