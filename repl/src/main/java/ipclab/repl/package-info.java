/**
 * The repl module: the user's front of ipclab. {@link ipclab.repl.Main} is the {@code ipclab}
 * process's entry point (the launcher script runs it); everything else lives in the packages below,
 * which depend on each other in one direction only (a test holds it):
 *
 * <pre>
 *   ipclab.repl          Main                                        (entry point)
 *   ipclab.repl.shell    the interactive REPL                        (coming)
 *   ipclab.repl.cli      the command line: one picocli class per command
 *   ipclab.repl.app      the application layer: load, validate, clean, run, typed results  (API)
 *   ipclab.repl.report   tables and units for people, from the typed reports
 * </pre>
 *
 * API for other code (the REPL, scripts, tests): {@link ipclab.repl.Main#run} and the
 * {@code ipclab.repl.app} package. The rest is internal to this module and may change.
 */
package ipclab.repl;
