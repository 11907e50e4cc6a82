package ipclab.repl.cli;

import ipclab.dsl.Diagnostic;
import ipclab.dsl.ScenarioException;
import ipclab.dsl.plan.Comparing;
import ipclab.dsl.plan.Planner;
import ipclab.engine.run.RunReport;
import ipclab.repl.app.Cleanup;
import ipclab.repl.app.Isolation;
import ipclab.repl.app.Lab;
import ipclab.repl.app.LoadedScenario;
import ipclab.repl.app.ComparisonRuns;
import ipclab.repl.app.Overrides;
import ipclab.repl.compare.RepeatTable;
import ipclab.repl.app.RunSettings;
import ipclab.repl.app.ScenarioResult;
import ipclab.engine.run.Outcome;
import ipclab.repl.report.RunTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.SequencedMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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
        footer = {"", "A scenario with compare: claims (e.g. scenarios/compare.yaml) ends with the verdicts table and writes its report",
                  "folder (--out): compare.json, compare.md, compare.html, latency/throughput .png and .svg.",
                  "", "Exit codes: 0 ok, 1 the run failed (loss, crash, timeout, leak),",
                  "            2 invalid input (nothing was run), 3 an expect or compare claim was refuted."})
public final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario: YAML, or fluent Java (.java, compiled here and run with your rights; FILE.java#name picks one of its scenarios, "
            + "else its scenario() method, else each of its public static Scenario methods and fields in turn).")
    Path file;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the machine report (JSON) to FILE (several scenarios of a Java file: a JSON array of them).")
    Path json;

    @Option(names = {"-v", "--verbose"}, description = "Also print each run's events (spawned, ready, go, exited...) on stderr.")
    boolean verbose;

    @Option(names = "--keep", description = {"Leave the run's System V objects (queues, semaphore sets, segments) in the kernel "
            + "at the end, to look at them: the leak lesson. They stay in ipclab's run registry: 'ipclab ipcs --mine' "
            + "lists them, 'ipclab clean' removes them (the run is over: it need not wait for this ipclab to exit)."})
    boolean keep;

    @Option(names = "--isolate", description = {"Run in a private System V IPC namespace (root, or where unprivileged user "
            + "namespaces are allowed): the run cannot see or touch the host's queues, segments and semaphores, and "
            + "whatever it leaves goes with the namespace. ipclab runs itself again under unshare(1) and says which way."})
    boolean isolate;

    @Option(names = "--repeat", paramLabel = "N", description = "Run each combination N times (1 to 100; overrides the scenario's repeat:); "
            + "figures become medians with min and max, noisy ones (spread over 10%) marked.")
    Integer repeat;

    @Option(names = "-p", paramLabel = "PATH=V1,V2", description = "Set or add a sweep axis, as JMH's -p: e.g. -p processes.producer.size=64,4KiB "
            + "or -p channels.link.type=msgq,shm-spin. Repeatable. In a file of several scenarios it applies to those that have the channel or process.")
    List<String> sweep = new ArrayList<>();

    @Option(names = "--quick", description = "A short run with the same claims: each combination once, a tenth of the messages.")
    boolean quick;

    @Option(names = "--out", paramLabel = "DIR", description = "Where a comparison (a scenario with compare: claims) writes its report folder; "
            + "default reports/<name>-<time> in the current directory, printed at the end.")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    private final Cli cli;

    public RunCommand(Cli cli) { this.cli = cli; }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (isolate && Isolation.current() == null) {
            try {
                return Isolation.reexec();
            } catch (Isolation.NotPermitted e) {
                cli.err().println("ipclab: " + e.getMessage());
                return ExitCodes.FAILURE;
            }
        }
        if (isolate) cli.out().println("isolation: private IPC namespace (" + Isolation.current() + ")");
        Lab lab = new Lab();
        List<LoadedScenario> scenarios;
        String notice = Lab.codeNotice(file);
        if (notice != null) cli.err().println(notice);
        try {
            scenarios = lab.load(file);
        } catch (ScenarioException e) {
            for (Diagnostic d : e.diagnostics()) cli.err().println(d);
            return ExitCodes.USAGE;
        }
        Overrides overrides = new Overrides(repeat, quick, sweepAxes(sweep));
        if (repeat != null && (repeat < 1 || repeat > Comparing.MAX_REPEAT)) {
            throw new InputException("--repeat " + repeat + " must be from 1 to " + Comparing.MAX_REPEAT);
        }
        for (String path : overrides.unused(scenarios)) {
            throw new InputException("-p " + path + ": " + file + " has no such channel or process to sweep; "
                    + "write -p channels.<name>.<key>=v1,v2 or -p processes.<name>.<key>=v1,v2");
        }
        try {
            scenarios = lab.override(scenarios, overrides);
        } catch (ScenarioException e) {
            for (Diagnostic d : e.diagnostics()) cli.err().println(d);
            return ExitCodes.USAGE;
        }
        boolean comparing = scenarios.stream().anyMatch(LoadedScenario::compares);
        if (out != null && !comparing) throw new InputException("--out " + out + ": " + file + " states no comparative claims (compare:), so there is no report folder to write");
        Path outDir = comparing ? (out != null ? out : ComparisonReport.defaultFolder(file)) : null;
        if (outDir != null) ComparisonReport.checkWritable(outDir);
        checkWritable(json);
        cleanStale(lab);
        ComparisonReport report = comparing ? ComparisonReport.start(cli, file) : null;
        RunSettings settings = RunSettings.defaults().withKeep(keep)
                .withProgress(new ProgressPrinter(cli.err(), ProgressPrinter.mode(quiet), verbose, System::nanoTime));
        List<ScenarioResult> results = new ArrayList<>();
        Outcome worst = Outcome.OK;
        for (int k = 0; k < scenarios.size(); k++) {
            LoadedScenario s = scenarios.get(k);
            if (scenarios.size() > 1) {
                if (k > 0) cli.out().println();
                if (!quiet) cli.err().println("scenario " + (k + 1) + "/" + scenarios.size() + ": " + s.label() + " (" + s.summary() + ")");
            }
            for (Planner.Skipped sk : s.skipped()) cli.err().println("skipped " + params(sk.params()) + ": " + sk.reason());
            ScenarioResult r = lab.run(s, settings);
            results.add(r);
            RunTable table = new RunTable(cli.style());
            List<String> lines = r.isSweep() ? table.renderSweep(r.report().scenario(), r.runs()) : table.render(r.report());
            lines.forEach(cli.out()::println);
            if (s.repeats() > 1) {
                cli.out().println();
                RepeatTable.render(ComparisonRuns.measurements(List.of(r)), s.repeats(), cli.style()).forEach(cli.out()::println);
            }
            worst = worst.worse(r.outcome());
        }
        if (report != null) worst = worst.worse(report.finish(results, outDir));
        if (keep) {
            List<RunReport.Kept> kept = results.stream().flatMap(r -> r.kept().stream()).toList();
            cli.out().println();
            cli.out().println(kept.isEmpty() ? "kept: nothing (the scenario made no System V object)" : describe(kept));
            if (!kept.isEmpty()) cli.out().println("see them with 'ipclab ipcs --mine'; remove them with 'ipclab clean'");
        }
        if (json != null) {
            try {
                Files.writeString(json, Lab.json(results) + "\n");
            } catch (IOException e) {
                throw new IOException("cannot write the JSON report to " + json + ": " + e.getMessage(), e);
            }
        }
        return ExitCodes.of(worst);
    }

    /** {@code -p path=v1,v2} options as sweep axes, in order; a path given twice keeps the last. */
    static SequencedMap<String, List<String>> sweepAxes(List<String> options) {
        SequencedMap<String, List<String>> out = new LinkedHashMap<>();
        for (String o : options) {
            int eq = o.indexOf('=');
            if (eq <= 0 || eq == o.length() - 1) {
                throw new InputException("-p " + o + ": write -p PATH=V1,V2, e.g. -p processes.producer.size=64,4KiB");
            }
            List<String> values = List.of(o.substring(eq + 1).split(","));
            if (values.stream().anyMatch(String::isBlank)) throw new InputException("-p " + o + ": an empty value; separate values with single commas");
            out.put(o.substring(0, eq).strip(), values.stream().map(String::strip).toList());
        }
        return out;
    }

    /**
     * {@code kept: msg 0x00000000 id 5, sem 0x00000000 id 6, shm 0x00000000 id 7 (marked for removal already: freed on last detach)}.
     */
    static String describe(List<RunReport.Kept> kept) {
        List<String> parts = new ArrayList<>();
        for (RunReport.Kept k : kept) {
            parts.add(k.kind() + " " + String.format(Locale.ROOT, "0x%08x", k.key()) + " id " + k.id()
                    + (Boolean.TRUE.equals(k.markedForRemoval()) ? " (marked for removal already: freed on last detach)" : ""));
        }
        return "kept: " + String.join(", ", parts);
    }

    /** A report that could not be written after a long run would waste it: check the place first. */
    private static void checkWritable(Path file) {
        if (file == null) return;
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        if (Files.isDirectory(abs)) throw new InputException("--json " + file + " is a directory; give a file name");
        if (dir == null || !Files.isDirectory(dir)) {
            throw new InputException("--json " + file + ": the directory " + dir + " does not exist");
        }
        if (!Files.isWritable(dir) || (Files.exists(abs) && !Files.isWritable(abs))) {
            throw new InputException("--json " + file + ": not writable");
        }
    }

    /** What dead runs left is removed before anything new is made; the user hears about it. */
    private void cleanStale(Lab lab) {
        Cleanup r = lab.cleanStale();
        for (String s : r.quarantined()) cli.err().println("ipclab: damaged run registry file " + s);
        for (String s : r.removed()) cli.err().println("ipclab: removed " + s + ", left by a run that died");
    }

    private static String params(Map<String, String> params) {
        List<String> kv = new ArrayList<>();
        params.forEach((k, v) -> kv.add(k + "=" + v));
        return String.join(" ", kv);
    }
}
