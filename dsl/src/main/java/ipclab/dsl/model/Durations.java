package ipclab.dsl.model;

import java.time.Duration;

/** Durations as scenarios write them: {@code 50us}, {@code 10ms}, {@code 5s}, {@code 2m}. */
public final class Durations {
    private Durations() {}

    public static Duration parse(String text) {
        String t = text.strip();
        String[] units = {"us", "ms", "s", "m"};
        for (String u : units) {
            if (t.endsWith(u)) {
                String n = t.substring(0, t.length() - u.length()).strip();
                if (n.isEmpty() || !n.chars().allMatch(Character::isDigit)) break;
                long v;
                try { v = Long.parseLong(n); } catch (NumberFormatException e) { break; }
                return switch (u) {
                    case "us" -> Duration.ofNanos(Math.multiplyExact(v, 1_000L));
                    case "ms" -> Duration.ofMillis(v);
                    case "s" -> Duration.ofSeconds(v);
                    default -> Duration.ofMinutes(v);
                };
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a duration; write 50us, 10ms, 5s or 2m");
    }

    /** The shortest exact form: 2m, 5s, 10ms, 50us. */
    public static String format(Duration d) {
        long ns = d.toNanos();
        if (ns != 0 && ns % 60_000_000_000L == 0) return ns / 60_000_000_000L + "m";
        if (ns != 0 && ns % 1_000_000_000L == 0) return ns / 1_000_000_000L + "s";
        if (ns != 0 && ns % 1_000_000L == 0) return ns / 1_000_000L + "ms";
        return ns / 1_000L + "us";
    }
}
