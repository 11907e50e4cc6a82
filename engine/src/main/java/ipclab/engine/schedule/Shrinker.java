package ipclab.engine.schedule;

import ipclab.engine.run.StepEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Makes a failing schedule smaller, in the spirit of jqwik's shrinking: fewer context switches
 * first, then fewer steps, as long as the run still fails the same way. A schedule is cut into
 * blocks (the longest runs of steps by one process); each candidate keeps a prefix of the steps
 * (then perhaps switches once), or drops one block, and is run with a {@link ReplayScheduler#guided} schedule (which never switches without
 * need once its choices are spent or not enabled). The first candidate that still fails and is
 * smaller becomes the schedule; shrinking stops when no candidate is, or after {@code maxTries}
 * runs. What comes out is a real run's steps, so its trace replays to the same failure.
 */
final class Shrinker {
    /** Runs the plan once under a scheduler, as exploring does (same options, same worker pool). */
    @FunctionalInterface
    interface Runs {
        ScheduledRun.Result run(Scheduler scheduler) throws InterruptedException;
    }

    /** The smallest failing run found, and how many runs the search used. */
    record Shrunk(ScheduledRun.Result best, int tries) {}

    private Shrinker() {}

    /**
     * Shrinks {@code failing}: candidates run through {@code runs}, one becomes the schedule when
     * {@code fails} holds for it and it is smaller; at most {@code maxTries} runs, fewer once
     * {@code stopped} says so.
     */
    static Shrunk shrink(
            ScheduledRun.Result failing,
            Runs runs,
            Predicate<ScheduledRun.Result> fails,
            int maxTries,
            BooleanSupplier stopped)
            throws InterruptedException {
        ScheduledRun.Result best = failing;
        SchedulerSpec spec = new SchedulerSpec(
                SchedulerSpec.Strategy.SHRUNK,
                failing.scheduler().seed(),
                failing.scheduler().depth());
        int tries = 0;
        boolean better = true;
        while (better && tries < maxTries) {
            better = false;
            for (List<String> candidate : candidates(best.steps())) {
                if (tries >= maxTries || stopped.getAsBoolean()) return new Shrunk(best, tries);
                tries++;
                ScheduledRun.Result r = runs.run(ReplayScheduler.guided(candidate, spec));
                if (fails.test(r) && smaller(r, best)) {
                    best = r;
                    better = true;
                    break;
                }
            }
        }
        return new Shrunk(best, tries);
    }

    private static boolean smaller(ScheduledRun.Result a, ScheduledRun.Result b) {
        int c = Integer.compare(a.contextSwitches(), b.contextSwitches());
        return c != 0 ? c < 0 : a.steps().size() < b.steps().size();
    }

    /**
     * The candidates, those with the fewest switches of their own first: every prefix of the
     * schedule, alone (the last process to move in it goes on) or followed by a switch to another
     * process (the shape of most races: one process stops between its load and its store while
     * another runs); then the schedule without one of its blocks.
     */
    static List<List<String>> candidates(List<StepEvent> steps) {
        List<String> order = steps.stream().map(StepEvent::process).toList();
        List<String> processes = order.stream().distinct().toList();
        java.util.Set<List<String>> prefixes = new java.util.LinkedHashSet<>();
        for (int n = 1; n < order.size(); n++) {
            List<String> prefix = order.subList(0, n);
            prefixes.add(List.copyOf(prefix));
            for (String other : processes) {
                if (other.equals(prefix.getLast())) continue;
                List<String> c = new ArrayList<>(prefix);
                c.add(other);
                prefixes.add(c);
            }
        }
        List<List<String>> out = new ArrayList<>(prefixes);
        out.sort(java.util.Comparator.comparingInt(Shrinker::switches).thenComparingInt(List::size));
        List<List<String>> blocks = new ArrayList<>();
        for (String p : order) {
            if (blocks.isEmpty() || !blocks.getLast().getFirst().equals(p)) blocks.add(new ArrayList<>());
            blocks.getLast().add(p);
        }
        for (int drop = 0; drop < blocks.size(); drop++) {
            List<List<String>> rest = new ArrayList<>(blocks);
            rest.remove(drop);
            out.add(flatten(rest));
        }
        return out;
    }

    private static int switches(List<String> choices) {
        int n = 0;
        for (int i = 1; i < choices.size(); i++) if (!choices.get(i).equals(choices.get(i - 1))) n++;
        return n;
    }

    private static List<String> flatten(List<List<String>> blocks) {
        List<String> out = new ArrayList<>();
        for (List<String> b : blocks) out.addAll(b);
        return out;
    }
}
