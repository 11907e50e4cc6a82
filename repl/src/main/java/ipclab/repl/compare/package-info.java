/**
 * The comparison's report for people: from a {@link ipclab.repl.compare.Comparison} (what was
 * measured, the verdicts on the claims, the conditions of the measurement) it writes an output
 * folder with JSON, Markdown, charts (PNG and SVG, from JFreeChart) and one self-contained HTML
 * page. {@link ipclab.repl.compare.ConditionsCollector} reads the conditions from /proc.
 */
package ipclab.repl.compare;
