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
    /** Where to print; given by {@link Commands} when it registers the command, before picocli calls it. */
    protected Cli cli;

    /** This command, printing to {@code cli}. */
    final CliCommand on(Cli cli) {
        this.cli = cli;
        return this;
    }

    /** Prints each problem of an invalid scenario on stderr ({@code file:line:col: path: message}); the count. */
    protected final int printProblems(ScenarioException e) {
        for (Diagnostic d : e.diagnostics()) cli.err().println(d);
        return e.diagnostics().size();
    }
}
