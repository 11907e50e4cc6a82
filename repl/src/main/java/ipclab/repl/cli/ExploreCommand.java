package ipclab.repl.cli;

import ipclab.dsl.ScenarioException;
import ipclab.engine.run.Outcome;
import ipclab.engine.run.RunReport;
import ipclab.engine.schedule.Explorer;
import ipclab.engine.schedule.ScheduledRun;
import ipclab.engine.schedule.SchedulerSpec;
import ipclab.repl.app.Exploration;
import ipclab.repl.app.Lab;
import ipclab.repl.app.LoadedScenario;
import ipclab.repl.app.Overrides;
import ipclab.repl.app.RunSettings;
import ipclab.repl.report.TextTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SequencedMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ipclab explore FILE --runs N}: N schedules of one scenario in step mode, its
 * {@code expect:} claims checked after each; every failure shrunk and its trace saved. A sweep
 * (narrowed or not by {@code -p}) is explored combination by combination, each as a scenario
 * narrowed to it, with a summary per combination and the worst exit code.
 */
@Command(name = "explore")
public final class ExploreCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "FILE")
    Path file;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "20")
    int runs;

    @Option(names = "--strategy", paramLabel = "random|pct", defaultValue = "random")
    String strategy;

    @Mixin
    SeedOptions seeds;

    @Option(names = "--shrink-runs", paramLabel = "K", defaultValue = "30")
    int shrinkRuns;

    @Option(names = "-p", paramLabel = "PATH=V1,V2")
    List<String> sweep = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR")
    Path out;

    @Override
    public Integer call() throws InterruptedException {
        if (runs < 1) throw new InputException("--runs " + runs + " must be at least 1");
        if (shrinkRuns < 0) throw new InputException("--shrink-runs " + shrinkRuns + " must be 0 or more");
        if (out != null && !Files.isDirectory(out)) throw new InputException("--out " + out + " is not a directory");
        SchedulerSpec first = seeds.spec(strategy);
        if (!first.stepped()) throw new InputException("--strategy " + strategy + ": explore needs random or pct");
        Lab lab = new Lab();
        List<LoadedScenario> scenarios;
        try {
            scenarios = lab.load(file);
        } catch (ScenarioException e) {
            printProblems(e);
            return ExitCodes.USAGE;
        }
        if (scenarios.size() != 1)
            throw new InputException(file + " has " + scenarios.size() + " scenarios; pick one with FILE.java#name");
        LoadedScenario s = scenarios.getFirst();
        if (!sweep.isEmpty()) {
            Overrides picked = new Overrides(null, false, RunCommand.sweepAxes(sweep));
            for (String path : picked.unused(scenarios))
                throw new InputException("-p " + path + ": " + file + " has no such channel or process to sweep; "
                        + "write -p channels.<name>.<key>=v1,v2 or -p processes.<name>.<key>=v1,v2");
            try {
                s = lab.override(List.of(s), picked).getFirst();
            } catch (ScenarioException e) {
                printProblems(e);
                return ExitCodes.USAGE;
            }
        }
        if (s.scenario().expect().isEmpty()) {
            cli.err()
                    .println("ipclab explore: " + file
                            + " has no expect: claims; every schedule will pass (outcomes are still counted)");
        }
        lab.cleanStale();
        if (s.plans().size() == 1) return explore(lab, s, first);
        // a sweep: each combination explored in turn, as a scenario narrowed to it (so its traces replay)
        int code = ExitCodes.OK;
        List<String> verdicts = new ArrayList<>();
        for (int i = 0; i < s.plans().size(); i++) {
            Map<String, String> params = s.plans().get(i).params();
            SequencedMap<String, List<String>> one = new LinkedHashMap<>();
            params.forEach((path, value) -> one.put(path, List.of(value)));
            LoadedScenario combination;
            try {
                combination = lab.override(List.of(s), new Overrides(null, false, one))
                        .getFirst();
            } catch (ScenarioException e) {
                printProblems(e);
                return ExitCodes.USAGE;
            }
            String label = params.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(java.util.stream.Collectors.joining(" "));
            cli.out().println("== combination " + (i + 1) + "/" + s.plans().size() + ": " + label);
            int c = explore(lab, combination, first);
            verdicts.add(label + ": " + (c == ExitCodes.OK ? "no schedule refuted a claim" : "exit " + c));
            code = Math.max(code, c);
            cli.out().println();
            if (Thread.currentThread().isInterrupted()) break;
        }
        cli.out().println("explored " + verdicts.size() + " of " + s.plans().size() + " combinations of " + file + ":");
        for (String v : verdicts) cli.out().println("  " + v);
        return code;
    }

    /** Explores one combination: every run's line, each failure shrunk and saved, the summary; its exit code. */
    private int explore(Lab lab, LoadedScenario s, SchedulerSpec first) throws InterruptedException {
        Explorer.Settings settings = new Explorer.Settings(first.strategy(), seeds.seed, seeds.depth, runs, shrinkRuns);
        Exploration x;
        try {
            x = lab.traces().explore(s, settings, RunSettings.defaults(), out, new Exploration.Listener() {
                @Override
                public void ran(int run, ScheduledRun.Result r) {
                    cli.out()
                            .printf(
                                    Locale.ROOT,
                                    "run %d/%d  %s  %s  %s%n",
                                    run,
                                    runs,
                                    r.scheduler(),
                                    Schedules.summary(r.steps()),
                                    Explorer.outcome(r.report()));
                    cli.out().flush();
                }

                @Override
                public void failed(Explorer.Failure f, Path trace) {
                    if (f.sameAs() != 0) {
                        cli.out().println("  fails like run " + f.sameAs() + ": " + trace);
                    } else {
                        cli.out()
                                .println("  " + why(f.found().report()) + "; shrunk in " + f.tries() + " runs to "
                                        + Schedules.summary(f.shrunk().steps()) + " (from "
                                        + Schedules.summary(f.found().steps()) + ")");
                        cli.out().println("  trace: " + trace);
                    }
                    cli.out().flush();
                }
            });
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
        Explorer.Summary sum = x.summary();
        cli.out().println();
        cli.out()
                .println("explored " + sum.runs() + " schedules ("
                        + first.strategy().wireName()
                        + (first.strategy() == SchedulerSpec.Strategy.PCT ? " depth " + seeds.depth : "") + ", seeds "
                        + seeds.seed + ".." + (seeds.seed + runs - 1) + ")");
        TextTable t = new TextTable().text("outcome").number("runs");
        for (Map.Entry<String, Integer> e : sum.outcomes().entrySet())
            t.row().cell(e.getKey()).cell(Integer.toString(e.getValue()));
        t.render(cli.style()).forEach(cli.out()::println);
        Outcome worst = Outcome.OK;
        for (Explorer.Failure f : sum.failures())
            worst = worst.worse(f.found().report().outcome());
        cli.out().println();
        if (sum.failures().isEmpty()) {
            cli.out().println(cli.style().pass() + " no schedule refuted a claim");
        } else {
            List<Path> traces = x.saved().values().stream().distinct().sorted().toList();
            cli.out()
                    .println(cli.style().fail() + " " + sum.failures().size() + " of " + sum.runs()
                            + " schedules failed; " + "replay with: ipclab replay " + traces.getFirst()
                            + (traces.size() > 1 ? " (and " + (traces.size() - 1) + " more above)" : ""));
        }
        return ExitCodes.of(worst);
    }

    /** {@code refutes counter.lostUpdates == 0 (counter.lostUpdates=1)}, or the first failure. */
    static String why(RunReport r) {
        if (!r.failures().isEmpty()) return "fails: " + r.failures().getFirst().message();
        for (RunReport.ExpectationResult e : r.expectations())
            if (!e.ok()) return "refutes " + e.text() + " (" + e.actual() + ")";
        return "ok";
    }
}
