package ipclab.repl.app;

import ipclab.engine.run.RunEvent;
import java.util.Map;

/**
 * What {@link Lab#run} reports while it runs, for a progress line or the REPL. Both methods do
 * nothing by default; implement the ones you show.
 */
public interface Progress {
    /** No progress shown. */
    Progress NONE = new Progress() {};

    /**
     * A sweep's next combination is about to run (not called for a scenario without a sweep).
     *
     * @param index  1-based
     * @param count  how many combinations the sweep has
     * @param params the combination: sweep path to value as written, e.g. {@code processes.producer.size=1KiB}
     */
    default void runStarting(int index, int count, Map<String, String> params) {}

    /**
     * Something happened in the run: a worker spawned, got ready, exited... Called from the
     * engine's threads: return quickly.
     *
     * @param atMs    ms since the run started
     * @param process the process concerned, or null for the run itself
     * @param what    what happened
     * @param detail  free text, or null
     */
    default void event(long atMs, String process, RunEvent what, String detail) {}
}
