package ipclab.repl.cli;

import ipclab.dsl.ScenarioException;
import ipclab.dsl.plan.Comparing;
import ipclab.dsl.plan.Planner;
import ipclab.engine.run.Outcome;
import ipclab.engine.run.RunReport;
import ipclab.engine.schedule.SchedulerSpec;
import ipclab.repl.app.Cleanup;
import ipclab.repl.app.ComparisonRuns;
import ipclab.repl.app.Isolation;
import ipclab.repl.app.Lab;
import ipclab.repl.app.LoadedScenario;
import ipclab.repl.app.Overrides;
import ipclab.repl.app.RecordedRun;
import ipclab.repl.app.RunSettings;
import ipclab.repl.app.ScenarioResult;
import ipclab.repl.compare.RepeatTable;
import ipclab.repl.report.RunNotes;
import ipclab.repl.report.RunTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SequencedMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ipclab run FILE}: validate, then run the scenario as real processes (each sweep
 * combination in turn), print the table, optionally write the JSON report. Nothing is created
 * for an invalid file.
 */
@Command(name = "run")
public final class RunCommand extends CliCommand {
    @Parameters(arity = "1..*", paramLabel = "FILE", descriptionKey = "FILE")
    List<String> files;

    @Option(names = "--json", paramLabel = "FILE")
    Path json;

    @Option(names = {"-v", "--verbose"})
    boolean verbose;

    @Option(names = "--record", paramLabel = "TRACE")
    Path record;

    @Option(names = "--schedule", paramLabel = "STRATEGY", defaultValue = "free")
    String schedule;

    @Mixin
    SeedOptions seeds;

    @Option(names = "--keep")
    boolean keep;

    @Option(names = "--isolate")
    boolean isolate;

    @Option(names = "--repeat", paramLabel = "N")
    Integer repeat;

    @Option(names = "-p", paramLabel = "PATH=V1,V2")
    List<String> sweep = new ArrayList<>();

    @Option(names = "--quick")
    boolean quick;

    @Option(names = "--out", paramLabel = "DIR")
    Path out;

    @Option(names = {"-q", "--quiet"})
    boolean quiet;

