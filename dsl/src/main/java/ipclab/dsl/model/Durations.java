package ipclab.dsl.model;

import java.time.Duration;

/**
 * Durations as scenarios write them: {@code 500ns}, {@code 50us}, {@code 10ms}, {@code 5s},
 * {@code 2m}. Only whole numbers: write {@code 1500ms}, not {@code 1.5s}.
 */
public final class Durations {
    private Durations() {}

    private static final String[] UNITS = {"ns", "us", "ms", "s", "m"};

    /** Parses a duration; the message of the exception says what would be valid. */
    public static Duration parse(String text) {
        String t = text.strip();
        for (String u : UNITS) {
            if (t.endsWith(u)) {
                String n = t.substring(0, t.length() - u.length()).strip().replace("_", "");
                if (n.isEmpty() || !n.chars().allMatch(Character::isDigit)) break;
                try {
                    long v = Long.parseLong(n);
                    return switch (u) {
                        case "ns" -> Duration.ofNanos(v);
                        case "us" -> Duration.ofNanos(Math.multiplyExact(v, 1_000L));
                        case "ms" -> Duration.ofNanos(Math.multiplyExact(v, 1_000_000L));
                        case "s" -> Duration.ofNanos(Math.multiplyExact(v, 1_000_000_000L));
                        default -> Duration.ofNanos(Math.multiplyExact(v, 60_000_000_000L));
                    };
                } catch (NumberFormatException | ArithmeticException e) {
                    throw new IllegalArgumentException("'" + text + "' is too long a duration");
                }
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a duration; write 50us, 10ms, 5s or 2m");
    }

    /** The shortest exact form: 2m, 5s, 10ms, 50us, 500ns. */
    public static String format(Duration d) {
        long ns = d.toNanos();
        if (ns != 0 && ns % 60_000_000_000L == 0) return ns / 60_000_000_000L + "m";
        if (ns != 0 && ns % 1_000_000_000L == 0) return ns / 1_000_000_000L + "s";
        if (ns != 0 && ns % 1_000_000L == 0) return ns / 1_000_000L + "ms";
        if (ns % 1_000L == 0) return ns / 1_000L + "us";
        return ns + "ns";
    }
}
