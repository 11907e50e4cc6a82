package ipclab.engine.schedule;

import ipclab.engine.run.StepEvent;
import ipclab.engine.run.StepSnapshot;
import java.util.List;

/**
 * Follows a schedule. A replay ({@link #ReplayScheduler(List, SchedulerSpec)}) follows a recorded
 * one and checks every outcome against the record: the n-th grant goes to the process the trace
 * granted at step n, and the step's outcome must equal the recorded one (operation, channel,
 * result and every field: value, writer, seq, mtype, size, slot). At the first difference (the
 * process is not enabled, the outcome differs, the run ends early or goes on past the trace) it
 * stops and says where ({@link #divergence()}).
 *
 * <p>A guided schedule ({@link #guided}), a candidate tried while shrinking, checks nothing: the
 * n-th grant goes to {@code choices[n]} when it is enabled; otherwise, and after the choices run
 * out, the process that moved last keeps moving if it can, else the first enabled one in plan
 * order. That fallback never switches without need, so a candidate adds no context switch of its own.
 */
public final class ReplayScheduler implements Scheduler {
    /** A replay's steps; null for a guided schedule. */
    private final List<StepEvent> expected;
    /** The process of each step to follow, in order. */
    private final List<String> choices;

    private final SchedulerSpec recorded;
    private Divergence divergence;
    private String last;

    /**
     * @param expected the steps to follow, in order
     * @param recorded the spec of the run that made them (traces keep naming it)
     */
    public ReplayScheduler(List<StepEvent> expected, SchedulerSpec recorded) {
        this(List.copyOf(expected), expected.stream().map(StepEvent::process).toList(), recorded);
    }

    private ReplayScheduler(List<StepEvent> expected, List<String> choices, SchedulerSpec recorded) {
        this.expected = expected;
        this.choices = List.copyOf(choices);
        this.recorded = recorded;
    }

    /** A schedule to try while shrinking: these choices where they are enabled, then no switch without need. */
    public static ReplayScheduler guided(List<String> choices, SchedulerSpec spec) {
        return new ReplayScheduler(null, choices, spec);
    }

    @Override
    public String next(StepSnapshot now) {
        return expected == null ? guide(now) : follow(now);
    }

    private String guide(StepSnapshot now) {
        List<String> enabled = now.enabled();
        int n = now.steps();
        String p;
        if (n < choices.size() && enabled.contains(choices.get(n))) p = choices.get(n);
        else if (last != null && enabled.contains(last)) p = last;
        else p = enabled.getFirst();
        last = p;
        return p;
    }

    private String follow(StepSnapshot now) {
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
        if (expected == null || divergence != null) return;
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
        if (expected != null && divergence == null && steps < expected.size()) {
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

    /** The steps a replay follows (empty for a guided schedule). */
    public List<StepEvent> expected() {
        return expected == null ? List.of() : expected;
    }

    @Override
    public SchedulerSpec spec() {
        return recorded;
    }
}
