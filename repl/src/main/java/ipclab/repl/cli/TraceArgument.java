package ipclab.repl.cli;

import ipclab.engine.trace.Trace;
import ipclab.engine.trace.TraceException;
import ipclab.repl.app.Lab;
import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/** The TRACE argument of {@code replay} and {@code trace show} (a picocli mixin): a trace file, by default the newest kept one. */
final class TraceArgument {
    @Parameters(index = "0", arity = "0..1", paramLabel = "TRACE", descriptionKey = "TRACE")
    Path trace;

    /** The trace, read; one that cannot be read (missing, another version, edited) is bad input, exit 2. */
    Trace read(Lab lab) {
        try {
            return lab.traces().read(trace);
        } catch (TraceException e) {
            throw new InputException(e.getMessage());
        }
    }
}
