package ipclab.repl.shell;

import ipclab.engine.protocol.StepOp;
import java.util.List;

/**
 * {@code /break} and {@code /delete}: the session's {@link Breakpoints} (they outlive a run);
 * {@link StepCommands} checks them as it steps.
 */
final class BreakCommands {
    private final Shell shell;
    private final Builtins builtins;

    BreakCommands(Shell shell, Builtins builtins) {
        this.shell = shell;
        this.builtins = builtins;
    }

    boolean breakpoint(List<String> args) {
        Breakpoints bs = shell.session.breaks;
        if (args.isEmpty()) {
            if (bs.isEmpty()) shell.out().println("no breakpoints (/help break)");
            bs.all().forEach((n, b) -> shell.out().printf("%3d  %s%n", n, b));
            return true;
        }
        Breakpoints.Break b;
        if (args.size() == 3) {
            if (!Breakpoints.FIELDS.contains(args.get(1))) {
                shell.error("/break " + args.get(0) + " " + args.get(1) + ": watch one of "
                        + String.join(", ", Breakpoints.FIELDS));
                return false;
            }
            if (!args.get(2).matches("-?\\d+")) return builtins.usage("break");
            b = new Breakpoints.Reaches(args.get(0), args.get(1), Long.parseLong(args.get(2)));
        } else if (args.size() <= 2) {
            StepOp op = null;
            if (args.size() == 2) {
                try {
                    op = StepOp.ofWire(args.get(1));
                } catch (IllegalArgumentException e) {
                    shell.error("/break " + String.join(" ", args) + ": " + e.getMessage());
                    return false;
                }
            }
            b = new Breakpoints.BeforeOp(args.get(0), op);
        } else {
            return builtins.usage("break");
        }
        shell.out().println("breakpoint " + bs.add(b) + ": " + b);
        return true;
    }

    boolean delete(List<String> args) {
        Breakpoints bs = shell.session.breaks;
        if (args.isEmpty()) {
            bs.clear();
            shell.out().println("deleted every breakpoint");
            return true;
        }
        for (String a : args) {
            if (!a.matches("\\d+") || !bs.delete(Integer.parseInt(a))) {
                shell.error("/delete " + a + ": no breakpoint " + a + " (/break lists them)");
                return false;
            }
        }
        shell.out().println("deleted " + String.join(", ", args));
        return true;
    }
}
