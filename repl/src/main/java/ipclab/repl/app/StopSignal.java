package ipclab.repl.app;

import ipclab.engine.run.Run;

/**
 * A request to stop what {@link Lab#run} is running (Ctrl-C in the REPL): the run going now is
 * stopped (its workers get "stop", its objects are removed and its report says so) and no further
 * combination of a sweep starts. A stop asked for before the run exists is remembered and applied
 * as soon as it starts, so a Ctrl-C while workers are still starting is not lost. Thread-safe.
 */
public final class StopSignal {
    private volatile boolean requested;
    private volatile Run current;

    /** Stops the current run, if any, and every later one. */
    public void stop() {
        requested = true;
        Run r = current;
        if (r != null) r.stop();
    }

    public boolean requested() {
        return requested;
    }

    /** Forgets an earlier stop: the next {@link Lab#run} starts afresh. */
    public void reset() {
        requested = false;
    }

    void started(Run run) {
        current = run;
        if (requested) run.stop();
    }

    void ended() {
        current = null;
    }
}
