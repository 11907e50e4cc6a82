package ipclab.dsl.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a system's setup pays for itself: with setup S and a cost p per message, n messages
 * cost {@code S + n * p}; against another system the dearer setup is paid back after
 * {@code n* = (S_a - S_b) / (p_b - p_a)} messages, and never when it is not cheaper per message.
 */
public final class Breakeven {
    private Breakeven() {}

    /** The message count from which {@code a} costs no more than {@code b}: 0 when its setup is no dearer, infinite when it never catches up. */
    public static double messages(double setupA, double perA, double setupB, double perB) {
        if (setupA <= setupB) return 0;
        if (perA >= perB) return Double.POSITIVE_INFINITY;
        return (setupA - setupB) / (perB - perA);
    }

    static Evaluator.At at(ComparativeClaim.Payback c, Measurements m, long size, List<Evaluator.Missing> unavailable) {
        Samples setupA = Evaluator.samples(m, c.system(), Figure.SETUP, size, unavailable);
        Samples perA = Evaluator.samples(m, c.system(), Figure.PER_MESSAGE, size, unavailable);
        if (setupA == null || perA == null) return null;
        List<String> others = c.against() != null
                ? List.of(c.against())
                : m.systems().stream().filter(s -> !s.equals(c.system())).toList();
        StringBuilder text = new StringBuilder(Evaluator.size(size))
                .append(c.system())
                .append(" setup ")
                .append(Figure.SETUP.format(setupA))
                .append(", ")
                .append(Figure.PER_MESSAGE.format(perA))
                .append(" per message");
        boolean holds = true,
                surelyHolds = true,
                surelyFails = false,
                noisy = setupA.noisy() || perA.noisy(),
                any = false;
        List<Evaluator.Missing> ignored = new ArrayList<>();
        for (String other : others) {
            Samples setupB =
                    Evaluator.samples(m, other, Figure.SETUP, size, c.against() != null ? unavailable : ignored);
            Samples perB =
                    Evaluator.samples(m, other, Figure.PER_MESSAGE, size, c.against() != null ? unavailable : ignored);
            if (setupB == null || perB == null) {
                if (c.against() != null) return null;
                continue;
            }
            any = true;
            noisy |= setupB.noisy() || perB.noisy();
            double n = messages(setupA.median(), perA.median(), setupB.median(), perB.median());
            // Least and most favourable: a's dearest setup and message against b's cheapest, and the reverse.
            double worst = messages(setupA.max(), perA.max(), setupB.min(), perB.min());
            double best = messages(setupA.min(), perA.min(), setupB.max(), perB.max());
            holds &= n <= c.messages();
            surelyHolds &= worst <= c.messages();
            surelyFails |= best > c.messages();
            text.append("; against ")
                    .append(other)
                    .append(" setup ")
                    .append(Figure.SETUP.format(setupB))
                    .append(", ")
                    .append(Figure.PER_MESSAGE.format(perB))
                    .append(" per message: pays for itself ")
                    .append(count(n));
        }
        if (!any) return null;
        Evaluator.Outcome o = !noisy || surelyHolds || surelyFails
                ? (holds ? Evaluator.Outcome.HOLDS : Evaluator.Outcome.FAILS)
                : Evaluator.Outcome.NOISY;
        return new Evaluator.At(size, o, text.toString());
    }

    private static String count(double n) {
        if (n == 0) return "from the first message";
        if (Double.isInfinite(n)) return "never (no cheaper per message)";
        return String.format(Locale.ROOT, "after %,.0f messages", Math.ceil(n));
    }
}
