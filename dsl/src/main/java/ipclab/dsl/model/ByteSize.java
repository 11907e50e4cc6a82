package ipclab.dsl.model;

import ipclab.dsl.processor.Setters;

/**
 * A number of bytes, written in scenarios as {@code 64}, {@code 64B}, {@code 4KiB} or {@code 1MiB}.
 * {@link #toString()} gives the shortest exact unit form, so that writing a scenario back to YAML
 * reproduces what a person would have typed.
 */
public record ByteSize(long bytes) implements Comparable<ByteSize> {
    public static final long KIB = 1024L;
    public static final long MIB = 1024L * 1024L;
    public static final long GIB = 1024L * 1024L * 1024L;

    public ByteSize {
        if (bytes < 0) throw new IllegalArgumentException("bytes=" + bytes + " must not be negative");
    }

    /** {@code bytes} bytes; a builder takes the number alone ({@code size(4096)}). */
    @Setters.Plain
    public static ByteSize of(long bytes) {
        return new ByteSize(bytes);
    }

    /** Parses {@code 64}, {@code 64B}, {@code 4KiB}, {@code 1MiB}, {@code 1GiB} (case of the unit as written). */
    public static ByteSize parse(String text) {
        String t = text.strip();
        long mult = 1;
        String digits = t;
        if (t.endsWith("KiB")) {
            mult = KIB;
            digits = t.substring(0, t.length() - 3);
        } else if (t.endsWith("MiB")) {
            mult = MIB;
            digits = t.substring(0, t.length() - 3);
        } else if (t.endsWith("GiB")) {
            mult = GIB;
            digits = t.substring(0, t.length() - 3);
        } else if (t.endsWith("B")) {
            digits = t.substring(0, t.length() - 1);
        }
        return new ByteSize(Values.times(digits.strip().replace("_", ""), mult, text, "size", "64, 64B, 4KiB or 1MiB"));
    }

    public int intValue() {
        return Math.toIntExact(bytes);
    }

    @Override
    public int compareTo(ByteSize o) {
        return Long.compare(bytes, o.bytes);
    }

    @Override
    public String toString() {
        if (bytes != 0 && bytes % GIB == 0) return bytes / GIB + "GiB";
        if (bytes != 0 && bytes % MIB == 0) return bytes / MIB + "MiB";
        if (bytes != 0 && bytes % KIB == 0) return bytes / KIB + "KiB";
        return bytes + "B";
    }
}
