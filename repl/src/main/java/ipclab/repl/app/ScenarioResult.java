package ipclab.repl.app;

import ipclab.engine.run.Outcome;
import ipclab.engine.run.ReportJson;
import ipclab.engine.run.RunReport;
import java.util.ArrayList;
import java.util.List;

/**
 * What running one {@link LoadedScenario} gave: one report per run (one, or one per sweep
 * combination, in order; with {@code repeat: n}, n consecutive reports per combination).
 *
 * @param scenario what was run
 * @param runs     the reports, never empty
 * @param notes    figures computed from the runs' figures: shm's break-even message count
 * @param warnings figures that are likely distorted, each with what to do (more spinning processes
 *                 than CPUs, a very short run, a median far off the previous run's)
 */
public record ScenarioResult(
        LoadedScenario scenario, List<RunReport> runs, List<String> notes, List<String> warnings, boolean interrupted) {
    public ScenarioResult {
        runs = List.copyOf(runs);
        notes = notes == null ? List.of() : List.copyOf(notes);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public ScenarioResult(LoadedScenario scenario, List<RunReport> runs) {
        this(scenario, runs, List.of(), List.of(), false);
    }

    /**
     * @return true when SIGINT or SIGTERM stopped it: {@link #runs()} holds the finished runs and
     *         the interrupted one (stopped, its objects removed); the sweep's later combinations never ran
     */
    @Override
    public boolean interrupted() {
        return interrupted;
    }

    /** The scenario's description, as its author wrote it, or null. */
    public String description() {
        return scenario.scenario().description();
    }

    /** The reports of combination {@code k} (0-based, in {@link LoadedScenario#plans()} order): one per repeat. */
    public List<RunReport> combination(int k) {
        int n = scenario.repeats(); // a run stopped early has fewer
        return runs.subList(Math.min(k * n, runs.size()), Math.min((k + 1) * n, runs.size()));
    }

    public boolean isSweep() {
        return scenario.isSweep();
    }

    /** The report of a scenario without a sweep (a sweep's first run otherwise). */
    public RunReport report() {
        return runs.getFirst();
    }

    /** Failed beats refuted beats ok, over every run. */
    public Outcome outcome() {
        return Outcome.worst(runs);
    }

    /** The System V objects the runs left in the kernel on purpose ({@link RunSettings#keep()}). */
    public List<RunReport.Kept> kept() {
        List<RunReport.Kept> out = new ArrayList<>();
        for (RunReport r : runs) out.addAll(r.kept());
        return out;
    }

    /**
     * The machine report: one run's report object, or a sweep's {@code {"scenario": ..., "runs": [...]}}
     * (the JSON keys are a contract: see the README).
     */
    public String json() {
        return isSweep() ? ReportJson.toJson(runs) : ReportJson.toJson(runs.getFirst());
    }
}
