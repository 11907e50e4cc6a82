package ipclab.repl;

import ipclab.repl.app.PrivateFiles;
import ipclab.repl.cli.Cli;
import ipclab.repl.cli.Commands;
import ipclab.repl.cli.DebugFlag;
import ipclab.repl.cli.ExitCodes;
import ipclab.repl.report.Style;
import ipclab.repl.shell.ReplCommand;
import java.io.Console;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * The {@code ipclab} command line. {@link #run} does everything and returns the exit code, so
 * tests call it in-process; {@link #main} only exits with it.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        System.exit(code);
    }

    /** Runs {@code ipclab args...} with the process's environment. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, System.getenv());
    }

    /**
     * Runs {@code ipclab args...}. Colour is used only when {@code out} is this process's own
     * terminal and {@code NO_COLOR} is unset or empty.
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        Console console = System.console();
        boolean tty = out == System.out && console != null && console.isTerminal();
        Style style = Style.forOutput(tty, env.get("NO_COLOR"), out.charset());
        PrintWriter o = new PrintWriter(new OutputStreamWriter(out, out.charset()), true);
        PrintWriter e = new PrintWriter(new OutputStreamWriter(err, err.charset()), true);
        Cli cli = new Cli(o, e, style, env);
        boolean debug = DebugFlag.requested(args, env);
        PrivateFiles.fromNowOn();
        try {
            return Commands.commandLine(cli, debug, List.of(ReplCommand::new)).execute(args);
        } catch (RuntimeException | Error ex) {
            // picocli itself failed (a bug in a command's annotations): still one line
            e.println("ipclab: internal error: " + ex);
            if (debug) ex.printStackTrace(e);
            return ExitCodes.FAILURE;
        } finally {
            o.flush();
            e.flush();
        }
    }
}
