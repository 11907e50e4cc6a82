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
     * A sweep's next run is about to start (not called for a scenario that runs once).
     *
     * @param index  1-based, over every run of the scenario (repeats included)
     * @param count  how many runs the scenario makes: combinations times repeats
     * @param params the combination: sweep path to value as written, e.g. {@code processes.producer.size=1KiB}, and,
     *               when the scenario repeats, {@code repeat=2/3}
     */
    default void runStarting(int index, int count, Map<String, String> params) {}

    /** Every run of the scenario is over ({@code count} of them). */
    default void finished(int count) {}

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
