/**
 * The application layer, shared by the command line and the REPL: {@link ipclab.repl.app.Lab}
 * loads a scenario (YAML, a Java file, or a {@code Scenario} object), which validates it; cleans
 * what dead runs left; runs it with {@link ipclab.repl.app.RunSettings} and a
 * {@link ipclab.repl.app.Progress} listener; and returns a typed {@link ipclab.repl.app.ScenarioResult}.
 * Nothing here prints or decides exit codes. Traces are {@link ipclab.repl.app.Traces}'s
 * ({@code lab.traces()}): {@code record} (free or under a scheduler, the trace kept), {@code read},
 * {@code replay} ({@link ipclab.repl.app.ReplayResult}), {@code explore}
 * ({@link ipclab.repl.app.Exploration}), {@code save}, {@code kept}; {@code Lab.rewind} is reverse step.
 *
 * The command line's changes to a scenario ({@code --repeat}, {@code --quick}, {@code -p}) are
 * {@link ipclab.repl.app.Overrides}; a comparison's parts become measurements and verdicts in
 * {@link ipclab.repl.app.ComparisonRuns}.
 *
 * <p>API: {@code Lab}, {@code Traces}, {@code LoadedScenario}, {@code RunSettings}, {@code Progress},
 * {@code ScenarioResult}, {@code Cleanup}, {@code Overrides}, {@code ComparisonRuns}, {@code RecordedRun}, {@code ReplayResult},
 * {@code Exploration}, {@code Version}. Internal (package-private): {@code ScenarioFiles} and
 * {@code JavaScenarios}, how files are read and Java files compiled; {@code Recording}, how a trace is made. {@code Lab} and its
 * {@code Traces} are the classes of the module that drive the engine (runs, clean-up, schedules).
 */
package ipclab.repl.app;
