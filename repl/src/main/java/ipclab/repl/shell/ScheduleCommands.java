package ipclab.repl.shell;

import ipclab.engine.run.Run;
import ipclab.engine.run.RunReport;
import ipclab.engine.run.StepEvent;
import ipclab.engine.schedule.Explorer;
import ipclab.engine.schedule.Rewind;
import ipclab.engine.schedule.ScheduledRun;
import ipclab.engine.schedule.Scheduler;
import ipclab.engine.schedule.SchedulerSpec;
import ipclab.engine.trace.Trace;
import ipclab.engine.trace.TraceException;
import ipclab.repl.app.Exploration;
import ipclab.repl.app.ReplayResult;
import ipclab.repl.report.TraceDiagram;
import ipclab.repl.report.TraceRows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The commands over a stepped run's schedule: {@code /back} (reverse step by deterministic
 * re-execution), {@code /trace}, {@code /record}, {@code /replay} and {@code /explore}. The
 * engine does the work ({@code Lab.rewind}, {@code replay}, {@code explore}); this class says what
 * came of it.
 */
final class ScheduleCommands {
    private final Shell shell;
    private final Builtins builtins;
    private final StepCommands steps;

    ScheduleCommands(Shell shell, Builtins builtins, StepCommands steps) {
        this.shell = shell;
        this.builtins = builtins;
        this.steps = steps;
    }

    boolean back(List<String> args) throws InterruptedException {
        if (args.size() > 1 || (args.size() == 1 && !args.getFirst().matches("\\d+"))) return builtins.usage("back");
        int n = args.isEmpty() ? 1 : Integer.parseInt(args.getFirst());
        SteppedRun s = shell.session.stepped;
        if (s == null) {
            shell.error("/back: no stepped run; /start one and /step it first");
            return false;
        }
        List<StepEvent> done = s.run.stepper().events();
        if (n < 1 || n > done.size()) {
            shell.error("/back " + n + ": the run has made " + done.size() + " step" + (done.size() == 1 ? "" : "s")
                    + "; go back 1.." + done.size());
            return false;
        }
        int to = done.size() - n;
        shell.out()
                .println("going back to step " + to + ": a fresh run replays the first " + to
                        + " steps (Ctrl-C stops it)");
        shell.out().flush();
        Run fresh;
        Scheduler follower;
        List<Integer> asked;
        shell.stepStarting();
        try {
            follower = s.scheduler == null ? null : shell.lab.scheduler(s.loaded, s.spec());
            asked = s.asked.stream().filter(at -> at < to).toList();
            fresh = shell.lab.rewind(s.loaded, done, to, follower, asked);
        } catch (Rewind.DivergedException e) {
            shell.error("/back: the run is not deterministic here: " + e.getMessage() + "; the run is left as it was");
            return false;
        } finally {
            shell.stepEnded();
        }
        steps.endStepped(null);
        // the seeded scheduler is rewound too: forward again, it picks as it did the first time
        SteppedRun back = new SteppedRun(s.loaded, fresh, follower);
        back.asked.addAll(asked);
        back.lastProcess = to == 0 ? null : done.get(to - 1).process();
        shell.session.stepped = back;
        return steps.ps.show(List.of());
    }

    boolean trace(List<String> args) throws IOException {
        Path svg = null;
        if (args.size() == 2 && args.getFirst().equals("--svg")) svg = Path.of(args.get(1));
        else if (!args.isEmpty()) return builtins.usage("trace");
        SteppedRun s = stepped("trace");
        if (s == null) return false;
        Trace t = trace(s);
        if (t.steps().isEmpty()) {
            shell.out().println("no steps yet (/step grants one)");
            return true;
        }
        TraceRows rows = TraceRows.of(t);
        String title = t.scenario().name() + ", " + t.steps().size() + " steps, schedule " + t.scheduler();
        TraceDiagram.show(rows, title, svg, shell.out(), shell.style());
        return true;
    }

    boolean record(List<String> args) throws IOException {
        if (args.size() != 1) return builtins.usage("record");
        SteppedRun s = stepped("record");
        if (s == null) return false;
        Path to = Path.of(args.getFirst());
        if (Files.isDirectory(to)) {
            shell.error("/record " + to + " is a directory; give a file name");
            return false;
        }
        List<StepEvent> ev = s.run.stepper().events();
        shell.lab.saveTrace(s.loaded, s.spec(), ev, reports(s), to);
        shell.session.lastTrace = to;
        shell.out()
                .println("recorded " + ev.size() + " steps of '"
                        + s.loaded.scenario().name() + "' to " + to
                        + (s.ended == null ? " (the run goes on; /record again for more)" : ""));
        return true;
    }

    boolean replay(List<String> args) throws InterruptedException {
        if (args.size() > 1) return builtins.usage("replay");
        Path file = args.isEmpty() ? shell.session.lastTrace : Path.of(args.getFirst());
        Trace t;
        try {
            t = shell.lab.readTrace(file);
        } catch (TraceException e) {
            shell.error("/replay: " + e.getMessage());
            return false;
        }
        shell.out()
                .println("replaying " + (file == null ? "the newest kept trace" : file) + ": '"
                        + t.scenario().name() + "', "
                        + (t.stepped() ? t.steps().size() + " steps, schedule " + t.scheduler() : "a free run")
                        + " (Ctrl-C stops it)");
        shell.out().flush();
        ReplayResult r;
        shell.runStarting();
        try {
            r = shell.lab.replay(t, shell.stop);
        } catch (TraceException e) {
            shell.error("/replay: " + e.getMessage());
            return false;
        } finally {
            shell.runEnded();
        }
        if (shell.stopRequested()) {
            shell.error("/replay: stopped (Ctrl-C)");
            return false;
        }
        if (!r.stepped()) {
            boolean ok = r.runs().stream().allMatch(x -> x.failures().isEmpty());
            shell.out()
                    .println("a free run's interleaving was the kernel's: ran the same scenario again, "
                            + (ok ? "ok" : "it failed"));
            return ok;
        }
        if (r.identical()) {
            shell.out()
                    .println(shell.style().pass() + " identical (" + r.steps().size() + " steps)");
            return true;
        }
        shell.error("differs at "
                + (r.divergence() != null
                        ? r.divergence().toString()
                        : "step " + (r.steps().size() + 1)));
        return false;
    }

