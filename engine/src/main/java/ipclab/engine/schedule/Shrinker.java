package ipclab.engine.schedule;

import ipclab.dsl.plan.Plan;
import ipclab.engine.run.RunOptions;
import ipclab.engine.run.StepEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Makes a failing schedule smaller, in the spirit of jqwik's shrinking: fewer context switches
 * first, then fewer steps, as long as the run still fails the same way. A schedule is cut into
 * blocks (the longest runs of steps by one process); each candidate keeps a prefix of the blocks,
 * or drops one block, and is run with a {@link GuidedScheduler} (which never switches without
 * need once its choices are spent or not enabled). The first candidate that still fails and is
 * smaller becomes the schedule; shrinking stops when no candidate is, or after {@code maxTries}
 * runs. What comes out is a real run's steps, so its trace replays to the same failure.
 */
final class Shrinker {
    private final Plan plan;
    private final RunOptions opts;
    private final Predicate<ScheduledRun.Result> fails;
    private final int maxTries;
    private int tries;

    Shrinker(Plan plan, RunOptions opts, Predicate<ScheduledRun.Result> fails, int maxTries) {
        this.plan = plan;
        this.opts = opts;
        this.fails = fails;
        this.maxTries = maxTries;
    }

    /** Runs used so far. */
    int tries() { return tries; }

    ScheduledRun.Result shrink(ScheduledRun.Result failing) throws InterruptedException {
        ScheduledRun.Result best = failing;
        SchedulerSpec spec = new SchedulerSpec(SchedulerSpec.Strategy.SHRUNK, failing.scheduler().seed(), failing.scheduler().depth());
        boolean better = true;
        while (better && tries < maxTries) {
            better = false;
            for (List<String> candidate : candidates(best.steps())) {
                if (tries >= maxTries) break;
                tries++;
                ScheduledRun.Result r = ScheduledRun.run(plan, opts, new GuidedScheduler(candidate, spec));
                if (fails.test(r) && smaller(r, best)) {
                    best = r;
                    better = true;
                    break;
                }
            }
        }
        return best;
    }

    private static boolean smaller(ScheduledRun.Result a, ScheduledRun.Result b) {
        int c = Integer.compare(a.contextSwitches(), b.contextSwitches());
        return c != 0 ? c < 0 : a.steps().size() < b.steps().size();
    }

    /** Prefixes of 1, 2, ... blocks (the guide's fallback finishes the run), then the schedule without one block each. */
    static List<List<String>> candidates(List<StepEvent> steps) {
        List<List<String>> blocks = new ArrayList<>();
        for (StepEvent e : steps) {
            if (blocks.isEmpty() || !blocks.getLast().getFirst().equals(e.process())) blocks.add(new ArrayList<>());
            blocks.getLast().add(e.process());
        }
        List<List<String>> out = new ArrayList<>();
        for (int k = 1; k < blocks.size(); k++) out.add(flatten(blocks.subList(0, k)));
        for (int drop = 0; drop < blocks.size(); drop++) {
            List<List<String>> rest = new ArrayList<>(blocks);
            rest.remove(drop);
            out.add(flatten(rest));
        }
        return out;
    }

    private static List<String> flatten(List<List<String>> blocks) {
        List<String> out = new ArrayList<>();
        for (List<String> b : blocks) out.addAll(b);
        return out;
    }
}
