/**
 * What people read: {@link ipclab.repl.report.RunTable} renders a run's or a sweep's typed report
 * ({@code RunReport}, the same records the JSON report is written from); {@code IpcsTable} and
 * {@code IpcsJson} the kernel's System V objects; {@code SchemaReference} the scenario reference in
 * Markdown; {@link ipclab.engine.run.Outcome} is the one rule for ok, refuted or failed. Below them,
 * {@code TextTable}, {@code Style} (colour, marks) and {@code Units} (ns/us/ms, KiB, k/M).
 *
 * <p>Used by the command line, the REPL and the bench tools; nothing here runs anything or reads
 * the environment. Not a stable API: layouts change with the tables.
 */
package ipclab.repl.report;
