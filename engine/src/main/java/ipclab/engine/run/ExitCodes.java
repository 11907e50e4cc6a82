package ipclab.engine.run;

import java.util.List;

/**
 * The process exit status of {@code ipclab run} as a function of the report(s): 0 ok, 1 the run
 * failed (loss, crash, timeout, leak), 3 an {@code expect} claim was refuted. (2, invalid input,
 * is decided by the command line before anything runs.)
 */
public final class ExitCodes {
    public static final int OK = 0, FAILED = 1, INVALID = 2, REFUTED = 3;

    private ExitCodes() {}

    public static int of(RunReport r) {
        if (!r.failures().isEmpty() || !r.leaks().isEmpty()) return FAILED;
        for (RunReport.ExpectationResult e : r.expectations()) if (!e.ok()) return REFUTED;
        return OK;
    }

    /** A sweep: the worst of its runs (1 beats 3). */
    public static int of(List<RunReport> runs) {
        int worst = OK;
        for (RunReport r : runs) {
            int c = of(r);
            if (c == FAILED) return FAILED;
            if (c == REFUTED) worst = REFUTED;
        }
        return worst;
    }
}