    /** {@code --schedule} with its seed and depth, read once by {@link #call()}. */
    private SchedulerSpec spec;

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
        List<LoadedScenario> scenarios = new ArrayList<>();
        boolean invalid = false;
        List<Path> paths = FileArgs.expand(files);
        for (Path file : paths) {
            String notice = Lab.codeNotice(file);
            if (notice != null) cli.err().println(notice);
            try {
                scenarios.addAll(lab.load(file));
            } catch (ScenarioException e) {
                invalid = true;
                printProblems(e);
            }
        }
        if (invalid) return ExitCodes.USAGE;
        Path file = paths.getFirst(); // a comparison's report folder is named after the first file
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
            printProblems(e);
            return ExitCodes.USAGE;
        }
        boolean comparing = scenarios.stream().anyMatch(LoadedScenario::compares);
        if (out != null && !comparing)
            throw new InputException("--out " + out + ": " + file
                    + " states no comparative claims (compare:), so there is no report folder to write");
        Path outDir = comparing ? (out != null ? out : ComparisonReport.defaultFolder(file)) : null;
        if (outDir != null) ComparisonReport.checkWritable(outDir);
        checkWritable(json);
        checkWritable(record, "--record");
        spec = seeds.spec(schedule);
        if (record != null && scenarios.size() > 1) {
            throw new InputException("--record writes one trace, and " + file + " has " + scenarios.size()
                    + " scenarios; " + "pick one with FILE.java#name");
        }
        cleanStale(lab);
        ComparisonReport report = comparing ? ComparisonReport.start(cli, file) : null;
        RunSettings settings = RunSettings.defaults()
                .withKeep(keep)
                .withProgress(new ProgressPrinter(cli.err(), ProgressPrinter.mode(quiet), verbose, System::nanoTime));
        List<ScenarioResult> results = new ArrayList<>();
        // SIGINT/SIGTERM: the engine stops the run and removes its objects; this hook holds the JVM
        // until what was done is printed and written (the JVM then exits 128 + the signal: 130 for Ctrl-C)
        CountDownLatch reported = new CountDownLatch(1);
        Thread hold = new Thread(
                () -> {
                    try {
                        reported.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "ipclab-report");
        Runtime.getRuntime().addShutdownHook(hold);
        try {
            return runAll(lab, scenarios, settings, results, report, outDir);
        } finally {
            reported.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hold);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running and has just been released
            }
        }
    }

    private int runAll(
            Lab lab,
            List<LoadedScenario> scenarios,
            RunSettings settings,
            List<ScenarioResult> results,
            ComparisonReport report,
            Path outDir)
            throws IOException, InterruptedException {
        Outcome worst = Outcome.OK;
        String interrupted = null;
        for (int k = 0; k < scenarios.size() && interrupted == null; k++) {
            LoadedScenario s = scenarios.get(k);
            if (scenarios.size() > 1) {
                if (k > 0) cli.out().println();
                if (!quiet)
                    cli.err()
                            .println("scenario " + (k + 1) + "/" + scenarios.size() + ": " + s.label() + " ("
                                    + s.summary() + ")");
            }
            for (Planner.Skipped sk : s.skipped())
                cli.err().println("skipped " + params(sk.params()) + ": " + sk.reason());
            RecordedRun rec;
            try {
                rec = lab.traces().record(s, settings, spec, record);
            } catch (IllegalArgumentException e) {
                throw new InputException(e.getMessage());
            } catch (Lab.Interrupted e) {
                interrupted = s.label() + " before its first run ended";
                break;
            }
            ScenarioResult r = rec.result();
            results.add(r);
            RunTable table = new RunTable(cli.style());
            List<String> lines = r.isSweep()
                    ? table.renderSweep(r.report().scenario(), r.runs(), r.description(), r.notes(), r.warnings())
                    : table.render(r.report(), r.description(), r.notes(), r.warnings());
            lines.forEach(cli.out()::println);
            if (spec.stepped()) cli.out().println("schedule " + spec + ": " + Schedules.summary(rec.steps()));
            if (rec.recorded() != null) cli.err().println("trace recorded to " + rec.recorded());
            else if (verbose && rec.kept() != null) cli.err().println("trace kept as " + rec.kept());
            if (rec.notKept() != null) cli.err().println("ipclab: " + rec.notKept());
            if (s.repeats() > 1) {
                cli.out().println();
                RepeatTable.render(ComparisonRuns.measurements(List.of(r)), s.repeats(), cli.style())
                        .forEach(cli.out()::println);
            }
            worst = worst.worse(r.outcome());
            if (r.interrupted()) interrupted = interruptedText(r);
        }
        if (results.size() > 1) {
            List<String> labels = new ArrayList<>();
            List<RunReport> reports = new ArrayList<>();
            for (ScenarioResult r : results) {
                for (RunReport run : r.runs()) {
                    labels.add(r.scenario().label()
                            + (run.params() == null || run.params().isEmpty()
                                    ? ""
                                    : " [" + params(run.params()) + "]"));
                    reports.add(run);
                }
            }
            cli.out().println();
            new RunNotes(cli.style()).summary(labels, reports).forEach(cli.out()::println);
        }
        if (report != null) worst = worst.worse(report.finish(results, outDir));
        List<RunReport.Kept> kept =
                results.stream().flatMap(r -> r.kept().stream()).toList();
        if (keep || !kept.isEmpty()) {
            cli.out().println();
            cli.out().println(kept.isEmpty() ? "kept: nothing (the scenario made no System V object)" : describe(kept));
            if (!keep)
                cli.out()
                        .println(
                                "(a segment of a channel with 'remove: never' outlives its processes, as in a C program that forgets shmctl(IPC_RMID))");
            if (!kept.isEmpty())
                cli.out().println("see them with 'ipclab ipcs --mine'; remove them with 'ipclab clean'");
        }
        if (json != null && !results.isEmpty()) {
            try {
                Files.writeString(json, Lab.json(results) + "\n");
            } catch (IOException e) {
                throw new IOException("cannot write the JSON report to " + json + ": " + e.getMessage(), e);
            }
        }
        if (interrupted != null) {
            cli.out().println();
            cli.out()
                    .println(cli.style()
                            .paint(
                                    ipclab.repl.report.Style.Tone.BAD,
                                    "interrupted (SIGINT/SIGTERM) during " + interrupted));
            // the interrupted scenario is in results (or was stopped before its first report); the ones after it never
            // ran
            boolean inResults = !results.isEmpty() && results.getLast().interrupted();
            int notRun = scenarios.size() - results.size() - (inResults ? 0 : 1);
            if (notRun > 0) cli.out().println(notRun + " more scenario" + (notRun == 1 ? "" : "s") + " not run");
            cli.out().flush();
            return ExitCodes.INTERRUPTED;
        }
        return ExitCodes.of(worst);
    }

    /**
     * {@code run 2/3 of blocking-vs-nowait [channels.q.mode=nowait]: its 2 processes were stopped and the objects
     * of channel q removed (nothing left behind); 1 finished run reported above, 1 not run}.
     */
    static String interruptedText(ScenarioResult r) {
        RunReport last = r.runs().getLast();
        int repeats = r.scenario().repeats();
        int total = r.scenario().plans().size() * repeats;
        int done = r.runs().size();
        StringBuilder sb = new StringBuilder();
        sb.append(total > 1 ? "run " + done + "/" + total + " of " : "")
                .append(r.scenario().label());
        if (last.params() != null && !last.params().isEmpty())
            sb.append(" [").append(params(last.params())).append(']');
        var plan = r.scenario().plans().get((done - 1) / repeats);
        int procs = plan.processes().size();
        List<String> channels = plan.channels().stream().map(c -> c.name()).toList();
        sb.append(": its ")
                .append(procs)
                .append(procs == 1 ? " process was" : " processes were")
                .append(" stopped and the objects of ")
                .append(channels.size() == 1 ? "channel " : "channels ")
                .append(String.join(", ", channels))
                .append(" removed");
        sb.append(
                last.leaks() == null || last.leaks().isEmpty()
                        ? " (nothing left behind)"
                        : " (left behind: " + String.join(", ", last.leaks()) + ")");
        if (total > 1) {
            sb.append("; ")
                    .append(done - 1)
                    .append(done - 1 == 1 ? " finished run" : " finished runs")
                    .append(" reported above");
            if (total - done > 0) sb.append(", ").append(total - done).append(" not run");
        }
        return sb.toString();
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
            if (values.stream().anyMatch(String::isBlank))
                throw new InputException("-p " + o + ": an empty value; separate values with single commas");
            out.put(
                    o.substring(0, eq).strip(),
                    values.stream().map(String::strip).toList());
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
                    + (Boolean.TRUE.equals(k.markedForRemoval())
                            ? " (marked for removal already: freed on last detach)"
                            : ""));
        }
        return "kept: " + String.join(", ", parts);
    }

    /** A report that could not be written after a long run would waste it: check the place first. */
    static void checkWritable(Path file) {
        checkWritable(file, "--json");
    }

    static void checkWritable(Path file, String option) {
        if (file == null) return;
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        if (Files.isDirectory(abs)) throw new InputException(option + " " + file + " is a directory; give a file name");
        if (dir == null || !Files.isDirectory(dir)) {
            throw new InputException(option + " " + file + ": the directory " + dir + " does not exist");
        }
        if (!Files.isWritable(dir) || (Files.exists(abs) && !Files.isWritable(abs))) {
            throw new InputException(option + " " + file + ": not writable");
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
