package ipclab.repl.cli;

import ipclab.dsl.Diagnostic;
import ipclab.dsl.ScenarioException;
import java.util.concurrent.Callable;

/**
 * What every ipclab command shares: the {@link Cli} it prints to, and how it tells a user that a
 * scenario is invalid. Exit codes are {@link ExitCodes}; errors thrown by {@code call()} are
 * {@link ErrorHandlers}' to print.
 */
public abstract class CliCommand implements Callable<Integer> {
    protected final Cli cli;

    protected CliCommand(Cli cli) {
        this.cli = cli;
    }

    /** Prints each problem of an invalid scenario on stderr ({@code file:line:col: path: message}); the count. */
    protected final int printProblems(ScenarioException e) {
        for (Diagnostic d : e.diagnostics()) cli.err().println(d);
        return e.diagnostics().size();
    }
}
