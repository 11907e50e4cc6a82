package ipclab.engine.run;

import ipclab.dsl.plan.Plan;
import java.util.List;
import java.util.Map;

/**
 * What the supervisor holds when a run is over, from which {@link Figures} makes the report.
 *
 * @param workers      every worker, with what it reported (null if it sent no report)
 * @param setupNanos   the supervisor's setup cost by channel and step
 * @param counters     incrementer channels: the counter's final value, by channel
 * @param leaks        what should be gone and is not
 * @param failures     the failures so far (died, blocked, timeout, stopped, cleanup, leak)
 * @param trace        step mode: every grant, in order
 * @param goNanos      the start barrier opened (0: never)
 * @param endNanos     every worker was gone (0: not known)
 * @param startNanos   the run started
 * @param kept         {@link RunOptions#keep()}: the System V objects left on purpose
 * @param faults       the scenario's faults and what each did
 */
record RunEnd(
        Plan plan,
        List<Worker> workers,
        Map<String, Map<String, Long>> setupNanos,
        Map<String, Long> counters,
        List<String> leaks,
        List<RunReport.Failure> failures,
        List<TraceEntry> trace,
        long goNanos,
        long endNanos,
        long startNanos,
        List<RunReport.Kept> kept,
        List<RunReport.Injected> faults) {

    /** ms from the start to the end (or now, if the end is not known). */
    long atMs() {
        return ((endNanos == 0 ? System.nanoTime() : endNanos) - startNanos) / 1_000_000;
    }

    /** ms from the start barrier to the end; 0 if the barrier never opened. */
    long durationMs() {
        return goNanos == 0 ? 0 : ((endNanos == 0 ? System.nanoTime() : endNanos) - goNanos) / 1_000_000;
    }
}
