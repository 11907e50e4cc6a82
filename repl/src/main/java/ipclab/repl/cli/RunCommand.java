package ipclab.repl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ipclab.dsl.Diagnostic;
import ipclab.dsl.ScenarioException;
import ipclab.dsl.ScenarioLoader;
import ipclab.dsl.plan.Plan;
import ipclab.engine.run.Cleaner;
import ipclab.engine.run.Engine;
import ipclab.engine.run.ReportJson;
import ipclab.engine.run.RunOptions;
import ipclab.engine.run.RunReport;
import ipclab.repl.report.RunTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ipclab run FILE}: validate, then run the scenario as real processes (each sweep
 * combination in turn), print the table, optionally write the JSON report. Nothing is created
 * for an invalid file.
 */
@Command(name = "run",
        description = {"Run a scenario as real processes and report what happened.",
                       "Validates first (an invalid file exits 2 and creates nothing), removes what earlier dead runs "
                       + "left, runs every sweep combination in turn, prints a table and checks the expect: claims."},
        footer = {"", "Exit codes: 0 ok, 1 the run failed (loss, crash, timeout, leak),",
                  "            2 invalid input (nothing was run), 3 an expect claim was refuted."})
public final class RunCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario (YAML).")
    Path file;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the machine report (JSON) to FILE.")
    Path json;

    @Option(names = {"-v", "--verbose"}, description = "Print the run's progress (spawned, ready, go, exited...) on stderr.")
    boolean verbose;

    private final Cli cli;

    public RunCommand(Cli cli) { this.cli = cli; }

    @Override
    public Integer call() throws IOException, InterruptedException {
        ScenarioLoader.Loaded loaded;
        try {
            loaded = ScenarioLoader.load(file);
        } catch (ScenarioException e) {
            for (Diagnostic d : e.diagnostics()) cli.err().println(d);
            return ExitCodes.USAGE;
        }
        checkWritable(json);
        cleanStale();
        RunOptions opts = RunOptions.defaults();
        if (verbose) {
            opts = opts.withListener((atMs, process, what, detail) -> cli.err().printf("%8d ms  %-12s %-10s %s%n",
                    atMs, process == null ? "" : process, what, detail == null ? "" : detail));
        }
        List<Plan> plans = loaded.plans();
        boolean sweep = !loaded.scenario().sweep().isEmpty();
        List<RunReport> reports = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            Plan p = plans.get(i);
            if (sweep) cli.err().println("run " + (i + 1) + "/" + plans.size() + ": " + params(p.params()));
            reports.add(Engine.run(p, opts));
        }
        String text = sweep ? ReportJson.toJson(reports) : ReportJson.toJson(reports.getFirst());
        if (json != null) {
            try {
                if (sweep) ReportJson.write(reports, json);
                else ReportJson.write(reports.getFirst(), json);
            } catch (IOException e) {
                throw new IOException("cannot write the JSON report to " + json + ": " + e.getMessage(), e);
            }
        }
        JsonNode tree = JSON.readTree(text);
        new RunTable(cli.style()).render(tree).forEach(cli.out()::println);
        return sweep ? ipclab.engine.run.ExitCodes.of(reports) : ipclab.engine.run.ExitCodes.of(reports.getFirst());
    }

    /** A report that could not be written after a long run would waste it: check the place first. */
    private static void checkWritable(Path file) {
        if (file == null) return;
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        if (java.nio.file.Files.isDirectory(abs)) throw new InputException("--json " + file + " is a directory; give a file name");
        if (dir == null || !java.nio.file.Files.isDirectory(dir)) {
            throw new InputException("--json " + file + ": the directory " + dir + " does not exist");
        }
        if (!java.nio.file.Files.isWritable(dir) || (java.nio.file.Files.exists(abs) && !java.nio.file.Files.isWritable(abs))) {
            throw new InputException("--json " + file + ": not writable");
        }
    }

    /** What dead runs left is removed before anything new is made; the user hears about it. */
    private void cleanStale() {
        Cleaner.Result r = Cleaner.cleanStale();
        for (String s : r.removed()) cli.err().println("ipclab: removed " + s + ", left by a run that died");
    }

    private static String params(Map<String, String> params) {
        List<String> kv = new ArrayList<>();
        params.forEach((k, v) -> kv.add(k + "=" + v));
        return String.join(" ", kv);
    }
}
