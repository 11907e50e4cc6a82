package ipclab.repl.app;

import ipclab.dsl.ScenarioException;
import ipclab.dsl.ScenarioLoader;
import ipclab.dsl.model.Scenario;
import ipclab.dsl.plan.Plan;
import ipclab.engine.run.Cleaner;
import ipclab.engine.run.Engine;
import ipclab.engine.run.Run;
import ipclab.engine.run.RunOptions;
import ipclab.engine.run.RunReport;
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
 * <p>This is the only class of the front end that drives the engine ({@link Engine}, {@link Cleaner});
 * the rest sees the engine only through the reports it returns.
 */
public final class Lab {
    public Lab() {}

    /**
     * Reads, validates and plans a scenario file: YAML, or fluent Java ({@code .java}, compiled in
     * this JVM; {@code FILE.java#member} picks one of its scenarios, else its {@code scenario()}
     * method, else each of its public static scenario methods and fields).
     *
     * @return every scenario of the file, in order (a YAML file has one)
     * @throws ScenarioException every problem of the file, each with its place ({@code file:line:col});
     *                           nothing was created
     */
    public List<LoadedScenario> load(Path file) throws ScenarioException { return ScenarioFiles.load(file); }

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
    public Cleanup cleanStale() { return cleanup(Cleaner.cleanStale()); }

    /**
     * {@code ipclab clean}: as {@link #cleanStale()}, and also the objects of runs kept with
     * {@code --keep} (a run leaves those alone until this is called).
     */
    public Cleanup clean() { return cleanup(Cleaner.clean()); }

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
        StopSignal stop = settings.stop() == null ? new StopSignal() : settings.stop();
        for (int i = 0; i < plans.size() && !stop.requested(); i++) {
            Plan p = plans.get(i);
            for (int r = 1; r <= repeats && !stop.requested(); r++) {
                Map<String, String> params = new LinkedHashMap<>(p.params());
                if (repeats > 1) params.put("repeat", r + "/" + repeats);
                if (count > 1) progress.runStarting(reports.size() + 1, count, params);
                Run run = Engine.start(p, opts.withStep(false));
                stop.started(run);
                try {
                    reports.add(run.await());
                } finally {
                    stop.ended();
                }
            }
        }
        progress.finished(count);
        return new ScenarioResult(scenario, reports);
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
        return Engine.start(scenario.plans().get(combination), options(settings).withStep(true));
    }

    private static RunOptions options(RunSettings settings) {
        RunOptions opts = RunOptions.defaults().withKeep(settings.keep());
        Progress progress = settings.progress();
        return progress == Progress.NONE ? opts : opts.withListener(progress::event);
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
