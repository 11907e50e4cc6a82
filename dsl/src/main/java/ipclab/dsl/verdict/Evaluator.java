package ipclab.dsl.verdict;

import ipclab.dsl.model.ByteSize;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Weighs comparative claims against measurements. A claim is judged at every size of its range
 * where its figures were measured; at each size it holds, fails, or is undecided because a
 * deciding figure is noisy and its min and max would give different answers (a noisy figure whose
 * whole range points one way still decides). Then: holds everywhere = confirmed, nowhere =
 * refuted, at some sizes = holds only in a range (named), any undecided size = inconclusive.
 */
public final class Evaluator {
    enum Outcome {
        HOLDS,
        FAILS,
        NOISY
    }

    record At(long size, Outcome outcome, String figures) {}

    /** A size at which a figure could not be measured, and why: {@code msgq: not possible on this machine (msgmax = 8192)}. */
    record Missing(long size, String why) {}

    private Evaluator() {}

    public static List<Verdict> evaluate(List<ComparativeClaim> claims, Measurements m) {
        return claims.stream().map(c -> evaluate(c, m)).toList();
    }

    public static Verdict evaluate(ComparativeClaim claim, Measurements m) {
        List<String> missing = new ArrayList<>();
        for (String s : systems(claim)) {
            if (!m.has(s)) missing.add(s);
        }
        if (!missing.isEmpty()) {
            return new Verdict(
                    claim.text(),
                    Verdict.Kind.INCONCLUSIVE,
                    "nothing measured for " + String.join(", ", missing) + "; the systems measured are "
                            + String.join(", ", m.systems()),
                    List.of(),
                    List.of());
        }
        List<At> results = new ArrayList<>();
        List<Missing> unavailable = new ArrayList<>();
        Figure sizesOf =
                switch (claim) {
                    case ComparativeClaim.Beats b -> b.figure();
                    case ComparativeClaim.Bound b -> b.figure();
                    case ComparativeClaim.Payback p -> Figure.SETUP;
                };
        for (long size : m.sizes(sizesOf)) {
            if (!claim.range().contains(size)) continue;
            At at =
                    switch (claim) {
                        case ComparativeClaim.Beats b -> beats(b, m, size, unavailable);
                        case ComparativeClaim.Bound b -> bound(b, m, size, unavailable);
                        case ComparativeClaim.Payback p -> Breakeven.at(p, m, size, unavailable);
                    };
            if (at != null) results.add(at);
        }
        // Where the two trade places across the whole sweep, which also tells a claim about one
        // part of it where the rest stands; a claim about one size has no use for it.
        boolean oneSize = claim.range().from() != null
                && claim.range().from().equals(claim.range().to());
        List<Crossover> crossovers = claim instanceof ComparativeClaim.Beats b && !oneSize
                ? Crossovers.between(m, b.figure(), b.winner(), b.loser())
                : List.of();
        return combine(claim, results, unavailable, crossovers);
    }

    private static List<String> systems(ComparativeClaim c) {
        return switch (c) {
            case ComparativeClaim.Beats b -> List.of(b.winner(), b.loser());
            case ComparativeClaim.Bound b -> List.of(b.system());
            case ComparativeClaim.Payback p ->
                p.against() == null ? List.of(p.system()) : List.of(p.system(), p.against());
        };
    }

    private static At beats(ComparativeClaim.Beats c, Measurements m, long size, List<Missing> unavailable) {
        Samples a = samples(m, c.winner(), c.figure(), size, unavailable),
                b = samples(m, c.loser(), c.figure(), size, unavailable);
        if (a == null || b == null) return null;
        boolean higher = c.figure().higherIsBetter();
        boolean holds = higher ? a.median() > b.median() : a.median() < b.median();
        // Robust when even the least favourable ends of the two ranges agree with the medians.
        boolean surelyHolds = higher ? a.min() > b.max() : a.max() < b.min();
        boolean surelyFails = higher ? a.max() <= b.min() : a.min() >= b.max();
        Outcome o = !(a.noisy() || b.noisy()) || surelyHolds || surelyFails
                ? (holds ? Outcome.HOLDS : Outcome.FAILS)
                : Outcome.NOISY;
        return new At(
                size,
                o,
                size(size) + c.winner() + " " + c.figure().format(a) + " vs " + c.loser() + " "
                        + c.figure().format(b));
    }

    private static At bound(ComparativeClaim.Bound c, Measurements m, long size, List<Missing> unavailable) {
        Samples s = samples(m, c.system(), c.figure(), size, unavailable);
        if (s == null) return null;
        boolean holds = c.op().testWithin(s.median(), c.value(), ComparativeClaim.EQUAL_TOLERANCE);
        Outcome o = !s.noisy()
                        || c.op().testWithin(s.min(), c.value(), ComparativeClaim.EQUAL_TOLERANCE)
                                == c.op().testWithin(s.max(), c.value(), ComparativeClaim.EQUAL_TOLERANCE)
                ? (holds ? Outcome.HOLDS : Outcome.FAILS)
                : Outcome.NOISY;
        return new At(
                size,
                o,
                size(size) + c.system() + "." + c.figure().text() + " = "
                        + c.figure().format(s));
    }

