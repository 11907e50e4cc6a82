package ipclab.repl.app;

/**
 * How {@link Lab#run} runs a scenario. Start from {@link #defaults()}.
 *
 * @param keep     leave the run's System V objects in the kernel at the end (the leak lesson); they stay in the run
 *                 registry, so {@code ipclab ipcs --mine} lists them and {@link Lab#cleanStale()} removes them
 * @param progress told about each sweep combination and each event of a run
 * @param stop     stops the run going and every later one (Ctrl-C); {@code null}: none
 */
public record RunSettings(boolean keep, Progress progress, StopSignal stop) {
    public RunSettings {
        if (progress == null) progress = Progress.NONE;
    }

    /** Remove everything at the end; no progress. */
    public static RunSettings defaults() {
        return new RunSettings(false, Progress.NONE, null);
    }

    public RunSettings withKeep(boolean v) {
        return new RunSettings(v, progress, stop);
    }

    public RunSettings withProgress(Progress v) {
        return new RunSettings(keep, v, stop);
    }

    public RunSettings withStop(StopSignal v) {
        return new RunSettings(keep, progress, v);
    }
}
