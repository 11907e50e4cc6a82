package ipclab.dsl.expect;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * A parsed {@code expect:} claim: {@code left OP right} with OP one of {@code == != < <= > >=},
 * several joined by {@code and}. Operands are numbers, numbers with a unit, dotted paths to a
 * run's figures, and {@code + - * /} with parentheses:
 *
 * <pre>
 * consumer.received == producer.sent
 * ring.latency.p50 &lt; 50us
 * counter.lostUpdates &gt; 0 and counter.final &lt;= counter.expected
 * producer.syscalls.msgsnd &gt;= producer.sent * 0.99
 * </pre>
 *
 * Units: durations {@code ns us ms s m} become nanoseconds, sizes {@code B KiB MiB GiB} bytes,
 * {@code k} and {@code M} multiply by 1000 and 1000000. A name may contain '-' (replica
 * {@code producer-2}), so write subtraction with spaces: {@code a.sent - b.sent}.
 */
public final class Claim {
    private final String text;
    private final List<Comparison> comparisons;

    private Claim(String text, List<Comparison> comparisons) {
        this.text = text;
        this.comparisons = List.copyOf(comparisons);
    }

    /** Parses a claim; the exception says where and what was expected. */
    public static Claim parse(String text) throws ClaimSyntaxException {
        return new Claim(text, new Parser(text).claims());
    }

    /** The claim as written. */
    public String text() {
        return text;
    }

    /** Every dotted path the claim reads, in order of appearance. */
    public Set<Path> paths() {
        Set<Path> out = new LinkedHashSet<>();
        for (Comparison c : comparisons) {
            c.left.paths(out);
            c.right.paths(out);
        }
        return out;
    }

    /** Whether every comparison holds; a missing figure ({@code null}) makes its comparison false. */
    public boolean holds(Function<String, Double> figures) {
        boolean ok = true;
        for (Comparison c : comparisons) {
            double l = c.left.value(figures), r = c.right.value(figures);
            ok &= !Double.isNaN(l) && !Double.isNaN(r) && c.op.test(l, r);
        }
        return ok;
    }

    /** What the figures the claim reads were, e.g. {@code consumer.received=1000, producer.sent=1000}. */
    public String actual(Function<String, Double> figures) {
        return actual(figures, metric -> "");
    }

    /**
     * As {@link #actual(Function)}, each figure in its unit ({@code ring.latency.p50=1.78 us}):
     * {@code unitOf} gives a metric's unit, {@code ns}, {@code ms}, {@code bytes} or "" for a count.
     */
    public String actual(Function<String, Double> figures, Function<String, String> unitOf) {
        List<String> actual = new ArrayList<>();
        Set<String> shown = new LinkedHashSet<>();
        for (Path p : paths()) {
            if (!shown.add(p.text())) continue;
            Double v = figures.apply(p.text());
            actual.add(p.text() + "=" + (v == null ? "missing" : withUnit(v, unitOf.apply(p.metric()))));
        }
        if (actual.isEmpty()) actual.add("(constants only)");
        return String.join(", ", actual);
    }

    @Override
    public String toString() {
        return text;
    }

    /** A figure as a person reads it: {@code 1.78 us} for 1778 ns, {@code 4.00 KiB} for 4096 bytes, counts as they are. */
    static String withUnit(double v, String unit) {
        return switch (unit) {
            case "ns" -> scaled(v, 1000, new String[] {"ns", "us", "ms", "s"});
            case "ms" -> scaled(v * 1e6, 1000, new String[] {"ns", "us", "ms", "s"});
            case "bytes" -> scaled(v, 1024, new String[] {"B", "KiB", "MiB", "GiB"});
            default -> format(v);
        };
    }

    private static String scaled(double v, double step, String[] units) {
        int i = 0;
        double a = v;
        while (i < units.length - 1 && Math.abs(a) >= step * 0.9995) {
            a /= step;
            i++;
        }
        if (i == 0 && a == Math.rint(a)) return (long) a + " " + units[0];
        return String.format(Locale.ROOT, Math.abs(a) >= 99.95 ? "%.0f" : Math.abs(a) >= 9.995 ? "%.1f" : "%.2f", a)
                + " " + units[i];
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.4g", v);
    }

    // ---- the tree ----

    /** A dotted path and where it starts in the claim (1-based column). */
    public record Path(String text, int column) {
        /** The first segment: a process group, a replica or a channel. */
        public String subject() {
            int i = text.indexOf('.');
            return i < 0 ? text : text.substring(0, i);
        }

        /** What follows the subject, e.g. {@code latency.p50}; empty when none. */
        public String metric() {
            int i = text.indexOf('.');
            return i < 0 ? "" : text.substring(i + 1);
        }
    }

    record Comparison(Expr left, Operator op, Expr right) {}

    sealed interface Expr {
        double value(Function<String, Double> m);

        void paths(Set<Path> out);
    }

    record Num(double v) implements Expr {
        public double value(Function<String, Double> m) {
            return v;
        }

        public void paths(Set<Path> out) {}
    }

    record Ref(Path path) implements Expr {
        public double value(Function<String, Double> m) {
            Double v = m.apply(path.text());
            return v == null ? Double.NaN : v;
        }

        public void paths(Set<Path> out) {
            out.add(path);
        }
    }

    record Neg(Expr e) implements Expr {
        public double value(Function<String, Double> m) {
            return -e.value(m);
        }

        public void paths(Set<Path> out) {
            e.paths(out);
        }
    }

    record Bin(char op, Expr l, Expr r) implements Expr {
        public double value(Function<String, Double> m) {
            double a = l.value(m), b = r.value(m);
            return switch (op) {
                case '+' -> a + b;
                case '-' -> a - b;
                case '*' -> a * b;
                default -> a / b;
            };
        }

        public void paths(Set<Path> out) {
            l.paths(out);
            r.paths(out);
        }
    }
}
