package ipclab.dsl.verdict;

import java.util.Locale;

/**
 * The message size at which two systems trade places in a figure, interpolated on a log-size axis
 * between the two sweep points that bracket it, with the interval in which it lies when the
 * repeats' min and max are taken instead of the medians. An open end means the interval reaches
 * beyond the sweep (its bound is then the sweep's first or last size).
 */
public record Crossover(String better, String worse, double size, double low, double high, boolean lowOpen, boolean highOpen) {
    /** {@code msgq and shm-sem cross at ≈ 11.3 KiB (8.0 KiB – 15.9 KiB); shm-sem is better above}. */
    public String text() {
        return better + " is better above ≈ " + bytes(size) + " (between " + (lowOpen ? "below " : "") + bytes(low)
                + " and " + (highOpen ? "above " : "") + bytes(high) + "), " + worse + " below";
    }

    /** A size that may fall between whole bytes: {@code 812 B}, {@code 11.3 KiB}, {@code 1.50 MiB}. */
    public static String bytes(double b) {
        if (b < 1024) return String.format(Locale.ROOT, "%.0f B", b);
        if (b < 1024 * 1024) return scaled(b / 1024) + " KiB";
        if (b < 1024d * 1024 * 1024) return scaled(b / (1024 * 1024)) + " MiB";
        return scaled(b / (1024d * 1024 * 1024)) + " GiB";
    }

    private static String scaled(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f", v);
    }
}
