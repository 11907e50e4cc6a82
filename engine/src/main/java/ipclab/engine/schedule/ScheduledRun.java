package ipclab.engine.schedule;

import ipclab.dsl.plan.Plan;
import ipclab.engine.run.Engine;
import ipclab.engine.run.FailureKind;
import ipclab.engine.run.Run;
import ipclab.engine.run.RunOptions;
import ipclab.engine.run.RunReport;
import ipclab.engine.run.StepEvent;
import ipclab.engine.run.StepProcess;
import ipclab.engine.run.StepSnapshot;
import ipclab.engine.run.StepStatus;
import ipclab.engine.run.Stepper;
import ipclab.engine.run.WorkerPool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a plan in step mode under a {@link Scheduler} to the end: every process exited, or nobody
 * can move (the run is stopped with a {@code deadlock} failure naming who waits on what), or the
 * scheduler stopped it (a replay that left its trace: a {@code replay} failure).
 *
 * <pre>{@code
 *   ScheduledRun.Result r = ScheduledRun.run(plan, RunOptions.defaults(), new RandomScheduler(7));
 *   r.report();      // the run's report
 *   r.steps();       // every grant with its outcome, in order: the schedule a replay follows
 *   r.divergence();  // a replay's first difference, or null
 * }</pre>
 */
public final class ScheduledRun {
    /** How long a process may take to settle (JVMs start slowly on a busy machine). */
    public static final Duration SETTLE = Duration.ofSeconds(120);

    /**
     * What a scheduled run came to.
     *
     * @param report     the run's report
     * @param steps      every step with its outcome, in order
     * @param scheduler  the scheduler's spec
     * @param divergence a replay's first difference from its trace, or null
     * @param deadlock   who waited on what when nobody could move, or null
     */
    public record Result(
            RunReport report, List<StepEvent> steps, SchedulerSpec scheduler, Divergence divergence, String deadlock) {
        public Result {
            steps = List.copyOf(steps);
        }

        /** How many times the moving process changed from one step to the next. */
        public int contextSwitches() {
            return contextSwitches(steps);
        }

        public static int contextSwitches(List<StepEvent> steps) {
            int n = 0;
            for (int i = 1; i < steps.size(); i++)
                if (!steps.get(i).process().equals(steps.get(i - 1).process())) n++;
            return n;
        }
    }

    private ScheduledRun() {}

    /**
     * Starts the plan in step mode and drives it to the end.
     *
     * @throws ipclab.engine.run.EngineException the run could not start (nothing is left behind)
     */
    public static Result run(Plan plan, RunOptions opts, Scheduler scheduler) throws InterruptedException {
        return run(plan, opts, scheduler, r -> {});
    }

    /** As {@link #run(Plan, RunOptions, Scheduler)}, telling {@code started} the run as soon as it exists (to stop it from elsewhere: Ctrl-C). */
    public static Result run(Plan plan, RunOptions opts, Scheduler scheduler, java.util.function.Consumer<Run> started)
            throws InterruptedException {
        return run(plan, opts, scheduler, started, null);
    }

    /** As {@link #run(Plan, RunOptions, Scheduler, java.util.function.Consumer)}, its workers from {@code pool} (null: fresh JVMs). */
    public static Result run(
            Plan plan, RunOptions opts, Scheduler scheduler, java.util.function.Consumer<Run> started, WorkerPool pool)
            throws InterruptedException {
        Run run = Engine.start(plan, opts.with(set -> set.step = true), pool);
        started.accept(run);
        return drive(run, scheduler);
    }

    /**
     * Drives a stepped run to its end under {@code scheduler} and returns its report. Interrupted,
     * the run is stopped (its workers and objects go) before the exception leaves.
     */
    public static Result drive(Run run, Scheduler scheduler) throws InterruptedException {
        Stepper s = run.stepper();
        String deadlock = null;
        try {
            while (true) {
                if (!s.awaitSettled(SETTLE)) {
                    run.stop(
                            FailureKind.TIMEOUT,
                            "a process did not settle within " + SETTLE.toSeconds() + " s: "
                                    + s.snapshot().processes());
                    break;
                }
                StepSnapshot now = s.snapshot();
                if (now.over()) break;
                if (now.enabled().isEmpty()) {
                    if (now.deadlocked()) {
                        deadlock = waiting(now);
                        run.stop(FailureKind.DEADLOCK, "nobody can move: " + deadlock);
                    }
                    break;
                }
                String p = scheduler.next(now);
                if (p == null) {
                    Divergence d = scheduler.divergence();
                    run.stop(
                            FailureKind.REPLAY,
                            d == null ? "the scheduler stopped the run" : "the replay left its trace at " + d);
                    break;
                }
                StepEvent before = lastOf(s);
                s.grant(p, SETTLE);
                List<StepEvent> all = s.events();
                // the grant's own outcome, and any a dying process left (recorded as errors), in order
                for (int i = before == null ? 0 : before.step(); i < all.size(); i++) scheduler.stepped(all.get(i));
            }
        } catch (InterruptedException e) {
            run.stop();
            run.await(Duration.ofSeconds(30));
            throw e;
        } catch (IllegalStateException e) {
            // the run stopped under the grant (a worker died): the report says why
        }
        RunReport report = run.await();
        List<StepEvent> steps = s.events();
        scheduler.ended(steps.size());
        return new Result(report, steps, scheduler.spec(), scheduler.divergence(), deadlock);
    }

    private static StepEvent lastOf(Stepper s) {
        List<StepEvent> e = s.events();
        return e.isEmpty() ? null : e.getLast();
    }

    /** {@code reader blocked on msgrcv(q): would-block, writer exited}. */
    private static String waiting(StepSnapshot now) {
        List<String> out = new ArrayList<>();
        for (StepProcess p : now.processes()) if (p.status() != StepStatus.EXITED) out.add(p.toString());
        return String.join("; ", out);
    }
}
