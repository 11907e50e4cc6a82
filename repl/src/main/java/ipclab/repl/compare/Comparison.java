package ipclab.repl.compare;

import ipclab.dsl.verdict.Measurements;
import ipclab.dsl.verdict.Verdict;
import java.util.List;
import java.util.Objects;

/**
 * A finished comparison, everything its reports show: what was measured (samples per system,
 * message size and figure), the verdicts on its claims, and the conditions of the measurement.
 *
 * @param title   the scenario's name, e.g. {@code compare}
 * @param repeats how many times each combination ran
 */
public record Comparison(
        String title, int repeats, Measurements measurements, List<Verdict> verdicts, Conditions conditions) {
    public Comparison {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(measurements, "measurements");
        Objects.requireNonNull(conditions, "conditions");
        if (repeats < 1) throw new IllegalArgumentException("repeats=" + repeats + " must be at least 1");
        verdicts = List.copyOf(verdicts);
    }

    /** Exit code 3 when a claim is refuted, as for a run's {@code expect:} claims. */
    public boolean anyRefuted() {
        return verdicts.stream().anyMatch(Verdict::refuted);
    }
}
