package ipclab.repl.cli;

import ipclab.engine.run.Outcome;

/**
 * The exit codes of every ipclab command, the one table of them; scripts rely on them. The help
 * footers in {@code HelpText.properties} say the same in words.
 */
public final class ExitCodes {
    /** Everything worked (and every claim held). */
    public static final int OK = 0;
    /** The command or the run failed: loss, crash, timeout, leak, or an unexpected error. */
    public static final int FAILURE = 1;
    /** Bad usage or bad input: unknown option, invalid scenario, missing file. */
    public static final int USAGE = 2;
    /** {@code run}: the run worked but an {@code expect:} claim was refuted. */
    public static final int REFUTED = 3;
    /** {@code run}: interrupted by SIGINT (Ctrl-C) or SIGTERM; what was finished was reported, what was made removed. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {}

    /** The exit code of {@code run} for how its runs ended. */
    public static int of(Outcome outcome) {
        return switch (outcome) {
            case OK -> OK;
            case REFUTED -> REFUTED;
            case FAILED -> FAILURE;
        };
    }
}
