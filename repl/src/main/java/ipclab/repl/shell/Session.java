package ipclab.repl.shell;

import ipclab.engine.run.RunReport;
import java.util.ArrayList;
import java.util.List;

/**
 * What the shell remembers between commands: the loaded scenarios, the last run, the inputs
 * (for {@code /history} and {@code /save}) and whether anything failed (the exit code of a script).
 */
final class Session {
    /** What {@code /run} and {@code /validate} take without an argument: a file, or a Java variable. */
    record Source(String fileOrVar, boolean isVar) {}

    Source loadedFrom;
    List<LabAdapter.Loaded> loaded = List.of();
    /** The last {@code /run}: one outcome per scenario it ran. */
    List<LabAdapter.Outcome> lastRun = List.of();
    /** The last error, for {@code $err}. */
    Throwable lastError;

    final List<String> inputs = new ArrayList<>();
    /** The run {@code /start} started and {@code /step} drives, or null. */
    SteppedRun stepped;
    /** The trace /record wrote or /explore found last: what a bare /replay replays (null: the newest kept one). */
    java.nio.file.Path lastTrace;
    /** The breakpoints; they outlive a run. */
    final Breakpoints breaks = new Breakpoints();
    /** The last {@code /step} as typed: an empty line at the prompt repeats it. */
    String lastStep;

    int failures;

    /** How deep {@code /open} is in scripts opening scripts: a script that opens itself stops at {@link #MAX_OPEN_DEPTH}. */
    int openDepth;

    static final int MAX_OPEN_DEPTH = 16;

    /** The last report of the last run, for {@code $last}. */
    RunReport lastReport() {
        if (lastRun.isEmpty()) return null;
        List<RunReport> rs = lastRun.getLast().reports();
        return rs.isEmpty() ? null : rs.getLast();
    }

    /** The JSON {@code ipclab run --json} writes for the same run: an array when it ran several scenarios. */
    String lastJson() {
        if (lastRun.size() == 1) return lastRun.getFirst().json();
        return "[\n"
                + String.join(
                        ",\n", lastRun.stream().map(LabAdapter.Outcome::json).toList()) + "\n]";
    }
}
