package ipclab.repl.shell;

import ipclab.engine.protocol.StepOutcome;
import ipclab.engine.run.RunReport;
import ipclab.engine.run.StepProcess;
import ipclab.engine.run.StepSnapshot;
import ipclab.engine.run.StepStatus;
import ipclab.engine.schedule.SchedulerSpec;
import ipclab.repl.report.Style;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stepping commands: {@code /start}, {@code /step}, {@code /continue}, {@code /ps},
 * {@code /kill} ({@code /ps} is {@link PsCommand}, {@code /break} and {@code /delete} {@link BreakCommands}). The shell holds at most one stepped run
 * ({@link Session#stepped}); a grant never blocks in the kernel (the engine tries a blocking call
 * without blocking and says so), and a long {@code /step N} or {@code /continue} checks for
 * Ctrl-C between grants.
 */
final class StepCommands {
    private final Shell shell;
    private final Builtins builtins;

    /** {@code /ps}, which {@code /start} shows too. */
    final PsCommand ps;

    StepCommands(Shell shell, Builtins builtins) {
        this.ps = new PsCommand(shell, builtins, this);
        this.shell = shell;
        this.builtins = builtins;
    }

    boolean start(List<String> args) throws InterruptedException {
        List<String> rest = new ArrayList<>();
        String strategy = null;
        long seed = 1;
        int depth = 2;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--step")) continue; // the default: /start always holds the processes for stepping
            boolean valued = a.equals("--schedule") || a.equals("--seed") || a.equals("--depth");
            if (valued && i + 1 >= args.size()) return builtins.usage("start");
            if (a.equals("--schedule")) {
                strategy = args.get(++i);
                if (!strategy.equals("random") && !strategy.equals("pct")) {
                    shell.error("/start --schedule " + strategy
                            + ": not a scheduler; use random or pct (or no --schedule to step by hand)");
                    return false;
                }
            } else if (a.equals("--seed")) {
                if (!args.get(i + 1).matches("-?\\d+")) return builtins.usage("start");
                seed = Long.parseLong(args.get(++i));
            } else if (a.equals("--depth")) {
                if (!args.get(i + 1).matches("\\d+") || Integer.parseInt(args.get(i + 1)) < 1) {
                    shell.error("/start --depth " + args.get(i + 1) + ": must be a whole number of at least 1");
                    return false;
                }
                depth = Integer.parseInt(args.get(++i));
            } else if (a.startsWith("--")) {
                return builtins.usage("start");
            } else {
                rest.add(a);
            }
        }
        List<LabAdapter.Loaded> l = builtins.resolve(rest, "start");
        if (l == null) return false;
        LabAdapter.Loaded x = l.getFirst();
        endStepped("a new /start");
        for (String s : shell.lab.cleanStale()) shell.error("removed " + s + ", left by a run that died");
        if (l.size() > 1)
            shell.out().println("the file has " + l.size() + " scenarios: stepping the first, " + x.label());
        if (x.sweep())
            shell.out()
                    .println("a sweep: stepping its first combination "
                            + x.plans().getFirst().params());
        SchedulerSpec spec = strategy == null
                ? null
                : strategy.equals("pct") ? SchedulerSpec.pct(seed, depth) : SchedulerSpec.random(seed);
        SteppedRun s =
                new SteppedRun(x, shell.lab.startStepping(x), spec == null ? null : shell.lab.scheduler(x, spec));
        shell.session.stepped = s;
        if (!settled(s)) {
            endStepped(null);
            return false;
        }
        shell.out()
                .println("started " + Builtins.summary(x) + ", held before their first operations"
                        + (spec == null
                                ? " (/step PROCESS, /ps, /show CHANNEL, /continue)"
                                : "; scheduler " + spec + " picks whom a bare /step or /continue grants"));
        ps.show(List.of());
        return true;
    }

    /** Waits for the workers to reach their first operation; Ctrl-C gives up (the caller stops the run). */
    private boolean settled(SteppedRun s) throws InterruptedException {
        long deadline = System.nanoTime() + SteppedRun.SETTLE.toNanos();
        shell.stepStarting();
        try {
            while (!s.run.stepper().awaitSettled(java.time.Duration.ofMillis(200))) {
                if (shell.stepInterrupted()) {
                    shell.error("/start: stopped (Ctrl-C) before the workers were ready");
                    return false;
                }
                if (System.nanoTime() > deadline) {
                    shell.error("/start: the workers did not reach their first operation within "
                            + SteppedRun.SETTLE.toSeconds() + " s");
                    return false;
                }
            }
            return true;
        } finally {
            shell.stepEnded();
        }
    }

    boolean step(List<String> args) throws InterruptedException {
        SteppedRun s = running("step");
        if (s == null) return false;
        String process = null;
        long n = 1;
        for (String a : args) {
            if (s.snapshot().process(a) != null && process == null) process = a;
            else if (a.matches("\\d+")) n = Long.parseLong(a);
            else {
                shell.error("/step " + a + ": no process " + a + " (processes: " + String.join(", ", names(s)) + ")");
                return false;
            }
        }
        if (n < 1) return builtins.usage("step");
        shell.session.lastStep = "/step" + (args.isEmpty() ? "" : " " + String.join(" ", args));
        shell.stepStarting();
        try {
            return drive(s, process, n, true) != Stop.FAILED;
        } finally {
            shell.stepEnded();
        }
    }

    /** How a run of grants ended. */
    private enum Stop {
        DONE,
        BREAK,
        INTERRUPTED,
        CANNOT_MOVE,
        FINISHED,
        FAILED
    }

    /**
     * Grants up to {@code n} steps: to {@code process}, or (null) to the default process each time.
     * Stops early at a breakpoint (but not before the very first grant: that is how one moves past
     * a breakpoint), when the process cannot move, at the end, or on Ctrl-C.
     */
    private Stop drive(SteppedRun s, String process, long n, boolean first) throws InterruptedException {
        Set<Integer> reachedBefore = new HashSet<>(reached(s));
        for (long k = 0; k < n; k++) {
            if (shell.stepInterrupted()) {
                shell.out().println("stopped (Ctrl-C) after " + k + " of " + n + " steps");
                return Stop.INTERRUPTED;
            }
            String p = process != null ? process : s.defaultProcess();
            if (p == null) return nobodyCanMove(s, first && k == 0) ? Stop.CANNOT_MOVE : Stop.FAILED;
            StepProcess sp = s.snapshot().process(p);
            if (sp.status() != StepStatus.ENABLED) {
                if (first && k == 0) {
                    shell.error("/step " + p + ": " + notEnabled(s, sp));
                    return Stop.FAILED;
                }
                shell.out().println(p + " is " + s.state(sp, null) + "; stopped after " + k + " of " + n + " steps");
                return Stop.CANNOT_MOVE;
            }
            if (!(first && k == 0)) {
                Map.Entry<Integer, Breakpoints.Break> b = shell.session.breaks.before(sp);
                if (b != null) {
                    shell.out()
                            .println("breakpoint " + b.getKey() + ": " + b.getValue() + ", next: " + sp.op() + " on "
                                    + sp.channel());
                    return Stop.BREAK;
                }
            }
            StepOutcome o;
            try {
                o = s.grant(p);
            } catch (IllegalStateException e) {
                if (!s.run.isDone() && !s.over()) throw e;
                shell.error("/step " + p + ": " + e.getMessage()); // a worker died, or the run was stopped
                finish(s);
                return Stop.FAILED;
            }
            printStep(s, p, o);
            if (s.over() || s.allExited()) return finish(s) ? Stop.FINISHED : Stop.FAILED;
            for (Integer b : reached(s)) {
                if (reachedBefore.add(b)) {
                    shell.out()
                            .println("breakpoint " + b + ": "
                                    + shell.session.breaks.all().get(b));
                    return Stop.BREAK;
                }
            }
        }
        return Stop.DONE;
    }

    private List<Integer> reached(SteppedRun s) {
        if (shell.session.breaks.isEmpty() || s.over()) return List.of();
        return shell.session.breaks.reached(c -> s.run.look(c));
    }

    private void printStep(SteppedRun s, String p, StepOutcome o) {
        StepSnapshot now = s.snapshot();
        StepProcess after = now.process(p);
        String next =
                switch (after.status()) {
                    case ENABLED -> "next: " + after.op() + "(" + after.channel() + ")";
                    case BLOCKED -> "now blocked";
                    case EXITED -> "exited";
                    default -> "";
                };
        Style.Tone tone = o.result().blocks() ? Style.Tone.WARN : Style.Tone.GOOD;
        shell.out()
                .printf(
                        "%4d  %-10s %s   %s%n",
                        now.steps(),
                        p,
                        shell.style().paint(tone, o.toString()),
                        shell.style().paint(Style.Tone.DIM, next));
    }

    /** Says why nobody moves; false when that is an error (a deadlock, or nothing to step at all). */
    private boolean nobodyCanMove(SteppedRun s, boolean first) {
        if (s.snapshot().deadlocked()) {
            shell.error(
                    "deadlock: no process can move; every process left is blocked (/ps shows on what, /kill ends the run)");
            return false;
        }
        if (first) shell.error("no process is enabled now (/ps)");
        return !first;
    }

    private String notEnabled(SteppedRun s, StepProcess p) {
        String enabled = String.join(", ", s.snapshot().enabled());
        String who = enabled.isEmpty() ? "no process is enabled" : "enabled: " + enabled;
        return switch (p.status()) {
            case BLOCKED ->
                p.name() + " is " + s.state(p, null) + "; it can move again once another process acts on " + p.channel()
                        + " (" + who + ")";
            case EXITED -> p.name() + " has exited (" + who + ")";
            default -> p.name() + " is " + s.state(p, null) + " (" + who + ")";
        };
    }

    /** The run has ended by itself: its report, as /run prints it. */
    private boolean finish(SteppedRun s) throws InterruptedException {
        RunReport r = s.awaitEnd(shell::stepInterrupted);
        LabAdapter.Outcome o = shell.lab.outcome(s.loaded, r);
        s.ended = o;
        shell.out().println("the run has ended; its report (/report shows it again):");
        shell.lab.table(o, shell.style()).forEach(shell.out()::println);
        shell.session.lastRun = List.of(o);
        shell.java.publish(shell.session.lastReport(), null, false);
        return o.code() == 0;
    }

    boolean continueRun(List<String> args) throws InterruptedException {
        if (!args.isEmpty()) return builtins.usage("continue");
        SteppedRun s = live("continue");
        if (s == null) return false;
        if (s.ended != null) {
            shell.out().println("the run has ended already; its report is above (/report shows it again)");
            return s.ended.code() == 0;
        }
        if (s.scheduler != null) {
            shell.out().println("the scheduler " + s.spec() + " steps the run to its end (Ctrl-C stops it)");
            shell.stepStarting();
            try {
                Stop stop = drive(s, null, Long.MAX_VALUE, true);
                return stop != Stop.FAILED;
            } finally {
                shell.stepEnded();
            }
        }
        if (!shell.session.breaks.isEmpty()) {
            // breakpoints are checked between grants, so the run goes on step by step, each enabled process in turn
            return roundRobin(s);
        }
        shell.out().println("running free to the end (Ctrl-C stops the run)");
        shell.out().flush();
        shell.stepStarting();
        try {
            s.run.runFree();
            return finish(s);
        } finally {
            shell.stepEnded();
        }
    }

    private boolean roundRobin(SteppedRun s) throws InterruptedException {
        shell.out().println("stepping each enabled process in turn until a breakpoint, the end or Ctrl-C");
        shell.stepStarting();
        try {
            boolean first = true;
            while (true) {
                List<String> enabled = s.snapshot().enabled();
                if (enabled.isEmpty()) return nobodyCanMove(s, true);
                int i = s.lastProcess == null ? 0 : enabled.indexOf(s.lastProcess) + 1;
                Stop stop = drive(s, enabled.get(i % enabled.size()), 1, first);
                first = false;
                if (stop != Stop.DONE) return stop != Stop.FAILED;
            }
        } finally {
            shell.stepEnded();
        }
    }

    boolean kill(List<String> args) throws InterruptedException {
        if (args.size() != 1) return builtins.usage("kill");
        SteppedRun s = running("kill");
        if (s == null) return false;
        String p = args.getFirst();
        if (s.snapshot().process(p) == null) {
            shell.error("/kill " + p + ": no process " + p + " (processes: " + String.join(", ", names(s)) + ")");
            return false;
        }
        s.run.kill(p);
        shell.out().println("killed " + p + " (SIGKILL): the run stops as for any crash, and removes what it made");
        finish(s);
        return true;
    }

    /** The stepped run, or null after saying there is none. */
    SteppedRun live(String cmd) {
        SteppedRun s = shell.session.stepped;
        if (s == null) {
            shell.error("/" + cmd + ": no stepped run; /start [FILE|VAR] starts one, held before its first operations");
            return null;
        }
        return s;
    }

    /** The stepped run if it has not ended, or null after saying why not. */
    private SteppedRun running(String cmd) {
        SteppedRun s = live(cmd);
        if (s != null && s.ended != null) {
            shell.error("/" + cmd + ": the run has ended (every process exited); /start begins another");
            return null;
        }
        return s;
    }

    private static List<String> names(SteppedRun s) {
        return s.snapshot().processes().stream().map(StepProcess::name).toList();
    }

    /** Stops the stepped run, if any, and waits until its objects are removed. */
    void endStepped(String why) throws InterruptedException {
        SteppedRun s = shell.session.stepped;
        if (s == null) return;
        shell.session.stepped = null;
        if (s.ended != null) return;
        s.run.stop();
        s.run.await();
        if (why != null)
            shell.out()
                    .println(
                            "stopped the stepped run of '" + s.loaded.scenario().name() + "' for " + why);
    }
}
