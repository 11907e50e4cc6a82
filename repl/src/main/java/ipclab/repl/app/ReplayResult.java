package ipclab.repl.app;

import ipclab.engine.run.RunReport;
import ipclab.engine.run.StepEvent;
import ipclab.engine.schedule.Divergence;
import ipclab.engine.trace.Trace;
import java.util.List;

/**
 * A trace replayed, from {@link Traces#replay}.
 *
 * @param trace      what was replayed
 * @param runs       the new reports (one per sweep combination of a free run)
 * @param steps      a stepped replay's steps with their outcomes
 * @param divergence a stepped replay's first difference from the trace, or null
 */
public record ReplayResult(Trace trace, List<RunReport> runs, List<StepEvent> steps, Divergence divergence) {
    public ReplayResult {
        runs = List.copyOf(runs);
        steps = List.copyOf(steps);
    }

    /** A stepped trace, replayed step by step (a free run's interleaving cannot be reproduced). */
    public boolean stepped() {
        return trace.stepped();
    }

    /** Stepped, and every step came out as recorded. */
    public boolean identical() {
        return stepped() && divergence == null && steps.size() == trace.steps().size();
    }
}
