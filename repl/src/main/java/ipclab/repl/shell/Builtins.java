package ipclab.repl.shell;

import ipclab.dsl.Diagnostic;
import ipclab.dsl.ScenarioException;
import ipclab.dsl.model.Scenario;
import ipclab.dsl.plan.Plan;
import ipclab.repl.app.TextFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the commands that work without stepping do ({@code /load}, {@code /run}, {@code /report},
 * {@code /vars}...); {@link ShellCommands} lists them with the stepping ones ({@link StepCommands},
 * {@link ScheduleCommands}, {@link ChannelShow}).
 */
final class Builtins {
    private final Shell shell;
    final Completers complete;

    Builtins(Shell shell) {
        this.shell = shell;
        this.complete = new Completers(shell);
    }

    boolean load(List<String> args) {
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

    boolean validate(List<String> args) {
        List<LabAdapter.Loaded> l = resolve(args, "validate");
        if (l == null) return false;
        for (LabAdapter.Loaded x : l) shell.out().println("ok  " + x.label() + "  (" + summary(x) + ")");
        return true;
    }

    boolean run(List<String> args) throws InterruptedException {
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

    boolean report(List<String> args) throws IOException {
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

    boolean ipcs(List<String> args) {
        shell.out().flush();
        return shell.lab.ipcs(shell.cli, args) == 0;
    }

    boolean vars(List<String> args) {
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

    boolean history(List<String> args) {
        int n = 0;
        for (String s : shell.session.inputs) {
            n++;
            if (s != null) shell.out().printf("%4d  %s%n", n, s.replace("\n", "\n      "));
        }
        return true;
    }

    boolean save(List<String> args) throws IOException {
        if (args.size() != 1) return usage("save");
        List<String> lines = new ArrayList<>();
        lines.add("# ipclab repl session; run it again with: ipclab repl " + args.getFirst());
        for (String s : shell.session.inputs) if (s != null) lines.add(s);
        Files.write(Path.of(args.getFirst()), lines, StandardCharsets.UTF_8);
        shell.out().println("saved " + (lines.size() - 1) + " inputs to " + args.getFirst());
        return true;
    }

    boolean open(List<String> args) throws IOException {
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

    boolean exit(List<String> args) {
        shell.requestExit();
        return true;
    }

    boolean timing(List<String> args) {
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
