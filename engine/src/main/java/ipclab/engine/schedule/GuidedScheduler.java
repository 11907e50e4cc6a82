package ipclab.engine.schedule;

import ipclab.engine.run.StepSnapshot;
import java.util.List;

/**
 * A schedule to try while shrinking: the n-th grant goes to {@code choices[n]} when it is
 * enabled; otherwise, and after the choices run out, the process that moved last keeps moving if
 * it can, else the first enabled one in plan order. The fallback never switches without need,
 * so a candidate adds no context switch of its own.
 */
public final class GuidedScheduler implements Scheduler {
    private final List<String> choices;
    private final SchedulerSpec spec;
    private String last;

    public GuidedScheduler(List<String> choices, SchedulerSpec spec) {
        this.choices = List.copyOf(choices);
        this.spec = spec;
    }

    @Override
    public String next(StepSnapshot now) {
        List<String> enabled = now.enabled();
        int n = now.steps();
        String p;
        if (n < choices.size() && enabled.contains(choices.get(n))) p = choices.get(n);
        else if (last != null && enabled.contains(last)) p = last;
        else p = enabled.getFirst();
        last = p;
        return p;
    }

    @Override
    public SchedulerSpec spec() {
        return spec;
    }
}
