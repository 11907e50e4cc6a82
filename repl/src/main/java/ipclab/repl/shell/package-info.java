/**
 * {@code ipclab repl}: the shell. One {@code CommandTable} of
 * {@code Command} rows, Java snippets through JShell's local engine
 * ({@code JavaEval}), JLine on a terminal and plain lines otherwise
 * ({@code Terminals}). Stepping: {@code StepCommands} ({@code /start}, {@code /step}, {@code /continue},
 * {@code /ps}, {@code /break}, {@code /kill}) drive the held run, a {@code SteppedRun}, with the session's
 * {@code Breakpoints}; {@code ChannelShow} renders {@code /show} from the engine's {@code Run.look}. Every call into loading, running and reporting goes
 * through {@code LabAdapter}, which calls the application layer ({@code ipclab.repl.app.Lab}). Internal: not an API.
 */
package ipclab.repl.shell;