    boolean explore(List<String> args) throws InterruptedException {
        int runs = 20, depth = 2, shrinkRuns = 30;
        long seed = 1;
        String strategy = "random";
        List<String> rest = new java.util.ArrayList<>();
        for (int i = 0; i < args.size(); i += 2) {
            String a = args.get(i);
            if (!a.startsWith("--")) {
                rest.add(a);
                i--;
                continue;
            }
            if (i + 1 >= args.size()) return builtins.usage("explore");
            String v = args.get(i + 1);
            switch (a) {
                case "--runs", "--depth", "--seed", "--shrink-runs" -> {
                    if (!v.matches("\\d+")) return builtins.usage("explore");
                    if (a.equals("--runs")) runs = Integer.parseInt(v);
                    else if (a.equals("--depth")) depth = Integer.parseInt(v);
                    else if (a.equals("--shrink-runs")) shrinkRuns = Integer.parseInt(v);
                    else seed = Long.parseLong(v);
                }
                case "--strategy" -> strategy = v;
                default -> {
                    return builtins.usage("explore");
                }
            }
        }
        if (runs < 1 || depth < 1) {
            shell.error("/explore: --runs and --depth must be at least 1");
            return false;
        }
        if (!strategy.equals("random") && !strategy.equals("pct")) {
            shell.error("/explore --strategy " + strategy + ": use random or pct");
            return false;
        }
        List<LabAdapter.Loaded> l = builtins.resolve(rest, "explore");
        if (l == null) return false;
        LabAdapter.Loaded x = l.getFirst();
        for (String s : shell.lab.cleanStale()) shell.error("removed " + s + ", left by a run that died");
        int total = runs;
        Explorer.Settings settings = new Explorer.Settings(
                strategy.equals("pct") ? SchedulerSpec.Strategy.PCT : SchedulerSpec.Strategy.RANDOM,
                seed,
                depth,
                runs,
                shrinkRuns);
        Exploration found;
        shell.runStarting();
        try {
            found = shell.lab.explore(x, settings, shell.stop, new Exploration.Listener() {
                @Override
                public void ran(int run, ScheduledRun.Result r) {
                    shell.out()
                            .printf(
                                    Locale.ROOT,
                                    "run %d/%d  %s  %d steps  %s%n",
                                    run,
                                    total,
                                    r.scheduler(),
                                    r.steps().size(),
                                    Explorer.outcome(r.report()));
                    shell.out().flush();
                }

                @Override
                public void failed(Explorer.Failure f, Path trace) {
                    if (f.sameAs() != 0) shell.out().println("  fails like run " + f.sameAs() + ": " + trace);
                    else
                        shell.out()
                                .println("  " + why(f.found().report()) + "; shrunk in " + f.tries() + " runs to "
                                        + f.shrunk().steps().size() + " steps; trace: " + trace);
                    shell.out().flush();
                }
            });
        } catch (IllegalArgumentException e) {
            shell.error("/explore: " + e.getMessage());
            return false;
        } finally {
            shell.runEnded();
        }
        Explorer.Summary sum = found.summary();
        shell.out()
                .println("explored " + sum.runs() + " schedules (" + strategy + ", seeds " + seed + ".."
                        + (seed + runs - 1) + ")");
        sum.outcomes().forEach((o, k) -> shell.out().printf(Locale.ROOT, "  %-50s %d%n", o, k));
        if (sum.failures().isEmpty()) {
            shell.out().println("no schedule refuted a claim");
        } else {
            List<Path> traces =
                    found.saved().values().stream().distinct().sorted().toList();
            shell.session.lastTrace = traces.getFirst();
            shell.out()
                    .println(sum.failures().size() + " of " + sum.runs() + " schedules failed; /replay "
                            + traces.getFirst() + " replays the first");
        }
        return true;
    }

    /** {@code refutes counter.lostUpdates == 0 (counter.lostUpdates=1)}, or the run's first failure. */
    private static String why(RunReport r) {
        if (!r.failures().isEmpty()) return "fails: " + r.failures().getFirst().message();
        for (RunReport.ExpectationResult e : r.expectations())
            if (!e.ok()) return "refutes " + e.text() + " (" + e.actual() + ")";
        return "failed";
    }

    private SteppedRun stepped(String cmd) {
        SteppedRun s = shell.session.stepped;
        if (s == null) shell.error("/" + cmd + ": no stepped run in this session; /start one and /step it first");
        return s;
    }

    private Trace trace(SteppedRun s) {
        return shell.lab.trace(s.loaded, s.spec(), s.run.stepper().events(), reports(s));
    }

    private static List<RunReport> reports(SteppedRun s) {
        return s.ended == null ? List.of() : s.ended.reports();
    }
}
