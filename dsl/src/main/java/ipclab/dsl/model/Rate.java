package ipclab.dsl.model;

import ipclab.dsl.processor.Setters;

/** Messages per second, written {@code 500/s}, {@code 20k/s} or {@code 1M/s}. */
public record Rate(long perSecond) {
    public Rate {
        if (perSecond <= 0) throw new IllegalArgumentException("rate=" + perSecond + "/s must be positive");
    }

    /** {@code n} messages per second; a builder takes the number alone ({@code rate(20_000)}). */
    @Setters.Plain
    public static Rate perSecond(long n) {
        return new Rate(n);
    }

    public static Rate parse(String text) {
        String t = text.strip();
        if (!t.endsWith("/s"))
            throw new IllegalArgumentException("'" + text + "' is not a rate; write 500/s, 20k/s or 1M/s");
        String n = t.substring(0, t.length() - 2).strip();
        long mult = 1;
        if (n.endsWith("k")) {
            mult = 1_000;
            n = n.substring(0, n.length() - 1);
        } else if (n.endsWith("M")) {
            mult = 1_000_000;
            n = n.substring(0, n.length() - 1);
        }
        return new Rate(Values.times(n, mult, text, "rate", "500/s, 20k/s or 1M/s"));
    }

    @Override
    public String toString() {
        if (perSecond % 1_000_000 == 0) return perSecond / 1_000_000 + "M/s";
        if (perSecond % 1_000 == 0) return perSecond / 1_000 + "k/s";
        return perSecond + "/s";
    }
}
