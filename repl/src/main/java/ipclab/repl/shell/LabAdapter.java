package ipclab.repl.shell;

import ipclab.dsl.ScenarioException;
import ipclab.dsl.model.Scenario;
import ipclab.dsl.plan.Plan;
import ipclab.engine.run.Run;
import ipclab.engine.run.RunReport;
import ipclab.engine.run.StepEvent;
import ipclab.engine.schedule.Explorer;
import ipclab.engine.schedule.Rewind;
import ipclab.engine.schedule.Scheduler;
import ipclab.engine.schedule.SchedulerSpec;
import ipclab.engine.trace.Trace;
import ipclab.engine.trace.TraceException;
import ipclab.repl.app.Exploration;
import ipclab.repl.app.Lab;
import ipclab.repl.app.LoadedScenario;
import ipclab.repl.app.Progress;
import ipclab.repl.app.ReplayResult;
import ipclab.repl.app.RunSettings;
import ipclab.repl.app.ScenarioResult;
import ipclab.repl.app.StopSignal;
import ipclab.repl.cli.Cli;
import ipclab.repl.cli.Commands;
import ipclab.repl.cli.ExitCodes;
import ipclab.repl.report.RunTable;
import ipclab.repl.report.Style;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The shell's one way into ipclab: loading, running and reporting go through the application
 * layer ({@link Lab}), as the command line's do, so a scenario runs and reports the same in both.
 * It holds no state of the session.
 */
final class LabAdapter {
    private final Lab lab = new Lab();

    /**
     * A planned scenario.
     *
     * @param label where it came from: a file, {@code FILE.java#member} or {@code VAR}
     */
    record Loaded(String label, LoadedScenario loaded) {
        Scenario scenario() {
            return loaded.scenario();
        }

        List<Plan> plans() {
            return loaded.plans();
        }

        boolean sweep() {
            return loaded.isSweep();
        }
    }

    /**
     * What a run gave.
     *
     * @param result the reports, one per plan run (a stopped sweep has fewer than it planned)
     * @param code   the exit code {@code ipclab run} would give
     */
    record Outcome(ScenarioResult result, int code) {
        List<RunReport> reports() {
            return result.runs();
        }

        /** The report as {@code ipclab run --json} writes it. */
        String json() {
            return result.json();
        }
    }

    /** A file as {@code ipclab run} takes it: YAML, or fluent Java (each of its scenarios), planned. */
    List<Loaded> load(Path file) throws ScenarioException {
        List<Loaded> out = new ArrayList<>();
        for (LoadedScenario l : lab.load(file)) out.add(new Loaded(l.label(), l));
        return out;
    }

    /** A scenario built in Java, planned against this kernel's limits. */
    Loaded plan(String label, Scenario scenario) throws ScenarioException {
        return new Loaded(label, lab.load(scenario, label));
    }

    /** What dead runs left, removed before anything new is made: one line per object. */
    List<String> cleanStale() {
        return lab.cleanStale().removed();
    }

    /**
     * Runs every plan of the scenario in turn, freely, as {@code ipclab run} does.
     *
     * @param stop     Ctrl-C: stops the run going and starts no more runs of a sweep
     * @param progress told "run i/n: params" for a sweep
     */
    Outcome run(Loaded l, StopSignal stop, Consumer<String> progress) throws InterruptedException {
        Progress p = new Progress() {
            @Override
            public void runStarting(int index, int count, Map<String, String> params) {
                progress.accept("run " + index + "/" + count + ": " + params(params));
            }
        };
        ScenarioResult r =
                lab.run(l.loaded(), RunSettings.defaults().withProgress(p).withStop(stop));
        return new Outcome(r, ExitCodes.of(r.outcome()));
    }

    /**
     * Starts the first combination of a scenario in step mode: its workers attached and held at
     * their first operation. The caller owns the run (stop or await it).
     */
    Run startStepping(Loaded l) {
        return lab.startStepping(l.loaded(), 0, RunSettings.defaults());
    }

    /** A seeded scheduler for the scenario's first combination. */
    Scheduler scheduler(Loaded l, SchedulerSpec spec) {
        return lab.scheduler(l.loaded(), spec);
    }

    /**
     * Reverse step: a fresh stepped run replayed to just after step {@code n} of {@code steps}, and
     * {@code follower} (a fresh seeded scheduler, or null) rewound to its state then; the caller owns the run.
     */
    Run rewind(Loaded l, List<StepEvent> steps, int n, Scheduler follower, List<Integer> asked)
            throws InterruptedException, Rewind.DivergedException {
        return lab.rewind(l.loaded(), 0, RunSettings.defaults(), steps, n, follower, asked);
    }

    /** The stepped run so far as a trace (reports: empty while it goes). */
    Trace trace(Loaded l, SchedulerSpec schedule, List<StepEvent> steps, List<RunReport> reports) {
        return lab.traces().trace(l.loaded(), schedule, steps, reports);
    }

    /** Writes the stepped run's trace to {@code to}. */
    Path saveTrace(Loaded l, SchedulerSpec schedule, List<StepEvent> steps, List<RunReport> reports, Path to)
            throws IOException {
        return lab.traces().save(l.loaded(), schedule, steps, reports, to);
    }

    /** A trace file, or the newest kept one when null. */
    Trace readTrace(Path file) throws TraceException {
        return lab.traces().read(file);
    }

    /** Replays a trace; {@code stop} (Ctrl-C) stops it. */
    ReplayResult replay(Trace t, StopSignal stop) throws TraceException, InterruptedException {
        return lab.traces().replay(t, RunSettings.defaults().withStop(stop));
    }

    /** Explores schedules of the scenario; failures' traces are kept among every run's. */
    Exploration explore(Loaded l, Explorer.Settings settings, StopSignal stop, Exploration.Listener listener)
            throws InterruptedException {
        return lab.traces().explore(l.loaded(), settings, RunSettings.defaults().withStop(stop), null, listener);
    }

    /** A stepped run's report as an outcome, as {@link #run} gives one. */
    Outcome outcome(Loaded l, RunReport report) {
        ScenarioResult r = new ScenarioResult(l.loaded(), List.of(report));
        return new Outcome(r, ExitCodes.of(r.outcome()));
    }

    /** The table {@code ipclab run} prints for this outcome. */
    List<String> table(Outcome o, Style style) {
        RunTable t = new RunTable(style);
        return o.result().isSweep()
                ? t.renderSweep(o.result().report().scenario(), o.reports())
                : t.render(o.result().report());
    }

    /** {@code ipclab ipcs ARGS...} with its output on the shell's streams; its exit code. */
    int ipcs(Cli cli, List<String> args) {
        List<String> argv = new ArrayList<>();
        argv.add("ipcs");
        argv.addAll(args);
        return Commands.commandLine(cli, false).execute(argv.toArray(String[]::new));
    }

    private static String params(Map<String, String> params) {
        List<String> kv = new ArrayList<>();
        params.forEach((k, v) -> kv.add(k + "=" + v));
        return String.join(" ", kv);
    }
}
