package ipclab.repl.report;

import java.util.Locale;

/**
 * Formats figures for people: durations in the unit that reads best (ns, us, ms, s), sizes in
 * binary units (B, KiB, MiB, GiB), rates with k/M/G, counts with thousands separators. Three
 * significant digits; nothing here is used for machine output.
 */
public final class Units {
    private Units() {}

    /** {@code 850 ns}, {@code 12.3 us}, {@code 1.25 ms}, {@code 2.10 s}; {@code -} for a negative (absent) figure. */
    public static String nanos(double ns) {
        if (ns < 0 || Double.isNaN(ns)) return "-";
        // thresholds just below the next unit, so that 999.96 ns reads 1.00 us, never 1000 ns
        if (ns < 999.5) return sig(ns) + " ns";
        if (ns < 999_500) return sig(ns / 1e3) + " us";
        if (ns < 999_500_000) return sig(ns / 1e6) + " ms";
        return sig(ns / 1e9) + " s";
    }

    /** Milliseconds as a duration: {@code millis(0.5)} is {@code 500 us}. */
    public static String millis(double ms) {
        return ms < 0 ? "-" : nanos(ms * 1e6);
    }

    /** {@code 512 B}, {@code 4 KiB}, {@code 1.5 MiB}. */
    public static String bytes(double b) {
        if (b < 0 || Double.isNaN(b)) return "-";
        if (b < 1023.5) return Math.round(b) + " B";
        if (b < 1023.5 * 1024) return sig(b / 1024) + " KiB";
        if (b < 1023.5 * 1024 * 1024) return sig(b / (1024.0 * 1024)) + " MiB";
        return sig(b / (1024.0 * 1024 * 1024)) + " GiB";
    }

    /** A rate with a decimal prefix: {@code 950}, {@code 12.3k}, {@code 1.20M}. */
    public static String rate(double perSecond) {
        if (perSecond < 0 || Double.isNaN(perSecond)) return "-";
        if (perSecond < 999.5) return sig(perSecond);
        if (perSecond < 999_500) return sig(perSecond / 1e3) + "k";
        if (perSecond < 999_500_000) return sig(perSecond / 1e6) + "M";
        return sig(perSecond / 1e9) + "G";
    }

    /** A plain decimal with three significant digits: {@code 0.500}, {@code 2.00}, {@code 12.5}, {@code 341}. */
    public static String decimal(double v) {
        if (Double.isNaN(v)) return "-";
        return sig(v);
    }

    /** A count with thousands separators: {@code 1,000,000}. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Three significant digits, no exponent; whole numbers of 1000 and more keep all digits. */
    static String sig(double v) {
        double a = Math.abs(v);
        if (a == 0) return "0";
        if (a >= 99.95) return String.format(Locale.ROOT, "%.0f", v);
        if (a >= 9.995) return String.format(Locale.ROOT, "%.1f", v);
        if (a >= 0.9995) return String.format(Locale.ROOT, "%.2f", v);
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
