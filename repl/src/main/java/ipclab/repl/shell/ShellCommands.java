package ipclab.repl.shell;

import ipclab.repl.shell.Command.Kind;

/**
 * Every command of the shell as a row of the {@link CommandTable}: its name, arguments, help
 * text, completer and kind, and who does it ({@link Builtins} the commands that work without
 * stepping; {@link StepCommands}, {@link ScheduleCommands} and {@link ChannelShow} the stepping
 * ones, rows of kind {@link Kind#STEP}). {@code /help} and the completers read this table, so a
 * command's help lives here once.
 */
final class ShellCommands {
    private ShellCommands() {}

    static CommandTable of(Shell shell) {
        Builtins b = new Builtins(shell);
        Completers c = b.complete;
        StepCommands st = new StepCommands(shell, b);
        BreakCommands br = new BreakCommands(shell, b);
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
                        st.ps::show,
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
                        br::breakpoint,
                        c.breakpoints(),
                        Kind.STEP))
                .add(new Command(
                        "delete",
                        "[N...]",
                        "Deletes breakpoints. By number, as /break lists them; all without N.",
                        br::delete,
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
}
