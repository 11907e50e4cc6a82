package ipclab.engine.run;

/** Progress of a run as it happens (for a progress line or the REPL). Called from engine threads; return quickly. */
@FunctionalInterface
public interface RunListener {
    /**
     * @param atMs    ms since the run started
     * @param process the process concerned, or null for the run
     * @param what    what happened
     * @param detail  free text
     */
    void event(long atMs, String process, RunEvent what, String detail);

    RunListener NONE = (atMs, process, what, detail) -> {};
}
