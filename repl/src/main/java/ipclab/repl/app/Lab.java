package ipclab.repl.app;

import ipclab.dsl.ScenarioException;
import ipclab.dsl.ScenarioLoader;
import ipclab.dsl.model.Scenario;
import ipclab.dsl.plan.Plan;
import ipclab.dsl.plan.PlannedProcess;
import ipclab.engine.run.Cleaner;
import ipclab.engine.run.Engine;
import ipclab.engine.run.Run;
import ipclab.engine.run.RunOptions;
import ipclab.engine.run.RunReport;
import ipclab.engine.run.StepEvent;
import ipclab.engine.schedule.Rewind;
import ipclab.engine.schedule.SchedulerSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a front end (the {@code ipclab} command line, the REPL) does with scenarios, in the order
 * it does it: {@link #load load} (which validates), {@link #cleanStale clean} what dead runs left,
 * {@link #run run}, and read the typed {@link ScenarioResult}. Nothing here prints; rendering is
 * {@link ipclab.repl.report.RunTable}'s, and exit codes are the command line's.
 *
 * <pre>{@code
 *   Lab lab = new Lab();
 *   for (LoadedScenario s : lab.load(Path.of("scenarios/hello.yaml"))) {   // throws ScenarioException if invalid
 *       lab.cleanStale();
 *       ScenarioResult r = lab.run(s, RunSettings.defaults());
 *       r.outcome();   // OK, REFUTED or FAILED
 *   }
 * }</pre>
 *
 * <p>Traces (issue 8) are {@link #traces()}'s: record, list, read, replay, explore. {@link #rewind}
 * is reverse step for a stepped run.
 *
 * <p>This class and its {@link Traces} are the only ones of the front end that drive the engine
 * ({@link Engine}, {@link Cleaner}, the schedulers); the rest sees the engine only through the
 * reports they return.
 */
public final class Lab {
    private final Traces traces = new Traces(this);

    public Lab() {}

    /** What this lab does with traces: record a run, list and read the kept ones, replay, explore. */
    public Traces traces() {
        return traces;
    }

    /**
     * Reads, validates and plans a scenario file: YAML, or fluent Java ({@code .java}, compiled in
     * this JVM; {@code FILE.java#member} picks one of its scenarios, else its {@code scenario()}
     * method, else each of its public static scenario methods and fields).
     *
     * @return every scenario of the file, in order (a YAML file has one)
     * @throws ScenarioException every problem of the file, each with its place ({@code file:line:col});
     *                           nothing was created
     */
    public List<LoadedScenario> load(Path file) throws ScenarioException {
        return ScenarioFiles.load(file);
    }

    /**
     * The notice a front end prints before it loads a Java scenario file, or null for YAML:
     * loading compiles the file and runs its static code here, with the user's rights.
     */
    public static String codeNotice(Path file) {
        if (!JavaScenarios.isJava(file.toString())) return null;
        return "ipclab: " + JavaScenarios.fileOf(file.toString()) + " is Java: loading it compiles it and runs its code"
                + " (static initialisers, the scenario methods) in this JVM with your rights; load only files you trust";
    }

    /** Validates and plans a scenario built in Java (the fluent DSL, a REPL snippet). */
    public LoadedScenario load(Scenario scenario, String label) throws ScenarioException {
        return LoadedScenario.of(label, ScenarioLoader.plan(scenario));
    }

    /** Validates and plans YAML text; {@code fileName} names it in diagnostics. */
    public LoadedScenario loadYaml(String yaml, String fileName) throws ScenarioException {
        return LoadedScenario.of(fileName, ScenarioLoader.fromYaml(yaml, fileName));
    }

    /**
     * The scenarios with the command line's changes ({@code --repeat}, {@code --quick}, {@code -p}),
     * planned again; each {@code -p} path applies to the scenarios that have its channel or process.
     *
     * @throws ScenarioException a changed scenario is not valid (e.g. a swept value is not a size)
     */
    public List<LoadedScenario> override(List<LoadedScenario> scenarios, Overrides o) throws ScenarioException {
        List<LoadedScenario> out = new ArrayList<>();
        for (LoadedScenario s : scenarios) out.add(o.apply(s));
        return out;
    }

    /**
     * Removes what dead ipclab runs left (kernel objects, files, workers), and only that: objects
     * in the run registry whose run is gone and that still have the recorded id, key and owner.
     * {@link #run} does not call it: a front end calls it before running, and tells the user.
     */
    public Cleanup cleanStale() {
        return cleanup(Cleaner.cleanStale());
    }

    /**
     * {@code ipclab clean}: as {@link #cleanStale()}, and also the objects of runs kept with
     * {@code --keep} (a run leaves those alone until this is called).
     */
    public Cleanup clean() {
        return cleanup(Cleaner.clean());
    }

    private static Cleanup cleanup(Cleaner.Result r) {
        return new Cleanup(r.removed(), r.skipped(), r.runs().size(), r.quarantined());
    }

    /**
     * Runs a loaded scenario as real processes, each sweep combination in turn ({@code repeat} times
     * each, one after the other), and waits for the end.
     *
     * @throws InterruptedException interrupted while a run went (its processes are stopped and its objects removed)
     * @throws RuntimeException     an object or a JVM could not be made (the message names the call and errno);
     *                              nothing is left behind
     */
    public ScenarioResult run(LoadedScenario scenario, RunSettings settings) throws InterruptedException {
        RunOptions opts = options(settings);
        Progress progress = settings.progress();
        List<Plan> plans = scenario.plans();
        int repeats = scenario.repeats();
        int count = plans.size() * repeats;
        List<RunReport> reports = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        History history = History.inStateDir();
        Distortions distortions = new Distortions(history);
        BreakEven breakEven = new BreakEven(history);
        StopSignal stop = settings.stop() == null ? new StopSignal() : settings.stop();
        for (int i = 0; i < plans.size(); i++) {
            Plan p = plans.get(i);
            for (int k = 1; k <= repeats; k++) {
                if (shuttingDown() || stop.requested()) return interrupted(scenario, reports, notes, warnings);
                Map<String, String> params = new LinkedHashMap<>(p.params());
                if (repeats > 1) params.put("repeat", k + "/" + repeats);
                if (count > 1) progress.runStarting(reports.size() + 1, count, params);
                Run run;
                try {
                    run = Engine.start(p, opts.with(set -> set.step = false));
                } catch (RuntimeException e) {
                    // SIGINT while the run was being made: it removed what it had made
                    if (shuttingDown()) return interrupted(scenario, reports, notes, warnings);
                    throw e;
                }
                RunReport r;
                stop.started(run);
                try {
                    r = run.await();
                } finally {
                    stop.ended();
                }
                reports.add(r);
                // the engine stopped this run (SIGINT/SIGTERM, or the REPL's stop): no further run
                if (shuttingDown() || stop.requested()) return interrupted(scenario, reports, notes, warnings);
                warnings.addAll(distortions.of(p, r));
                notes.addAll(breakEven.of(r));
            }
        }
        history.save();
        progress.finished(count);
        return new ScenarioResult(scenario, reports, notes, warnings, false);
    }

    /**
     * What an interrupted scenario did: the finished runs and the stopped one.
     *
     * @throws Interrupted when not one run got as far as a report
     */
    private static ScenarioResult interrupted(
            LoadedScenario scenario, List<RunReport> reports, List<String> notes, List<String> warnings) {
        if (reports.isEmpty()) throw new Interrupted(scenario.label());
        return new ScenarioResult(scenario, reports, notes, warnings, true);
    }

    /** SIGINT or SIGTERM arrived before a scenario's first run ended: nothing to report, nothing left behind. */
    public static final class Interrupted extends RuntimeException {
        public Interrupted(String label) {
            super("interrupted before the first run of " + label + " ended");
        }
    }

    /**
     * Whether the JVM is shutting down (SIGINT, SIGTERM): the engine's shutdown hook then stops the
     * run in progress and removes its objects; no further run may start.
     */
    public static boolean shuttingDown() {
        Thread probe = new Thread(() -> {});
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    /**
     * Starts one combination of a loaded scenario in step mode and returns at once, its workers
     * ready and waiting: each IPC operation then waits for {@code grant(process)} on the returned
     * run ({@code processes()} says who waits for what; {@code runFree()} stops gating;
     * {@code await()} gives the report; {@code stop()} ends it early). The caller owns the run: it
     * must await or stop it.
     *
     * @param combination 0-based index into {@link LoadedScenario#plans()} (0 without a sweep)
     * @throws RuntimeException an object or a JVM could not be made; nothing is left behind
     */
    public Run startStepping(LoadedScenario scenario, int combination, RunSettings settings) {
        return Engine.start(scenario.plans().get(combination), options(settings).with(set -> set.step = true));
    }

    /** A seeded scheduler (random or pct) for the scenario's first combination, as {@link #record} makes one. */
    public ipclab.engine.schedule.Scheduler scheduler(LoadedScenario scenario, SchedulerSpec schedule) {
        return schedule.create(expectedSteps(scenario.plans().getFirst()));
    }

    /** PCT's estimate of a run's length: about two steps per message or increment, and one to end each process. */
    static int expectedSteps(Plan plan) {
        long n = 0;
        for (PlannedProcess p : plan.processes()) n += 2 * Math.max(0, p.messages() + p.warmup()) + 1;
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, n));
    }

    /**
     * Reverse step: a fresh stepped run of the combination, replayed to just after step {@code n}
     * of {@code steps} (each outcome checked). The caller stops the run it steps back from, and owns the new one.
     */
    public Run rewind(LoadedScenario scenario, int combination, RunSettings settings, List<StepEvent> steps, int n)
            throws InterruptedException, Rewind.DivergedException {
        return rewind(scenario, combination, settings, steps, n, null, List.of());
    }

    /**
     * As {@link #rewind(LoadedScenario, int, RunSettings, List, int)}, also bringing {@code follower},
     * a fresh scheduler of the run's seeded spec, to the state the run's scheduler had after step
     * {@code n} ({@code asked}: the step count at each of that scheduler's {@code next} calls), so
     * that going forward again continues exactly as the run did.
     */
    public Run rewind(
            LoadedScenario scenario,
            int combination,
            RunSettings settings,
            List<StepEvent> steps,
            int n,
            ipclab.engine.schedule.Scheduler follower,
            List<Integer> asked)
            throws InterruptedException, Rewind.DivergedException {
        return Rewind.to(scenario.plans().get(combination), options(settings), steps, n, null, follower, asked);
    }

    static RunOptions options(RunSettings settings) {
        RunOptions opts = RunOptions.defaults().with(set -> set.keep = settings.keep());
        Progress progress = settings.progress();
        return progress == Progress.NONE ? opts : opts.with(set -> set.listener = progress::event);
    }

    /**
     * The machine report of several results, as {@code run --json} writes it: one result's own
     * JSON ({@link ScenarioResult#json()}), or a JSON array of them.
     */
    public static String json(List<ScenarioResult> results) {
        if (results.size() == 1) return results.getFirst().json();
        List<String> docs = results.stream().map(ScenarioResult::json).toList();
        return "[\n" + String.join(",\n", docs) + "\n]";
    }
}
