package ipclab.dsl;

import java.util.List;

/**
 * A scenario that cannot run: every problem found, sorted by line. The message is the diagnostics,
 * one per line, ready to print; callers print {@link #getMessage()}, never the stack trace.
 */
public final class ScenarioException extends Exception {
    private final List<Diagnostic> diagnostics;

    public ScenarioException(List<Diagnostic> diagnostics) {
        super(
                String.join(
                        "\n",
                        diagnostics.stream()
                                .sorted(Diagnostic.ORDER)
                                .map(Diagnostic::toString)
                                .toList()),
                null,
                false,
                false);
        this.diagnostics = diagnostics.stream().sorted(Diagnostic.ORDER).toList();
    }

    /** Sorted by line, then column. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
