package ipclab.dsl.verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds where system A and system B trade places in a figure across sizes. On a log-log chart a
 * figure that grows with size is close to a straight line, so the advantage is taken as
 * {@code ln(a) - ln(b)} and interpolated linearly in {@code ln(size)} between the sweep points on
 * either side of a sign change. The same is done with the pessimistic and the optimistic
 * advantage (a's min against b's max, a's max against b's min); their crossings nearest the
 * median's bound the interval where the true crossover lies.
 */
final class Crossovers {
    private Crossovers() {}

    /** Every crossover of {@code a} and {@code b} in {@code figure}, at sizes where both were measured. */
    static List<Crossover> between(Measurements m, Figure figure, String a, String b) {
        List<Double> x = new ArrayList<>();
        List<Double> mid = new ArrayList<>(), pess = new ArrayList<>(), opt = new ArrayList<>();
        for (long size : m.sizes(figure)) {
            var sa = m.samples(a, figure, size);
            var sb = m.samples(b, figure, size);
            if (sa.isEmpty()
                    || sb.isEmpty()
                    || size <= 0
                    || sa.get().min() <= 0
                    || sb.get().min() <= 0) continue;
            Samples pa = sa.get(), pb = sb.get();
            x.add(Math.log(size));
            mid.add(Math.log(pa.median()) - Math.log(pb.median()));
            pess.add(Math.log(pa.min()) - Math.log(pb.max()));
            opt.add(Math.log(pa.max()) - Math.log(pb.min()));
        }
        List<Crossover> out = new ArrayList<>();
        if (x.size() < 2) return out;
        List<Double> pessCross = crossings(x, pess), optCross = crossings(x, opt);
        double first = x.getFirst(), last = x.getLast();
        for (int i = 0; i + 1 < x.size(); i++) {
            double c = crossing(x, mid, i);
            if (Double.isNaN(c)) continue;
            // Which system is better above the crossover: the sign of the advantage after it.
            double after = mid.get(i + 1) != 0 ? mid.get(i + 1) : -mid.get(i);
            boolean aBetterAbove = figure.higherIsBetter() == after > 0;
            Double p = nearest(pessCross, c), o = nearest(optCross, c);
            double low = c, high = c;
            boolean lowOpen = false, highOpen = false;
            for (Double bound : new Double[] {p, o}) {
                if (bound != null) {
                    low = Math.min(low, bound);
                    high = Math.max(high, bound);
                }
            }
            // A bound with no crossing at all: the uncertainty reaches past the sweep on the side
            // opposite to the bound that exists (or on both sides when neither does).
            if (p == null || o == null) {
                Double present = p != null ? p : o;
                if (present == null || present >= c) {
                    low = first;
                    lowOpen = true;
                }
                if (present == null || present <= c) {
                    high = last;
                    highOpen = true;
                }
            }
            out.add(new Crossover(
                    aBetterAbove ? a : b,
                    aBetterAbove ? b : a,
                    Math.exp(c),
                    Math.exp(low),
                    Math.exp(high),
                    lowOpen,
                    highOpen));
        }
        return out;
    }

    /** The crossing in segment [i, i+1], NaN when none; a zero at a point belongs to the segment it starts. */
    private static double crossing(List<Double> x, List<Double> d, int i) {
        double d0 = d.get(i), d1 = d.get(i + 1);
        if (d0 == 0) return i == 0 && d1 == 0 ? Double.NaN : x.get(i);
        if (d0 * d1 >= 0) return Double.NaN;
        return x.get(i) + (x.get(i + 1) - x.get(i)) * d0 / (d0 - d1);
    }

    private static List<Double> crossings(List<Double> x, List<Double> d) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i + 1 < x.size(); i++) {
            double c = crossing(x, d, i);
            if (!Double.isNaN(c)) out.add(c);
        }
        if (d.getLast() == 0) out.add(x.getLast());
        return out;
    }

    private static Double nearest(List<Double> cs, double c) {
        Double best = null;
        for (double v : cs) if (best == null || Math.abs(v - c) < Math.abs(best - c)) best = v;
        return best;
    }
}
