package ipclab.engine.run;

import ipclab.dsl.plan.Plan;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs plans as real processes. The command line and the REPL start here.
 *
 * <pre>{@code
 *   RunReport r = Engine.start(plan, RunOptions.defaults()).await();          // a free run
 *
 *   Run run = Engine.start(plan, RunOptions.defaults().with(set -> set.step = true));      // step mode
 *   run.processes();            // who waits for which operation
 *   run.grant("counter-1");     // one step
 *   run.stepper();              // for schedulers: enabled(), grant(name) -> outcome, awaitSettled(t), snapshot()
 *   run.runFree();              // no more gating
 *   RunReport r = run.await();
 * }</pre>
 */
public final class Engine {
    private Engine() {}

    /**
     * Creates the plan's kernel objects, starts its workers and returns at once; the workers are
     * released together when all are ready.
     *
     * @throws EngineException if an object or a JVM could not be made (nothing is left behind), or a
     *         stepped plan has a rate or a duration (nothing is created)
     */
    public static Run start(Plan plan, RunOptions opts) {
        return start(plan, opts, null);
    }

    /**
     * As {@link #start(Plan, RunOptions)}, its workers played by JVMs of {@code pool} (null: fresh
     * ones): many runs of one plan (exploring, shrinking, replaying, stepping back) then start no
     * JVM after the first; every run still makes and removes its own kernel objects.
     */
    public static Run start(Plan plan, RunOptions opts, WorkerPool pool) {
        if (opts.step()) StepModeCheck.check(plan);
        Run run = new Run(plan, opts, pool);
        run.launch();
        return run;
    }

    /** Runs a plan freely to the end. */
    public static RunReport run(Plan plan, RunOptions opts) throws InterruptedException {
        return start(plan, opts.with(set -> set.step = false)).await();
    }

    /** Runs the plans of a sweep one after the other; one report each (with its params). */
    public static List<RunReport> sweep(List<Plan> plans, RunOptions opts) throws InterruptedException {
        List<RunReport> out = new ArrayList<>();
        for (Plan p : plans) out.add(run(p, opts));
        return out;
    }
}
