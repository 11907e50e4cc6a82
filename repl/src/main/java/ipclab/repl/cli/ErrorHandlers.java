package ipclab.repl.cli;

import ipclab.dsl.model.Suggestions;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into one clean line on stderr and an exit code. A stack trace is printed
 * only with {@code --debug} or {@code IPCLAB_DEBUG=1}.
 */
final class ErrorHandlers implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {
    private final Cli cli;
    private final boolean debug;

    ErrorHandlers(Cli cli, boolean debug) {
        this.cli = cli;
        this.debug = debug;
    }

    /** Bad usage: the message, "Did you mean" when picocli has a guess, and where help is. Exit 2. */
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        PrintWriter err = cli.err();
        CommandLine cmd = ex.getCommandLine();
        err.println("ipclab: " + ex.getMessage());
        suggest(ex, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        if (debug) ex.printStackTrace(err);
        err.flush();
        return ExitCodes.USAGE;
    }

    /**
     * A mistyped command gets the closest command name (ipclab's one suggestion policy, the same
     * as for scenario keys, not picocli's list of every candidate); a mistyped option gets
     * picocli's suggestions.
     */
    private static void suggest(ParameterException ex, PrintWriter err) {
        if (!(ex instanceof UnmatchedArgumentException u)) return;
        CommandLine cmd = ex.getCommandLine();
        List<String> unmatched = u.getUnmatched();
        if (!u.isUnknownOption() && !cmd.getSubcommands().isEmpty() && !unmatched.isEmpty()) {
            List<String> names = Suggestions.commands(
                    unmatched.getFirst(), cmd.getSubcommands().keySet());
            String prefix = cmd.getCommandSpec().qualifiedName() + " ";
            if (!names.isEmpty())
                err.println("Did you mean: "
                        + String.join(" or ", names.stream().map(prefix::concat).toList()) + "?");
            return;
        }
        UnmatchedArgumentException.printSuggestions(ex, err);
    }

    /** A command threw: bad input gives exit 2, anything else exit 1; one line either way. */
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.err();
        err.println("ipclab " + cmd.getCommandName() + ": " + describe(ex));
        if (debug) ex.printStackTrace(err);
        else if (!(ex instanceof InputException))
            err.println("(run with --debug or IPCLAB_DEBUG=1 for the stack trace)");
        err.flush();
        return ex instanceof InputException ? ExitCodes.USAGE : ExitCodes.FAILURE;
    }

    static String describe(Throwable ex) {
        String m = ex.getMessage();
        if (m == null || m.isBlank()) return ex.getClass().getSimpleName();
        return m;
    }
}
