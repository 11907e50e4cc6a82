package ipclab.engine.schedule;

import ipclab.engine.run.StepProcess;
import ipclab.engine.run.StepSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Probabilistic concurrency testing (Burckhardt, Kothari, Musuvathi, Nagarakatte, ASPLOS 2010):
 * the enabled process with the highest priority moves. The n processes get the distinct initial
 * priorities d .. d+n-1 in a random order; d-1 change points are drawn among the first k steps,
 * and at the i-th of them the process about to move drops to priority i, below every initial
 * one. A bug that needs d ordering constraints is then found in one run with probability at
 * least 1/(n k^(d-1)). Depth 1 is a random fixed priority order, without preemption.
 *
 * <p>k is an estimate of the run's length in steps ({@code expectedSteps}); an explorer passes the
 * longest run it has seen, as PCT implementations do, since change points past the end never fire.
 */
public final class PctScheduler implements Scheduler {
    private final long seed;
    private final int depth;
    private final SplittableRandom random;
    private final Map<String, Integer> priority = new HashMap<>();
    /** step number -> the priority the process moving at that step drops to. */
    private final Map<Integer, Integer> changePoints = new TreeMap<>();

    /**
     * @param depth         d >= 1
     * @param expectedSteps k >= 1: the change points are drawn among steps 1..k
     */
    public PctScheduler(long seed, int depth, int expectedSteps) {
        if (depth < 1) throw new IllegalArgumentException("pct depth=" + depth + " must be at least 1");
        this.seed = seed;
        this.depth = depth;
        this.random = new SplittableRandom(seed);
        int k = Math.max(1, expectedSteps);
        List<Integer> steps = new ArrayList<>();
        while (steps.size() < Math.min(depth - 1, k)) {
            int s = 1 + random.nextInt(k);
            if (!steps.contains(s)) steps.add(s);
        }
        steps.sort(null);
        for (int i = 0; i < steps.size(); i++) changePoints.put(steps.get(i), i + 1);
    }

    @Override
    public String next(StepSnapshot now) {
        if (priority.isEmpty()) assignInitial(now.processes());
        String p = highest(now.enabled());
        Integer drop = changePoints.get(now.steps() + 1);
        if (drop != null) {
            priority.put(p, drop);
            p = highest(now.enabled());
        }
        return p;
    }

    /** A random permutation of d .. d+n-1 over the processes, in plan order. */
    private void assignInitial(List<StepProcess> processes) {
        int n = processes.size();
        List<Integer> ps = new ArrayList<>();
        for (int i = 0; i < n; i++) ps.add(depth + i);
        for (int i = n - 1; i > 0; i--) { // Fisher-Yates
            int j = random.nextInt(i + 1);
            Integer t = ps.get(i);
            ps.set(i, ps.get(j));
            ps.set(j, t);
        }
        for (int i = 0; i < n; i++) priority.put(processes.get(i).name(), ps.get(i));
    }

    private String highest(List<String> enabled) {
        String best = null;
        for (String p : enabled) if (best == null || priority.get(p) > priority.get(best)) best = p;
        return best;
    }

    @Override
    public SchedulerSpec spec() {
        return SchedulerSpec.pct(seed, depth);
    }
}
