package ipclab.repl.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ipclab.dsl.Diagnostic;
import ipclab.dsl.ScenarioException;
import ipclab.dsl.ScenarioLoader;
import ipclab.dsl.model.Scenario;
import ipclab.dsl.plan.Plan;
import ipclab.engine.run.Cleaner;
import ipclab.engine.run.Engine;
import ipclab.engine.run.ExitCodes;
import ipclab.engine.run.ReportJson;
import ipclab.engine.run.Run;
import ipclab.engine.run.RunOptions;
import ipclab.engine.run.RunReport;
import ipclab.repl.cli.Cli;
import ipclab.repl.cli.Commands;
import ipclab.repl.cli.JavaScenarios;
import ipclab.repl.report.RunTable;
import ipclab.repl.report.Style;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Every call the shell makes into ipclab's loading, running and reporting code, in one place, so
 * that the shell can be moved onto the application layer by changing this class alone. It holds
 * no state of the session.
 */
final class LabAdapter {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A planned scenario.
     *
     * @param label where it came from: a file, {@code FILE.java#member} or {@code VAR}
     */
    record Loaded(String label, ScenarioLoader.Loaded loaded) {
        Scenario scenario() { return loaded.scenario(); }

        List<Plan> plans() { return loaded.plans(); }

        boolean sweep() { return !loaded.scenario().sweep().isEmpty(); }
    }

    /**
     * What a run gave.
     *
     * @param reports one per plan run (a stopped sweep has fewer than it planned)
     * @param json    the report as {@code ipclab run --json} writes it
     * @param code    the exit code {@code ipclab run} would give
     */
    record Outcome(List<RunReport> reports, String json, int code) {}

    /** A file as {@code ipclab run} takes it: YAML, or fluent Java (each of its scenarios), planned. */
    List<Loaded> load(Path file) throws ScenarioException {
        String s = file.toString();
        if (!JavaScenarios.isJava(s)) return List.of(new Loaded(s, ScenarioLoader.load(file)));
        List<JavaScenarios.Found> found = JavaScenarios.load(s);
        List<Loaded> out = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        for (JavaScenarios.Found f : found) {
            try {
                out.add(new Loaded(found.size() == 1 ? s : s + "#" + f.member(), ScenarioLoader.plan(f.scenario())));
            } catch (ScenarioException e) {
                problems.addAll(e.diagnostics());
            }
        }
        if (!problems.isEmpty()) throw new ScenarioException(problems);
        return out;
    }

    /** A scenario built in Java, planned against this kernel's limits. */
    Loaded plan(String label, Scenario scenario) throws ScenarioException {
        return new Loaded(label, ScenarioLoader.plan(scenario));
    }

    /** What dead runs left, removed before anything new is made: one line per object. */
    List<String> cleanStale() {
        return Cleaner.cleanStale().removed();
    }

    /**
     * Runs every plan of the scenario in turn, freely, as {@code ipclab run} does.
     *
     * @param started told of each run as it starts, so that Ctrl-C can {@link #stop} it
     * @param stopped whether to start no more runs of a sweep (Ctrl-C)
     * @param progress told "run i/n: params" for a sweep
     */
    Outcome run(Loaded l, Consumer<Run> started, BooleanSupplier stopped, Consumer<String> progress) throws InterruptedException {
        List<RunReport> reports = new ArrayList<>();
        List<Plan> plans = l.plans();
        for (int i = 0; i < plans.size() && (i == 0 || !stopped.getAsBoolean()); i++) {
            Plan p = plans.get(i);
            if (l.sweep()) progress.accept("run " + (i + 1) + "/" + plans.size() + ": " + params(p.params()));
            Run run = Engine.start(p, RunOptions.defaults().withStep(false));
            started.accept(run);
            RunReport r = run.await();
            reports.add(r);
        }
        String json = l.sweep() ? ReportJson.toJson(reports) : ReportJson.toJson(reports.getFirst());
        int code = l.sweep() ? ExitCodes.of(reports) : ExitCodes.of(reports.getFirst());
        return new Outcome(List.copyOf(reports), json, code);
    }

    /** Stops a run started by {@link #run}: its workers are stopped and what it made is removed. */
    void stop(Run run) {
        run.stop();
    }

    /** The table {@code ipclab run} prints for this report. */
    List<String> table(String json, Style style) {
        try {
            JsonNode tree = JSON.readTree(json);
            return new RunTable(style).render(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
