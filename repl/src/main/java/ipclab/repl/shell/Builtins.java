package ipclab.repl.shell;

import ipclab.dsl.Diagnostic;
import ipclab.dsl.ScenarioException;
import ipclab.dsl.model.Scenario;
import ipclab.dsl.plan.Plan;
import ipclab.repl.app.TextFiles;
import ipclab.repl.shell.Command.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The commands that work without stepping, as rows of the {@link CommandTable}. Stepping commands
 * ({@code /start}, {@code /step}, {@code /ps}...) join as rows of kind {@link Kind#STEP}.
 */
final class Builtins {
    private final Shell shell;
    private final Completers complete;

    private Builtins(Shell shell) {
        this.shell = shell;
        this.complete = new Completers(shell);
    }

    static CommandTable table(Shell shell) {
        Builtins b = new Builtins(shell);
        Completers c = b.complete;
        StepCommands st = new StepCommands(shell, b);
        ChannelShow show = new ChannelShow(shell);
        ScheduleCommands sc = new ScheduleCommands(shell, b, st);
        return new CommandTable()
                .add(new Command(
                        "load",
                        "FILE",
                        "Loads and validates a scenario file. YAML, or fluent Java (FILE.java, FILE.java#member); "
                                + "/run and /validate then take it. A Java snippet's scenario needs no /load: /run VAR.",
                        b::load,
                        c.files(),
                        Kind.SCENARIO))
                .add(new Command(
                        "validate",
                        "[FILE|VAR]",
                        "Checks a scenario without running it. Against the model and this kernel's limits: "
                                + "the loaded one (read again from its file), a file, or a Java variable.",
                        b::validate,
                        c.scenarios(),
                        Kind.SCENARIO))
                .add(new Command(
                        "run",
                        "[FILE|VAR]",
                        "Runs a scenario as real processes. As 'ipclab run' does, with the "
                                + "same table: the loaded one (read again from its file), a file, or a Java variable holding a "
                                + "Scenario. Ctrl-C stops the run and removes what it made. Java sees the report as $last.",
                        b::run,
                        c.scenarios(),
                        Kind.SCENARIO))
                .add(new Command(
                        "report",
                        "[--json FILE]",
                        "Shows the last run's report. The table again, or with --json its "
                                + "report as 'ipclab run --json' writes it.",
                        b::report,
                        c.option("--json"),
                        Kind.SCENARIO))
                .add(new Command(
                        "start",
                        "[--step] [--schedule random|pct [--seed N] [--depth D]] [FILE|VAR]",
                        "Starts a scenario held for stepping. Its processes are "
                                + "started, attached and held before their first operation on a kernel object or shared memory: "
                                + "the loaded one, a file, or a Java variable (a sweep's first combination). Then /step grants "
                                + "operations one at a time, /ps and /show look, /continue runs the rest. A stepped run that "
                                + "was going is stopped first. With --schedule, a seeded scheduler (random, or pct with bug depth D; "
                                + "seed 1 and depth 2 by default) picks whom a bare /step grants, and /continue lets it run to the end.",
                        st::start,
                        c.startArgs(),
                        Kind.STEP))
                .add(new Command(
                        "step",
                        "[PROCESS] [N]",
                        "Lets a process do its next operation. Exactly one (or N), "
                                + "each with its outcome: 'load(counter) ok value=0', 'msgrcv(q) would-block'. Without PROCESS, the "
                                + "process stepped last if it can still move, else the first that can. A call that would block "
                                + "is tried without blocking and leaves the process blocked until another acts on its channel. "
                                + "/step N stops early at a breakpoint or on Ctrl-C. At the prompt, an empty line repeats the last /step.",
                        st::step,
                        c.processes(),
                        Kind.STEP))
                .add(new Command(
                        "continue",
                        "",
                        "Runs the stepped run to its end, then shows its report. Free, at full "
                                + "speed; with breakpoints set, step by step (each enabled process in turn) until one is hit. "
                                + "Ctrl-C stops it.",
                        st::continueRun,
                        Command.ArgCompleter.NONE,
                        Kind.STEP))
                .add(new Command(
                        "back",
                        "[N]",
                        "Steps back N steps (1 by default), by deterministic re-execution: the "
                                + "held run is replaced by a fresh one, replayed to step n-N with every outcome checked, and /ps shows "
                                + "the state there. Ctrl-C stops the replay and leaves the run as it was.",
                        sc::back,
                        Command.ArgCompleter.NONE,
                        Kind.STEP))
                .add(new Command(
                        "trace",
                        "[--svg FILE]",
                        "Shows the stepped run's interleaving so far. As a text sequence "
                                + "diagram, one column per process; --svg FILE draws it to a file.",
                        sc::trace,
                        c.option("--svg"),
                        Kind.STEP))
                .add(new Command(
                        "record",
                        "FILE",
                        "Saves the stepped run's trace to FILE. The current run, or the last one "
                                + "when it has ended: its scenario, schedule and every step with its outcome. /replay replays it.",
                        sc::record,
                        c.files(),
                        Kind.STEP))
                .add(new Command(
                        "replay",
                        "[FILE]",
                        "Replays a trace and checks every step. FILE, else the one /record wrote or "
                                + "/explore found last, else the newest kept trace; says 'identical' or the first step that differs. "
                                + "Ctrl-C stops it.",
                        sc::replay,
                        c.files(),
                        Kind.STEP))
                .add(new Command(
                        "explore",
                        "[--runs N] [--strategy random|pct] [--depth D] [--seed S] [--shrink-runs K] [FILE|VAR]",
                        "Runs a "
                                + "scenario (the loaded one, a file or a Java variable) under N seeded schedules (20, random, seed 1 by default). Each run's outcome is printed; a "
                                + "schedule that refutes an expect: claim is shrunk (in at most K runs, 30 by default) and its trace saved (/replay replays it). Ctrl-C stops it.",
                        sc::explore,
                        c.exploreArgs(),
                        Kind.STEP))
                .add(new Command(
                        "ps",
                        "",
                        "Lists the stepped run's processes. Each with its role, pid, state (waiting to "
                                + "do OP on CHANNEL, blocked on OP since step k, exited with code) and counters; * marks those a "
                                + "/step may go to.",
                        st::ps,
                        Command.ArgCompleter.NONE,
                        Kind.STEP))
                .add(new Command(
                        "break",
                        "[PROCESS [OP] | CHANNEL FIELD N]",
                        "Sets a breakpoint, or lists them. "
                                + "'/break a store' stops before a's next store ('/break a': before any operation of a); "
                                + "'/break q messages 4' when queue q holds 4 messages; '/break counter counter 10' when the counter "
                                + "reaches 10; FIELD is one of " + String.join(", ", Breakpoints.FIELDS)
                                + ", read from the live "
                                + "objects after each step. /step N and /continue stop at them.",
                        st::breakpoint,
                        c.breakpoints(),
                        Kind.STEP))
                .add(new Command(
                        "delete",
                        "[N...]",
                        "Deletes breakpoints. By number, as /break lists them; all without N.",
                        st::delete,
                        Command.ArgCompleter.NONE,
                        Kind.STEP))
                .add(new Command(
                        "kill",
                        "PROCESS",
                        "Kills a process of the stepped run with SIGKILL. As a crash: the run "
                                + "stops, removes what it made, and its report names the process.",
                        st::kill,
                        c.processes(),
                        Kind.STEP))
                .add(new Command(
                        "show",
                        "CHANNEL [SLOT] [--hex]",
                        "Shows what a channel's kernel objects hold now. Read "
                                + "from the objects themselves: an shm ring's header, cursors and slots (decoded through its "
                                + "descriptor; SLOT, or LANE:SLOT, picks one, --hex dumps it), a counter's value, a message "
                                + "queue's IPC_STAT and the messages waiting (copied with MSG_COPY, not taken), a semaphore set's "
                                + "values and waiters, a TCP or UDP socket's queued bytes.",
                        show::show,
                        c.channels(),
                        Kind.INSPECT))
                .add(new Command(
                        "ipcs",
                        "[--mine] [--kind K,...] [--json]",
                        "Lists the kernel's System V objects. As 'ipclab ipcs' does.",
                        b::ipcs,
                        c.options("--mine", "--kind", "--json"),
                        Kind.INSPECT))
                .add(new Command(
                        "vars",
                        "",
                        "Lists the Java variables and the loaded scenario. Variables with their values.",
                        b::vars,
                        Command.ArgCompleter.NONE,
                        Kind.INSPECT))
                .add(new Command(
                        "history",
                        "",
                        "Lists what was entered in this session, numbered.",
                        b::history,
                        Command.ArgCompleter.NONE,
                        Kind.SESSION))
                .add(new Command(
                        "save",
                        "FILE",
                        "Saves the session as a script. Commands and Java, one per line, "
                                + "without /help, /vars, /history, /save; 'ipclab repl FILE' or /open runs it again.",
                        b::save,
                        c.files(),
                        Kind.SESSION))
                .add(new Command(
                        "open",
                        "FILE",
                        "Runs a script. Commands and Java, as typed; '#' starts a comment line.",
                        b::open,
                        c.files(),
                        Kind.SESSION))
                .add(new Command(
                        "help",
                        "[COMMAND|SUBJECT]",
                        "Lists the commands, or tells about one. Also about a " + "subject: "
                                + String.join(", ", Help.SUBJECTS.keySet()) + ".",
                        args -> new Help(shell).show(args),
                        c.helpTopics(),
                        Kind.SESSION))
                .add(new Command(
                        "exit",
                        "",
                        "Leaves the shell. So does Ctrl-D; a run in progress is stopped and cleaned up.",
                        b::exit,
                        Command.ArgCompleter.NONE,
                        Kind.SESSION))
                .add(new Command(
                        "timing",
                        "",
                        "How long start-up took: first prompt, JShell ready, first snippet.",
                        b::timing,
                        Command.ArgCompleter.NONE,
                        Kind.HIDDEN));
    }

    private boolean load(List<String> args) {
        if (args.size() != 1) return usage("load");
        Path file = Path.of(args.getFirst());
        try {
            List<LabAdapter.Loaded> l = shell.lab.load(file);
            shell.session.loaded = l;
            shell.session.loadedFrom = new Session.Source(args.getFirst(), false);
            for (LabAdapter.Loaded x : l) shell.out().println("loaded " + x.label() + ": " + summary(x));
            return true;
        } catch (ScenarioException e) {
            return diagnostics(e);
        }
    }

    private boolean validate(List<String> args) {
        List<LabAdapter.Loaded> l = resolve(args, "validate");
        if (l == null) return false;
        for (LabAdapter.Loaded x : l) shell.out().println("ok  " + x.label() + "  (" + summary(x) + ")");
        return true;
    }

    private boolean run(List<String> args) throws InterruptedException {
        List<LabAdapter.Loaded> l = resolve(args, "run");
        if (l == null) return false;
        for (String s : shell.lab.cleanStale()) shell.error("removed " + s + ", left by a run that died");
        List<LabAdapter.Outcome> outcomes = new ArrayList<>();
        int worst = 0;
        shell.runStarting();
        try {
            for (int k = 0; k < l.size() && !shell.stopRequested(); k++) {
                LabAdapter.Loaded x = l.get(k);
                if (l.size() > 1) shell.cli.err().println("scenario " + (k + 1) + "/" + l.size() + ": " + x.label());
                LabAdapter.Outcome o = shell.lab.run(x, shell.stop, shell.cli.err()::println);
                outcomes.add(o);
                shell.lab.table(o, shell.style()).forEach(shell.out()::println);
                worst = Math.max(worst, o.code());
            }
        } finally {
            shell.runEnded();
            if (!outcomes.isEmpty()) {
                shell.session.lastRun = List.copyOf(outcomes);
                shell.java.publish(shell.session.lastReport(), null, false);
            }
        }
        return worst == 0;
    }

    /** The scenarios a command's optional FILE|VAR argument names, or the loaded ones; null after printing why not. */
    List<LabAdapter.Loaded> resolve(List<String> args, String cmd) {
        if (args.size() > 1) {
            usage(cmd);
            return null;
        }
        Session.Source src = args.isEmpty() ? shell.session.loadedFrom : null;
        if (args.isEmpty() && src == null) {
            shell.error("/" + cmd + ": nothing loaded; /load FILE first, or /" + cmd + " FILE, or /" + cmd
                    + " VAR for a Scenario built in Java");
            return null;
        }
        String name = args.isEmpty() ? src.fileOrVar() : args.getFirst();
        try {
            if (isVar(name)) {
                Object v = shell.java.valueOf(name);
                if (!(v instanceof Scenario s)) {
                    shell.error("/" + cmd + " " + name + ": the variable holds "
                            + (v == null ? "null" : "a " + v.getClass().getSimpleName())
                            + ", not a Scenario (build one with Scenario.named(\"x\")...build())");
                    return null;
                }
                List<LabAdapter.Loaded> l = List.of(shell.lab.plan(name, s));
                shell.session.loaded = l;
                shell.session.loadedFrom = new Session.Source(name, true);
                return l;
            }
            List<LabAdapter.Loaded> l = shell.lab.load(Path.of(name));
            shell.session.loaded = l;
            shell.session.loadedFrom = new Session.Source(name, false);
            return l;
        } catch (ScenarioException e) {
            diagnostics(e);
            return null;
        }
    }

    /** A variable a snippet declared, and no file of that name here (scenario.yaml is a file, s a variable). */
    private boolean isVar(String name) {
        if (name.isEmpty()
                || !Character.isJavaIdentifierStart(name.charAt(0))
                || !name.chars().allMatch(Character::isJavaIdentifierPart)) return false;
        return !Files.exists(Path.of(name)) && shell.java.hasVar(name);
    }

    private boolean report(List<String> args) throws IOException {
        if (shell.session.lastRun.isEmpty()) {
            shell.error("/report: no run yet in this session; /run first");
            return false;
        }
        if (args.isEmpty()) {
            for (LabAdapter.Outcome o : shell.session.lastRun)
                shell.lab.table(o, shell.style()).forEach(shell.out()::println);
            return true;
        }
        if (args.size() != 2 || !args.getFirst().equals("--json")) return usage("report");
        Path f = Path.of(args.get(1));
        if (Files.isDirectory(f)) {
            shell.error("/report --json " + f + " is a directory; give a file name");
            return false;
        }
        try {
            Files.writeString(f, shell.session.lastJson() + "\n", StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            shell.error("/report --json " + f + ": the directory "
                    + f.toAbsolutePath().getParent() + " does not exist");
            return false;
        }
        shell.out().println("wrote " + f);
        return true;
    }

    private boolean ipcs(List<String> args) {
        shell.out().flush();
        return shell.lab.ipcs(shell.cli, args) == 0;
    }

    private boolean vars(List<String> args) {
        if (!args.isEmpty()) return usage("vars");
        if (shell.session.loadedFrom != null) {
            Session.Source s = shell.session.loadedFrom;
            for (LabAdapter.Loaded x : shell.session.loaded) {
                shell.out().println("loaded  " + x.label() + (s.isVar() ? " (variable)" : "") + ": " + summary(x));
            }
        }
        for (JavaEval.Var v : shell.java.vars()) shell.out().println(v.type() + " " + v.name() + " = " + v.value());
        return true;
    }

    private boolean history(List<String> args) {
        int n = 0;
        for (String s : shell.session.inputs) {
            n++;
            if (s != null) shell.out().printf("%4d  %s%n", n, s.replace("\n", "\n      "));
        }
        return true;
    }

    private boolean save(List<String> args) throws IOException {
        if (args.size() != 1) return usage("save");
        List<String> lines = new ArrayList<>();
        lines.add("# ipclab repl session; run it again with: ipclab repl " + args.getFirst());
        for (String s : shell.session.inputs) if (s != null) lines.add(s);
        Files.write(Path.of(args.getFirst()), lines, StandardCharsets.UTF_8);
        shell.out().println("saved " + (lines.size() - 1) + " inputs to " + args.getFirst());
        return true;
    }

    private boolean open(List<String> args) throws IOException {
        if (args.size() != 1) return usage("open");
        Path f = Path.of(args.getFirst());
        if (!Files.isRegularFile(f)) {
            shell.error("/open " + f + ": no such file");
            return false;
        }
        if (shell.session.openDepth >= Session.MAX_OPEN_DEPTH) {
            shell.error("/open " + f + ": scripts open scripts more than " + Session.MAX_OPEN_DEPTH
                    + " deep (does a script open itself?); not opened");
            return false;
        }
        byte[] bytes = Files.readAllBytes(f);
        TextFiles.NotUtf8 bad = TextFiles.firstNotUtf8(bytes);
        if (bad != null) {
            shell.error(f + ":" + bad.line() + ":" + bad.column() + ": not a text file: " + bad.describe()
                    + "; a script is UTF-8 text");
            return false;
        }
        int before = shell.session.failures;
        shell.session.openDepth++;
        try {
            String left = shell.execute(new String(bytes, StandardCharsets.UTF_8), f.toString(), 1);
            if (!left.isBlank())
                shell.fail(
                        f.toString(),
                        "unfinished Java at the end of the file: "
                                + left.strip().lines().findFirst().orElse(""));
        } finally {
            shell.session.openDepth--;
        }
        return shell.session.failures == before;
    }

    private boolean exit(List<String> args) {
        shell.requestExit();
        return true;
    }

    private boolean timing(List<String> args) {
        shell.out().println(shell.timing.describe());
        return true;
    }

    private boolean diagnostics(ScenarioException e) {
        for (Diagnostic d : e.diagnostics()) shell.error(d.toString());
        shell.session.lastError = e;
        return false;
    }

    boolean usage(String name) {
        Command c = ((CommandTable.Found) shell.table.find(name)).command();
        shell.error("usage: " + c.usage() + "  (/help " + name + ")");
        return false;
    }

    /** {@code 'hello': 2 processes, 1 channel} as after replicas; a sweep adds its number of runs. */
    static String summary(LabAdapter.Loaded x) {
        Plan first = x.plans().getFirst();
        String s = "scenario '" + x.scenario().name() + "', "
                + Values.count(first.processes().size(), "process", "processes") + ", "
                + Values.count(first.channels().size(), "channel", "channels");
        return x.sweep() ? s + ", " + x.plans().size() + " sweep runs" : s;
    }
}
