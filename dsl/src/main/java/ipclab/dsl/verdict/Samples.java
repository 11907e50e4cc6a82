package ipclab.dsl.verdict;

import java.util.Arrays;
import java.util.List;

/**
 * The N repeats of one figure, summarised as median, min and max. A figure is <em>noisy</em> when
 * its spread (max - min) exceeds {@link #NOISE_THRESHOLD} of its median: three runs of the same
 * sweep on a loaded machine can disagree by that much, and a conclusion drawn from such a figure
 * would flip from one run to the next.
 */
public record Samples(List<Double> values) {
    /** Spread above this fraction of the median makes a figure noisy. */
    public static final double NOISE_THRESHOLD = 0.10;

    public Samples {
        values = List.copyOf(values);
        if (values.isEmpty()) throw new IllegalArgumentException("samples must not be empty");
        for (double v : values) {
            if (Double.isNaN(v) || Double.isInfinite(v))
                throw new IllegalArgumentException("sample " + v + " is not a finite number");
        }
    }

    public static Samples of(double... values) {
        return new Samples(Arrays.stream(values).boxed().toList());
    }

    public int count() {
        return values.size();
    }

    /** The middle value; for an even count, the mean of the two middle ones. */
    public double median() {
        double[] s = sorted();
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    public double min() {
        return sorted()[0];
    }

    public double max() {
        double[] s = sorted();
        return s[s.length - 1];
    }

    public double spread() {
        return max() - min();
    }

    /** Spread relative to the median; 0 for a single sample, infinite when the median is 0 but the samples differ. */
    public double relativeSpread() {
        double spread = spread(), median = Math.abs(median());
        if (spread == 0) return 0;
        return median == 0 ? Double.POSITIVE_INFINITY : spread / median;
    }

    public boolean noisy() {
        return relativeSpread() > NOISE_THRESHOLD;
    }

    private double[] sorted() {
        double[] s = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(s);
        return s;
    }

    @Override
    public String toString() {
        return count() == 1
                ? Double.toString(median())
                : median() + " [" + min() + ", " + max() + "]" + (noisy() ? " noisy" : "");
    }
}
