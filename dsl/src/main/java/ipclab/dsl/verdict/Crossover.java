package ipclab.dsl.verdict;

import java.util.Locale;

/**
 * The message size at which two systems trade places in a figure, interpolated on a log-size axis
 * between the two sweep points that bracket it, with the interval in which it lies when the
 * repeats' min and max are taken instead of the medians. An open end means the interval reaches
 * beyond the sweep (its bound is then the sweep's first or last size).
 */
public record Crossover(
        String better, String worse, double size, double low, double high, boolean lowOpen, boolean highOpen) {
    /** {@code shm-sem is better above ≈ 1.31 KiB (between 1.10 KiB and 1.56 KiB), msgq below}. */
    public String text() {
        // One run per point gives no interval: say nothing rather than "between 2 KiB and 2 KiB".
        if (!lowOpen && !highOpen && low == size && high == size)
            return better + " is better above ≈ " + bytes(size) + ", " + worse + " below";
        String interval = lowOpen && highOpen
                ? "anywhere in the sweep, given the spread"
                : lowOpen
                        ? "below " + bytes(high) + ", perhaps under the sweep's " + bytes(low)
                        : highOpen
                                ? "above " + bytes(low) + ", perhaps over the sweep's " + bytes(high)
                                : "between " + bytes(low) + " and " + bytes(high);
        return better + " is better above ≈ " + bytes(size) + " (" + interval + "), " + worse + " below";
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
