package ipclab.engine.schedule;

/**
 * Where a replay first left its trace.
 *
 * @param step      1-based step number
 * @param process   the process the trace granted at that step
 * @param operation the operation the trace recorded there (or {@code end} when the trace ended first)
 * @param expected  what the trace recorded
 * @param actual    what this run did
 */
public record Divergence(int step, String process, String operation, String expected, String actual) {
    /** {@code step 12, adder-2, store: expected store(counter) ok value=3, got store(counter) ok value=2}. */
    @Override
    public String toString() {
        return "step " + step + ", " + process + ", " + operation + ": expected " + expected + ", got " + actual;
    }
}
