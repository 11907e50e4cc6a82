/**
 * Comparative claims across a sweep and their verdicts: {@link ipclab.dsl.verdict.ComparativeClaim}
 * parses {@code shm beats msgq in throughput from 16KiB up}, {@link ipclab.dsl.verdict.Evaluator}
 * weighs it against {@link ipclab.dsl.verdict.Measurements} (repeated samples per system, size
 * and figure, summarised by {@link ipclab.dsl.verdict.Samples}) and yields a
 * {@link ipclab.dsl.verdict.Verdict} with the figures that decide it. Nothing here runs anything.
 */
package ipclab.dsl.verdict;
