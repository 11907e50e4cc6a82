package ipclab.repl.shell;

import ipclab.engine.run.ProcessView;
import ipclab.engine.run.StepProcess;
import ipclab.engine.run.StepSnapshot;
import ipclab.engine.run.StepStatus;
import ipclab.repl.report.Style;
import ipclab.repl.report.TextTable;
import java.util.List;
import java.util.Map;

/** {@code /ps}: the stepped run's processes, each one's state and counters, and who may move next. */
final class PsCommand {
    private final Shell shell;
    private final Builtins builtins;
    private final StepCommands steps;

    PsCommand(Shell shell, Builtins builtins, StepCommands steps) {
        this.shell = shell;
        this.builtins = builtins;
        this.steps = steps;
    }

    boolean show(List<String> args) {
        if (!args.isEmpty()) return builtins.usage("ps");
        SteppedRun s = steps.live("ps");
        if (s == null) return false;
        StepSnapshot snap = s.snapshot();
        Map<String, ProcessView> views = s.views();
        TextTable t = new TextTable()
                .text("process")
                .text("role")
                .number("pid")
                .text("state")
                .text("counters");
        for (StepProcess p : snap.processes()) {
            ProcessView v = views.get(p.name());
            boolean enabled = p.status() == StepStatus.ENABLED;
            Style.Tone tone =
                    switch (p.status()) {
                        case ENABLED -> Style.Tone.GOOD;
                        case BLOCKED -> Style.Tone.WARN;
                        default -> Style.Tone.PLAIN;
                    };
            t.row()
                    .cell((enabled ? "* " : "  ") + p.name())
                    .cell(v == null ? "" : v.role())
                    .cell(v == null ? "" : Long.toString(v.pid()))
                    .cell(s.state(p, v), tone)
                    .cell(s.counters(p.name()));
        }
        t.render(shell.style()).forEach(shell.out()::println);
        List<String> enabled = snap.enabled();
        shell.out()
                .println("step " + snap.steps() + "; "
                        + (enabled.isEmpty()
                                ? (snap.deadlocked() ? "deadlock: nobody can move" : "no process is enabled")
                                : "enabled (*): " + String.join(", ", enabled)));
        return true;
    }
}
