package ipclab.repl.cli;

/**
 * Bad input from the user (a missing file, an invalid scenario, a refused option value): one line
 * to stderr, no stack trace, exit code 2.
 */
public final class InputException extends RuntimeException {
    public InputException(String message) {
        super(message, null, false, false);
    }
}
