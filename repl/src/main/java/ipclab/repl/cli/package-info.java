/**
 * The {@code ipclab} command line (picocli): one class per command ({@code RunCommand},
 * {@code ReplayCommand}, {@code ExploreCommand}, {@code RunsCommand}, {@code TraceCommand}, {@code ValidateCommand}, {@code SchemaCommand}, {@code IpcsCommand}, {@code CleanCommand}),
 * registered once in {@link ipclab.repl.cli.Commands}; the help text of every command and option
 * (the REPL's {@code repl} command's too) in one picocli resource bundle,
 * {@code src/main/resources/ipclab/repl/cli/HelpText.properties}; {@link ipclab.repl.cli.ExitCodes} is the one
 * table of exit codes; {@code ErrorHandlers} turns every failure into one line and an exit code.
 * Commands do their work through {@code ipclab.repl.app} and print through {@code ipclab.repl.report}
 * (a comparison's verdicts and report folder through {@code ipclab.repl.compare}: {@code ComparisonReport});
 * {@code ProgressPrinter} shows a sweep's progress (a bar on a terminal, lines otherwise).
 *
 * <p>Internal: the command classes are this module's, not an API. {@code Commands.commandLine}
 * and {@code Commands.names} are for {@code Main} and the REPL (running and completing commands).
 */
package ipclab.repl.cli;
