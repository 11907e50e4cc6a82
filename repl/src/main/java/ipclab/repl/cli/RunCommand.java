package ipclab.repl.cli;

import ipclab.engine.run.RunEvent;
import ipclab.dsl.Diagnostic;
import ipclab.dsl.ScenarioException;
import ipclab.engine.run.RunReport;
import ipclab.repl.app.Cleanup;
import ipclab.repl.app.Lab;
import ipclab.repl.app.LoadedScenario;
import ipclab.repl.app.Progress;
import ipclab.repl.app.RunSettings;
import ipclab.repl.app.ScenarioResult;
import ipclab.engine.run.Outcome;
import ipclab.repl.report.RunNotes;
import ipclab.repl.report.RunTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
        footer = {"", "Exit codes: 0 ok, 1 the run failed (loss, crash, timeout, leak),",
                  "            2 invalid input (nothing was run), 3 an expect claim was refuted."})
public final class RunCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The scenarios, run in turn: YAML, or fluent Java (.java, compiled here; FILE.java#name picks one of its scenarios, "
            + "else its scenario() method, else each of its public static Scenario methods and fields in turn). "
            + "A quoted glob ('scenarios/pingpong-*.yaml') is expanded. Every file is validated before the first runs.")
    List<String> files;

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
        Lab lab = new Lab();
        List<LoadedScenario> scenarios = new ArrayList<>();
        boolean invalid = false;
        for (Path file : FileArgs.expand(files)) {
            try {
                scenarios.addAll(lab.load(file));
            } catch (ScenarioException e) {
                invalid = true;
                for (Diagnostic d : e.diagnostics()) cli.err().println(d);
            }
        }
        if (invalid) return ExitCodes.USAGE;
        checkWritable(json);
        cleanStale(lab);
        RunSettings settings = RunSettings.defaults().withKeep(keep).withProgress(new Printed(cli, verbose));
        List<ScenarioResult> results = new ArrayList<>();
        // SIGINT/SIGTERM: the engine stops the run and removes its objects; this hook holds the JVM
        // until what was done is printed and written (the JVM then exits 128 + the signal: 130 for Ctrl-C)
        CountDownLatch reported = new CountDownLatch(1);
        Thread hold = new Thread(() -> {
            try {
                reported.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ipclab-report");
        Runtime.getRuntime().addShutdownHook(hold);
        try {
            return runAll(lab, scenarios, settings, results);
        } finally {
            reported.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hold);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running and has just been released
            }
        }
    }

    private int runAll(Lab lab, List<LoadedScenario> scenarios, RunSettings settings, List<ScenarioResult> results) throws IOException, InterruptedException {
        Outcome worst = Outcome.OK;
        String interrupted = null;
        for (int k = 0; k < scenarios.size() && interrupted == null; k++) {
            LoadedScenario s = scenarios.get(k);
            if (scenarios.size() > 1) {
                if (k > 0) cli.out().println();
                cli.err().println("scenario " + (k + 1) + "/" + scenarios.size() + ": " + s.label());
            }
            ScenarioResult r;
            try {
                r = lab.run(s, settings);
            } catch (Lab.Interrupted e) {
                interrupted = s.label() + " before its first run ended";
                break;
            }
            results.add(r);
            RunTable table = new RunTable(cli.style());
            List<String> lines = r.isSweep() ? table.renderSweep(r.report().scenario(), r.runs(), r.description(), r.notes(), r.warnings())
                    : table.render(r.report(), r.description(), r.notes(), r.warnings());
            lines.forEach(cli.out()::println);
            worst = worst.worse(r.outcome());
            if (r.interrupted()) interrupted = interruptedText(r);
        }
        if (results.size() > 1) {
            List<String> labels = new ArrayList<>();
            List<RunReport> reports = new ArrayList<>();
            for (ScenarioResult r : results) {
                for (RunReport run : r.runs()) {
                    labels.add(r.scenario().label() + (run.params() == null || run.params().isEmpty() ? "" : " [" + params(run.params()) + "]"));
                    reports.add(run);
                }
            }
            cli.out().println();
            new RunNotes(cli.style()).summary(labels, reports).forEach(cli.out()::println);
        }
        List<RunReport.Kept> kept = results.stream().flatMap(r -> r.kept().stream()).toList();
        if (keep || !kept.isEmpty()) {
            cli.out().println();
            cli.out().println(kept.isEmpty() ? "kept: nothing (the scenario made no System V object)" : describe(kept));
            if (!keep) cli.out().println("(a segment of a channel with 'remove: never' outlives its processes, as in a C program that forgets shmctl(IPC_RMID))");
            if (!kept.isEmpty()) cli.out().println("see them with 'ipclab ipcs --mine'; remove them with 'ipclab clean'");
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
            cli.out().println(cli.style().paint(ipclab.repl.report.Style.Tone.BAD, "interrupted (SIGINT/SIGTERM) during " + interrupted));
            // the interrupted scenario is in results (or was stopped before its first report); the ones after it never ran
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
        int total = r.scenario().plans().size();
        int done = r.runs().size();
        StringBuilder sb = new StringBuilder();
        sb.append(total > 1 ? "run " + done + "/" + total + " of " : "").append(r.scenario().label());
        if (last.params() != null && !last.params().isEmpty()) sb.append(" [").append(params(last.params())).append(']');
        var plan = r.scenario().plans().get(done - 1);
        int procs = plan.processes().size();
        List<String> channels = plan.channels().stream().map(c -> c.name()).toList();
        sb.append(": its ").append(procs).append(procs == 1 ? " process was" : " processes were").append(" stopped and the objects of ")
                .append(channels.size() == 1 ? "channel " : "channels ").append(String.join(", ", channels)).append(" removed");
        sb.append(last.leaks() == null || last.leaks().isEmpty() ? " (nothing left behind)" : " (left behind: " + String.join(", ", last.leaks()) + ")");
        if (total > 1) {
            sb.append("; ").append(done - 1).append(done - 1 == 1 ? " finished run" : " finished runs").append(" reported above");
            if (total - done > 0) sb.append(", ").append(total - done).append(" not run");
        }
        return sb.toString();
    }

    /** A sweep's "run i/n: params" always, the engine's events with {@code -v}; both on stderr. */
    private record Printed(Cli cli, boolean verbose) implements Progress {
        @Override
        public void runStarting(int index, int count, Map<String, String> params) {
            cli.err().println("run " + index + "/" + count + ": " + params(params));
        }

        @Override
        public void event(long atMs, String process, RunEvent what, String detail) {
            if (!verbose) return;
            cli.err().printf("%8d ms  %-12s %-10s %s%n", atMs, process == null ? "" : process, what, detail == null ? "" : detail);
        }
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
        for (String s : r.removed()) cli.err().println("ipclab: removed " + s + ", left by a run that died");
    }

    private static String params(Map<String, String> params) {
        List<String> kv = new ArrayList<>();
        params.forEach((k, v) -> kv.add(k + "=" + v));
        return String.join(" ", kv);
    }
}
