package ipclab.repl.cli;

import ipclab.repl.report.Style;
import java.io.PrintWriter;
import java.util.Map;

/**
 * What every command needs from its surroundings: where to print, how to decorate, and the
 * environment. Made once by {@link ipclab.repl.Main} so that tests run commands in-process.
 *
 * @param out   results (tables, JSON)
 * @param err   diagnostics and errors
 * @param style colour and marks for {@code out}
 * @param env   environment variables (IPCLAB_DEBUG, NO_COLOR, ...)
 */
public record Cli(PrintWriter out, PrintWriter err, Style style, Map<String, String> env) {
    public Cli {
        env = Map.copyOf(env);
    }
}
