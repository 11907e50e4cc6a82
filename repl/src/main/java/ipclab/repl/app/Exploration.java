package ipclab.repl.app;

import ipclab.engine.schedule.Explorer;
import java.nio.file.Path;
import java.util.Map;

/**
 * What {@link Traces#explore} found.
 *
 * @param summary runs, distinct outcomes with their counts, failures (each shrunk)
 * @param saved   failing run number -> its shrunk trace's path (runs with the same outcome share one)
 */
public record Exploration(Explorer.Summary summary, Map<Integer, Path> saved) {
    public Exploration {
        saved = Map.copyOf(saved);
    }

    /** Told as exploring goes (on the caller's thread). */
    public interface Listener {
        Listener NONE = new Listener() {};

        /** Run {@code run} (1-based) is over. */
        default void ran(int run, ipclab.engine.schedule.ScheduledRun.Result r) {}

        /** A run refuted a claim or failed; {@code trace} is its shrunk trace, saved. */
        default void failed(Explorer.Failure f, Path trace) {}
    }
}
