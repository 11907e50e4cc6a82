package ipclab.dsl.model;

/**
 * What a key's value is. {@code minimum} and {@code maximum} bound an integer ({@code null}:
 * none); {@code choices} is the enum of a choice.
 */
public record ValueType(String kind, Long minimum, Long maximum, Class<? extends Enum<?>> choices) {
    public static final ValueType TEXT = of("text");
    public static final ValueType SIZE = of("size");
    public static final ValueType DURATION = of("duration");
    public static final ValueType RATE = of("rate");
    public static final ValueType CHANNEL_REF = of("channel name");
    public static final ValueType CHANNELS = of("channels");
    public static final ValueType PROCESSES = of("processes");
    public static final ValueType SWEEP = of("sweep");
    public static final ValueType CLAIMS = of("claims");
    public static final ValueType CPUS = of("cpus");
    public static final ValueType FAULTS = of("faults");
    public static final ValueType PROCESS_REF = of("process name");

    static ValueType of(String kind) {
        return new ValueType(kind, null, null, null);
    }

    static ValueType integer(long minimum, Long maximum) {
        return new ValueType("integer", minimum, maximum, null);
    }

    static ValueType choice(Class<? extends Enum<?>> type) {
        return new ValueType("choice", null, null, type);
    }
}
