package ipclab.engine.schedule;

import ipclab.dsl.plan.Plan;
import ipclab.engine.run.Engine;
import ipclab.engine.run.Run;
import ipclab.engine.run.RunOptions;
import ipclab.engine.run.StepEvent;
import ipclab.engine.run.StepSnapshot;
import ipclab.engine.run.Stepper;
import ipclab.engine.run.WorkerPool;
import java.util.List;

/**
 * Reverse step: a stepped run is a function of its schedule, so the state after step n-1 is
 * reached by replaying its first n-1 steps in a fresh run (new processes, new kernel objects),
 * checking each outcome on the way. The REPL's {@code /back} is this.
 *
 * <pre>{@code
 *   List<StepEvent> done = run.stepper().events();
 *   run.stop(); run.await();
 *   Run earlier = Rewind.to(plan, opts, done, done.size() - 1);   // one step back; earlier.stepper() goes on from there
 * }</pre>
 */
public final class Rewind {
    private Rewind() {}

    /** The replay of a prefix did not do what the original run did: the run is not deterministic here. */
    public static final class DivergedException extends Exception {
        private final Divergence divergence;

        DivergedException(Divergence d) {
            super("the replay of the earlier steps differs from the run at " + d);
            this.divergence = d;
        }

        public Divergence divergence() {
            return divergence;
        }
    }

    /**
     * Starts the plan afresh in step mode and replays the first {@code n} of {@code steps}, each
     * outcome checked. The caller owns the returned run (it must await or stop it).
     *
     * @param n 0 <= n <= steps.size()
     * @throws DivergedException a step came out differently (the fresh run is stopped)
     */
    public static Run to(Plan plan, RunOptions opts, List<StepEvent> steps, int n)
            throws InterruptedException, DivergedException {
        return to(plan, opts, steps, n, null);
    }

    /** As {@link #to(Plan, RunOptions, List, int)}, the fresh run's workers from {@code pool} (null: fresh JVMs). */
    public static Run to(Plan plan, RunOptions opts, List<StepEvent> steps, int n, WorkerPool pool)
            throws InterruptedException, DivergedException {
        return to(plan, opts, steps, n, pool, null, List.of());
    }

    /**
     * As {@link #to(Plan, RunOptions, List, int, WorkerPool)}, also rewinding the original run's
     * seeded scheduler: {@code follower}, a fresh scheduler of the same spec, is asked
     * {@link Scheduler#next} wherever the original was asked before step {@code n} and told every
     * step, so that it ends in the state the original's had after step n, and the run goes on from
     * there as the original did. A random or pct scheduler's choices depend on every call made to it,
     * those whose pick was not granted too (a breakpoint stopped first), hence the record of calls.
     *
     * @param follower a fresh scheduler of the original run's spec, or null
     * @param asked    the original scheduler's calls of {@code next}, in order, each as the number of
     *                 steps done when it was made
     */
    public static Run to(
            Plan plan,
            RunOptions opts,
            List<StepEvent> steps,
            int n,
            WorkerPool pool,
            Scheduler follower,
            List<Integer> asked)
            throws InterruptedException, DivergedException {
        if (n < 0 || n > steps.size())
            throw new IllegalArgumentException("step " + n + " is not in 0.." + steps.size());
        List<StepEvent> prefix = steps.subList(0, n);
        ReplayScheduler replay = new ReplayScheduler(prefix, SchedulerSpec.free());
        Run run = Engine.start(plan, opts.with(set -> set.step = true), pool);
        try {
            Stepper s = run.stepper();
            for (int i = 0; i < n; i++) {
                if (!s.awaitSettled(ScheduledRun.SETTLE))
                    throw new IllegalStateException("a process did not settle: " + s.snapshot());
                StepSnapshot now = s.snapshot();
                String p = now.over() || now.enabled().isEmpty() ? null : replay.next(now);
                if (p != null && follower != null) for (int at : asked) if (at == now.steps()) follower.next(now);
                if (p == null) {
                    if (replay.divergence() == null) replay.ended(now.steps());
                    throw new DivergedException(replay.divergence());
                }
                s.grant(p, ScheduledRun.SETTLE);
                List<StepEvent> all = s.events();
                for (int k = now.steps(); k < all.size(); k++) {
                    replay.stepped(all.get(k));
                    if (follower != null) follower.stepped(all.get(k));
                }
                if (replay.divergence() != null) throw new DivergedException(replay.divergence());
            }
            if (!s.awaitSettled(ScheduledRun.SETTLE))
                throw new IllegalStateException("a process did not settle: " + s.snapshot());
            return run;
        } catch (DivergedException | RuntimeException | InterruptedException e) {
            run.stop();
            run.await(java.time.Duration.ofSeconds(30));
            throw e;
        }
    }
}