    static Samples samples(Measurements m, String system, Figure f, long size, List<Missing> unavailable) {
        var p = m.point(system, f, size);
        if (p.isEmpty()) return null;
        if (!p.get().measured()) {
            unavailable.add(new Missing(size, system + ": " + p.get().unavailable()));
            return null;
        }
        return p.get().samples();
    }

    /** {@code 4KiB: } before a size's figures; nothing for size 0, a part that has no message size (incrementers). */
    static String size(long size) {
        return size == 0 ? "" : ByteSize.of(size) + ": ";
    }

    private static Verdict combine(
            ComparativeClaim claim, List<At> results, List<Missing> unavailable, List<Crossover> crossovers) {
        List<String> figures = new ArrayList<>();
        results.forEach(r -> figures.add(r.figures + (r.outcome == Outcome.NOISY ? "  (noisy: undecided)" : "")));
        // One line per reason, over the sizes it covers: "16KiB to 1MiB: msgq: not possible ...".
        Map<String, List<Long>> missing = new LinkedHashMap<>();
        for (Missing u : unavailable) {
            List<Long> at = missing.computeIfAbsent(u.why(), k -> new ArrayList<>());
            if (!at.contains(u.size())) at.add(u.size());
        }
        missing.forEach((why, at) -> figures.add(
                ByteSize.of(at.getFirst()) + (at.size() == 1 ? "" : " to " + ByteSize.of(at.getLast())) + ": " + why));
        crossovers.forEach(c -> figures.add("crossover: " + c.text()));
        String within = claim.range().all() ? "" : " " + claim.range();
        if (results.isEmpty()) {
            String why = missing.isEmpty() ? "" : ": " + String.join("; ", missing.keySet());
            return new Verdict(
                    claim.text(),
                    Verdict.Kind.INCONCLUSIVE,
                    "could not be measured" + (within.isEmpty() ? " at any size" : within) + why,
                    figures,
                    crossovers);
        }
        List<Long> sizes = results.stream().map(At::size).toList();
        List<Long> holding = results.stream()
                .filter(r -> r.outcome == Outcome.HOLDS)
                .map(At::size)
                .toList();
        List<Long> noisy = results.stream()
                .filter(r -> r.outcome == Outcome.NOISY)
                .map(At::size)
                .toList();
        String span = sizes.size() == 1 && sizes.getFirst() == 0
                ? "in every run"
                : sizes.size() == 1
                        ? "at " + ByteSize.of(sizes.getFirst())
                        : "at every size from " + ByteSize.of(sizes.getFirst()) + " to " + ByteSize.of(sizes.getLast());
        if (!noisy.isEmpty()) {
            String rest = holding.isEmpty() ? "" : "; without them it " + where(sizes, holding, noisy);
            String at = noisy.equals(List.of(0L)) ? "noisy" : "noisy at " + list(noisy);
            return new Verdict(
                    claim.text(),
                    Verdict.Kind.INCONCLUSIVE,
                    at + " (spread over " + percent(Samples.NOISE_THRESHOLD) + " of the median): no verdict drawn there"
                            + rest,
                    figures,
                    crossovers);
        }
        if (holding.size() == sizes.size())
            return new Verdict(claim.text(), Verdict.Kind.CONFIRMED, "holds " + span, figures, crossovers);
        if (holding.isEmpty())
            return new Verdict(claim.text(), Verdict.Kind.REFUTED, "fails " + span, figures, crossovers);
        return new Verdict(claim.text(), Verdict.Kind.RANGE, where(sizes, holding, List.of()), figures, crossovers);
    }

    /** "holds only from 16KiB up" and its kin, over the decided sizes. */
    private static String where(List<Long> all, List<Long> holding, List<Long> skip) {
        List<Long> decided = all.stream().filter(s -> !skip.contains(s)).toList();
        int first = decided.indexOf(holding.getFirst()), last = decided.indexOf(holding.getLast());
        if (holding.size() == decided.size()) return "holds at the other sizes";
        if (last - first + 1 != holding.size()) return "holds only at " + list(holding);
        if (holding.size() == 1) return "holds only at " + ByteSize.of(holding.getFirst());
        if (last == decided.size() - 1) return "holds only from " + ByteSize.of(holding.getFirst()) + " up";
        if (first == 0) return "holds only up to " + ByteSize.of(holding.getLast());
        return "holds only from " + ByteSize.of(holding.getFirst()) + " to " + ByteSize.of(holding.getLast());
    }

    private static String list(List<Long> sizes) {
        return String.join(
                ", ", sizes.stream().map(s -> ByteSize.of(s).toString()).toList());
    }

    private static String percent(double f) {
        return String.format(Locale.ROOT, "%.0f%%", f * 100);
    }
}
