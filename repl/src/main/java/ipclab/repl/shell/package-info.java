/**
 * {@code ipclab repl}: the shell. One {@code CommandTable} of
 * {@code Command} rows, Java snippets through JShell's local engine
 * ({@code JavaEval}), JLine on a terminal and plain lines otherwise
 * ({@code Terminals}). Every call into loading, running and reporting goes
 * through {@code LabAdapter}, which calls the application layer ({@code ipclab.repl.app.Lab}). Internal: not an API.
 */
package ipclab.repl.shell;
