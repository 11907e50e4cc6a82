package ipclab.engine.schedule;

import ipclab.engine.run.StepEvent;
import ipclab.engine.run.StepSnapshot;
import java.util.List;

/**
 * Follows a recorded schedule and checks every outcome against the record: the n-th grant goes to
 * the process the trace granted at step n, and the step's outcome must equal the recorded one
 * (operation, channel, result and every field: value, writer, seq, mtype, size, slot). At the
 * first difference (the process is not enabled, the outcome differs, the run ends early or goes
 * on past the trace) it stops and says where ({@link #divergence()}).
 */
public final class ReplayScheduler implements Scheduler {
    private final List<StepEvent> expected;
    private final SchedulerSpec recorded;
    private Divergence divergence;

    /**
     * @param expected the steps to follow, in order
     * @param recorded the spec of the run that made them (traces keep naming it)
     */
    public ReplayScheduler(List<StepEvent> expected, SchedulerSpec recorded) {
        this.expected = List.copyOf(expected);
        this.recorded = recorded;
    }

    @Override
    public String next(StepSnapshot now) {
        if (divergence != null) return null;
        int n = now.steps();
        if (n >= expected.size()) {
            divergence = new Divergence(
                    n + 1,
                    String.join("|", now.enabled()),
                    "end",
                    "the end of the run (the trace has " + expected.size() + " steps)",
                    "processes still enabled: " + String.join(", ", now.enabled()));
            return null;
        }
        StepEvent e = expected.get(n);
        if (!now.enabled().contains(e.process())) {
            var p = now.process(e.process());
            divergence = new Divergence(
                    e.step(),
                    e.process(),
                    e.outcome().op().wireName(),
                    "enabled for " + e.outcome(),
                    p == null ? "no such process" : p.toString());
            return null;
        }
        return e.process();
    }

    @Override
    public void stepped(StepEvent step) {
        if (divergence != null) return;
        int i = step.step() - 1;
        if (i >= expected.size()) return; // next() stops first
        StepEvent e = expected.get(i);
        if (!e.process().equals(step.process()) || !e.outcome().equals(step.outcome())) {
            divergence = new Divergence(
                    e.step(),
                    e.process(),
                    e.outcome().op().wireName(),
                    e.outcome().toString(),
                    (e.process().equals(step.process()) ? "" : step.process() + " ") + step.outcome());
        }
    }

    @Override
    public void ended(int steps) {
        if (divergence == null && steps < expected.size()) {
            StepEvent e = expected.get(steps);
            divergence = new Divergence(
                    e.step(),
                    e.process(),
                    e.outcome().op().wireName(),
                    e.outcome().toString(),
                    "the run ended after " + steps + " steps");
        }
    }

    @Override
    public Divergence divergence() {
        return divergence;
    }

    /** The steps it follows. */
    public List<StepEvent> expected() {
        return expected;
    }

    @Override
    public SchedulerSpec spec() {
        return recorded;
    }
}
