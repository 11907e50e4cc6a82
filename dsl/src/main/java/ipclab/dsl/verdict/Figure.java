package ipclab.dsl.verdict;

import ipclab.dsl.model.Names;
import java.util.Locale;
import java.util.Optional;

/**
 * What a comparative claim can compare, with its unit and which way is better. Names are those
 * written in claims ({@code throughput}, {@code syscallsPerMessage}).
 */
public enum Figure {
    /** One-way throughput in MiB/s. */
    THROUGHPUT("MiB/s"),
    /** Median latency of a message (a round trip for a pinger), in nanoseconds. */
    LATENCY("ns"),
    /** System calls made by the channel's processes per message. */
    SYSCALLS_PER_MESSAGE(""),
    /** What creating the channel cost the supervisor (get, attach, first touch), in nanoseconds. */
    SETUP("ns"),
    /** Wall time per message once set up, in nanoseconds. */
    PER_MESSAGE("ns"),
    /** Increments of a shared counter lost to a race (incrementers). */
    LOST_UPDATES(""),
    /** Calls retried after EAGAIN or ENOMSG per message (a queue in IPC_NOWAIT mode). */
    RETRIES_PER_MESSAGE(""),
    /** Messages sent and never received (a conserving channel: 0). */
    LOST(""),
    /** Kernel objects a run left behind after it ended (ipclab's cleanup: 0). */
    LEAKS("");

    private final String unit;

    Figure(String unit) {
        this.unit = unit;
    }

    /** The name written in claims and reports: the constant's name in camel case ({@code syscallsPerMessage}). */
    public String text() {
        return Names.camel(this);
    }

    /** Whether more is better: for throughput, the one rate; every other figure is a cost or a count of harm. */
    public boolean higherIsBetter() {
        return this == THROUGHPUT;
    }

    /** The unit of the raw values: {@code MiB/s}, {@code ns}, or empty for a plain count. */
    public String unit() {
        return unit;
    }

    public static Optional<Figure> named(String text) {
        return Names.named(Figure.class, Figure::text, text);
    }

    public static String names() {
        return Names.list(Figure.class, Figure::text, ", ");
    }

    /** A value for people: {@code 812 MiB/s}, {@code 5.28 µs}, {@code 2.00}. */
    public String format(double v) {
        if (unit.equals("ns")) return duration(v);
        String n = number(v);
        return unit.isEmpty() ? n : n + " " + unit;
    }

    /** The samples' median, and their range when there are several: {@code 812 MiB/s (790–830)}. */
    public String format(Samples s) {
        String m = format(s.median());
        if (s.min() == s.max()) return m;
        // The range's ends without their unit when it is the median's: 812 MiB/s (790–830).
        String lo = format(s.min()), hi = format(s.max());
        int space = m.lastIndexOf(' ');
        String suffix = space < 0 ? "" : m.substring(space);
        if (!suffix.isEmpty() && lo.endsWith(suffix) && hi.endsWith(suffix)) {
            lo = lo.substring(0, lo.length() - suffix.length());
            hi = hi.substring(0, hi.length() - suffix.length());
        }
        return m + " (" + lo + "–" + hi + (s.noisy() ? ", noisy" : "") + ")";
    }

    static String number(double v) {
        double a = Math.abs(v);
        if (a >= 100 || v == Math.rint(v) && a >= 10) return String.format(Locale.ROOT, "%,.0f", v);
        if (a >= 10) return String.format(Locale.ROOT, "%.1f", v);
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String duration(double ns) {
        double a = Math.abs(ns);
        if (a >= 1e9) return number(ns / 1e9) + " s";
        if (a >= 1e6) return number(ns / 1e6) + " ms";
        if (a >= 1e3) return number(ns / 1e3) + " µs";
        return number(ns) + " ns";
    }
}
