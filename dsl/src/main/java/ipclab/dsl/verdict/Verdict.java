package ipclab.dsl.verdict;

import java.util.List;

/**
 * What this machine says of one comparative claim: its kind, a one-line summary ("holds only from
 * 16KiB up"), the figures that decide it, one line per size, and, for a comparison across sizes,
 * where the two systems cross.
 */
public record Verdict(String claim, Kind kind, String summary, List<String> figures, List<Crossover> crossovers) {
    public enum Kind {
        CONFIRMED("confirmed"),
        REFUTED("refuted"),
        /** Holds at some sizes of the claim's range and not at others; the summary names where. */
        RANGE("holds only in a range"),
        /** A deciding figure was too noisy, or nothing was measured; the summary says which. */
        INCONCLUSIVE("inconclusive");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** How reports name it. */
        public String label() {
            return label;
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
