package ipclab.dsl.verdict;

import ipclab.dsl.model.Names;
import java.util.List;

/**
 * What this machine says of one comparative claim: its kind, a one-line summary ("holds only from
 * 16KiB up"), the figures that decide it, one line per size, and, for a comparison across sizes,
 * where the two systems cross.
 */
public record Verdict(String claim, Kind kind, String summary, List<String> figures, List<Crossover> crossovers) {
    public enum Kind {
        CONFIRMED,
        REFUTED,
        /** Holds at some sizes of the claim's range and not at others; the summary names where. */
        RANGE,
        /** A deciding figure was too noisy, or nothing was measured; the summary says which. */
        INCONCLUSIVE;

        /** How reports name it: its YAML spelling, but "holds only in a range" for {@link #RANGE}. */
        public String label() {
            return this == RANGE ? "holds only in a range" : Names.yaml(this);
        }
    }

    public Verdict {
        figures = List.copyOf(figures);
        crossovers = List.copyOf(crossovers);
    }

    public boolean refuted() {
        return kind == Kind.REFUTED;
    }
}
