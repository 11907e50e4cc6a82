package ipclab.repl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ipclab.dsl.Diagnostic;
import ipclab.dsl.ScenarioException;
import ipclab.dsl.ScenarioLoader;
import ipclab.dsl.plan.Plan;
import ipclab.engine.run.Cleaner;
import ipclab.engine.run.Engine;
import ipclab.engine.run.Outcome;
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

    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario: YAML, or fluent Java (.java, compiled here; FILE.java#name picks one of its scenarios, "
            + "else its scenario() method, else each of its public static Scenario methods and fields in turn).")
    Path file;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the machine report (JSON) to FILE (several scenarios of a Java file: a JSON array of them).")
    Path json;

    @Option(names = {"-v", "--verbose"}, description = "Print the run's progress (spawned, ready, go, exited...) on stderr.")
    boolean verbose;

    @Option(names = "--keep", description = {"Leave the run's System V objects (queues, semaphore sets, segments) in the kernel "
            + "at the end, to look at them: the leak lesson. They stay in ipclab's run registry: 'ipclab ipcs --mine' "
            + "lists them, 'ipclab clean' removes them (the run is over: it need not wait for this ipclab to exit)."})
    boolean keep;

    private final Cli cli;

    public RunCommand(Cli cli) { this.cli = cli; }

    @Override
    public Integer call() throws IOException, InterruptedException {
        List<ScenarioFiles.Entry> entries;
        try {
            entries = ScenarioFiles.load(file);
        } catch (ScenarioException e) {
            for (Diagnostic d : e.diagnostics()) cli.err().println(d);
            return ExitCodes.USAGE;
        }
        checkWritable(json);
        cleanStale();
        RunOptions opts = RunOptions.defaults().withKeep(keep);
        if (verbose) {
            opts = opts.withListener((atMs, process, what, detail) -> cli.err().printf("%8d ms  %-12s %-10s %s%n",
                    atMs, process == null ? "" : process, what, detail == null ? "" : detail));
        }
        List<String> docs = new ArrayList<>();
        List<RunReport.Kept> kept = new ArrayList<>();
        int worst = ExitCodes.OK;
        for (int k = 0; k < entries.size(); k++) {
            ScenarioFiles.Entry entry = entries.get(k);
            if (entries.size() > 1) {
                if (k > 0) cli.out().println();
                cli.err().println("scenario " + (k + 1) + "/" + entries.size() + ": " + entry.label());
            }
            ScenarioLoader.Loaded loaded = entry.loaded();
            List<Plan> plans = loaded.plans();
            boolean sweep = !loaded.scenario().sweep().isEmpty();
            List<RunReport> reports = new ArrayList<>();
            for (int i = 0; i < plans.size(); i++) {
                Plan p = plans.get(i);
                if (sweep) cli.err().println("run " + (i + 1) + "/" + plans.size() + ": " + params(p.params()));
                RunReport r = Engine.run(p, opts);
                reports.add(r);
                kept.addAll(r.kept());
            }
            String text = sweep ? ReportJson.toJson(reports) : ReportJson.toJson(reports.getFirst());
            docs.add(text);
            JsonNode tree = JSON.readTree(text);
            new RunTable(cli.style()).render(tree).forEach(cli.out()::println);
            int code = ExitCodes.of(sweep ? Outcome.worst(reports) : reports.getFirst().outcome());
            worst = worse(worst, code);
        }
        if (keep) {
            cli.out().println();
            cli.out().println(kept.isEmpty() ? "kept: nothing (the scenario made no System V object)" : describe(kept));
            if (!kept.isEmpty()) cli.out().println("see them with 'ipclab ipcs --mine'; remove them with 'ipclab clean'");
        }
        if (json != null) {
            String out = docs.size() == 1 ? docs.getFirst() : "[\n" + String.join(",\n", docs) + "\n]";
            try {
                java.nio.file.Files.writeString(json, out + "\n");
            } catch (IOException e) {
                throw new IOException("cannot write the JSON report to " + json + ": " + e.getMessage(), e);
            }
        }
        return worst;
    }

    /**
     * {@code kept: msg 0x00000000 id 5, sem 0x00000000 id 6, shm 0x00000000 id 7 (marked for removal already: freed on last detach)}.
     */
    static String describe(List<RunReport.Kept> kept) {
        List<String> parts = new ArrayList<>();
        for (RunReport.Kept k : kept) {
            parts.add(k.kind() + " " + String.format(java.util.Locale.ROOT, "0x%08x", k.key()) + " id " + k.id()
                    + (Boolean.TRUE.equals(k.markedForRemoval()) ? " (marked for removal already: freed on last detach)" : ""));
        }
        return "kept: " + String.join(", ", parts);
    }

    /** 1 (failed) beats 3 (refuted) beats 0. */
    private static int worse(int a, int b) {
        if (a == ExitCodes.FAILURE || b == ExitCodes.FAILURE) return ExitCodes.FAILURE;
        if (a == ExitCodes.REFUTED || b == ExitCodes.REFUTED) return ExitCodes.REFUTED;
        return Math.max(a, b);
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
