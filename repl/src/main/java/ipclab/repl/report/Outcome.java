package ipclab.repl.report;

import ipclab.engine.run.RunReport;
import java.util.List;

/**
 * How a run ended, for people and for exit codes: the one rule for "ok, refuted or failed". A
 * failure or a leak fails the run; else a refuted {@code expect:} claim refutes it; else it is ok
 * (a report that says not ok without saying why counts as failed). Ordered from best to worst.
 */
public enum Outcome {
    /** Nothing failed and every claim held. */
    OK,
    /** The run worked but an {@code expect:} claim was refuted. */
    REFUTED,
    /** Loss, crash, timeout, leak, or a report that is not ok. */
    FAILED;

    public static Outcome of(RunReport r) {
        if (!Nulls.list(r.failures()).isEmpty() || !Nulls.list(r.leaks()).isEmpty()) return FAILED;
        for (RunReport.ExpectationResult e : Nulls.list(r.expectations())) if (!e.ok()) return REFUTED;
        return r.ok() ? OK : FAILED;
    }

    /** A sweep: the worst of its runs. */
    public static Outcome of(List<RunReport> runs) {
        Outcome worst = OK;
        for (RunReport r : runs) worst = worst.worse(of(r));
        return worst;
    }

    /** The worse of the two: failed beats refuted beats ok. */
    public Outcome worse(Outcome other) { return other.compareTo(this) > 0 ? other : this; }
}
