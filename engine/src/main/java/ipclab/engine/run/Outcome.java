package ipclab.engine.run;

import java.util.List;

/**
 * How a run ended, from its report, in increasing order of severity. The command line maps it
 * to an exit status (its one table of exit codes); the engine knows no exit codes.
 */
public enum Outcome {
    /** No failure, and every {@code expect} claim held. */
    OK,
    /** The run worked, but an {@code expect} claim was refuted. */
    REFUTED,
    /** The run failed: loss, a crash, a timeout, a leak, or a report that is not ok. */
    FAILED;

    public static Outcome of(RunReport r) {
        if (!r.failures().isEmpty() || !r.leaks().isEmpty()) return FAILED;
        for (RunReport.ExpectationResult e : r.expectations()) if (!e.ok()) return REFUTED;
        return r.ok() ? OK : FAILED; // a report that says not ok without saying why still fails
    }

    /** A sweep: the worst of its runs (failed beats refuted beats ok). */
    public static Outcome worst(List<RunReport> runs) {
        Outcome worst = OK;
        for (RunReport r : runs) worst = worst.worse(of(r));
        return worst;
    }

    /** The more severe of the two. */
    public Outcome worse(Outcome other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
