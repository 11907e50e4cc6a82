package ipclab.repl.shell;

import ipclab.repl.report.Style;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Map;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.Signals;

/**
 * The shell's two ways of reading: JLine on a terminal (prompt, completion, history, colour), or
 * plain lines when stdin is a pipe or a file (no prompt, no escape codes). Either way Ctrl-C
 * (SIGINT) goes to {@link Shell#interrupt}, and the end of input leaves the shell cleanly.
 */
@SuppressWarnings("try") // the dumb terminal is opened so that JLine never looks for a system one
final class Terminals {
    private Terminals() {}

    /** A script's text or {@code -c}'s commands. */
    static int runScript(Shell shell, String text, String where, int firstLine) throws IOException {
        try (Dumb d = dumb(shell)) {
            String left = shell.execute(text, where, firstLine);
            if (!left.isBlank())
                shell.fail(
                        where,
                        "unfinished Java at the end: "
                                + left.strip().lines().findFirst().orElse(""));
        }
        return shell.exitCode();
    }

    /** Reads stdin: with JLine when stdin and stdout are this process's terminal, else line by line. */
    static int interactive(Shell shell, Map<String, String> env) throws IOException {
        java.io.Console console = System.console();
        boolean tty = console != null && console.isTerminal();
        return tty ? onTerminal(shell, env) : piped(shell);
    }

    /**
     * The dumb terminal we build ourselves when there is no TTY: JLine would otherwise warn that it
     * is "unable to create a system terminal". Only its signal handling is used.
     */
    private static Dumb dumb(Shell shell) throws IOException {
        Terminal t = TerminalBuilder.builder()
                .system(true)
                .dumb(true)
                .type(Terminal.TYPE_DUMB)
                .build();
        // a dumb terminal does not catch SIGINT itself (the JVM would exit): catch it here while the terminal is open
        return new Dumb(t, Signals.register("INT", shell::interrupt));
    }

    /** The dumb terminal and the SIGINT handler that lives as long as it. */
    private record Dumb(Terminal terminal, Object sigint) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            Signals.unregister("INT", sigint);
            terminal.close();
        }
    }

    /**
     * SIGINT to {@link Shell#interrupt}, given when the system terminal is built: JLine catches a
     * native signal only if the builder had a handler (with the default it leaves the signal to the
     * JVM, which would end the shell).
     */
    private static Terminal.SignalHandler interrupts(Shell shell) {
        return signal -> {
            if (signal == Terminal.Signal.INT) shell.interrupt();
        };
    }

    private static int piped(Shell shell) throws IOException {
        try (Dumb d = dumb(shell)) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
            String pending = "";
            int lineNo = 0, pendingStart = 1;
            String line;
            while (!shell.exitRequested() && (line = in.readLine()) != null) {
                lineNo++;
                if (pending.isEmpty()) pendingStart = lineNo;
                pending = shell.execute(pending + line + "\n", "stdin", pendingStart);
            }
            if (!pending.isBlank())
                shell.fail(
                        "stdin:" + pendingStart,
                        "unfinished Java at the end of input: "
                                + pending.strip().lines().findFirst().orElse(""));
        }
        return shell.exitCode();
    }

    private static int onTerminal(Shell shell, Map<String, String> env) throws IOException {
        Path history = HistoryFile.prepare(env);
        try (Terminal t = TerminalBuilder.builder()
                .system(true)
                .nativeSignals(true)
                .signalHandler(interrupts(shell))
                .build()) {
            DefaultParser parser = new DefaultParser();
            parser.setEscapeChars(null); // else backslashes in Java string literals are eaten
            LineReader reader = LineReaderBuilder.builder()
                    .appName("ipclab")
                    .terminal(t)
                    .completer(new ShellCompleter(shell))
                    .parser(parser)
                    .variable(LineReader.HISTORY_FILE, history)
                    .variable(LineReader.HISTORY_FILE_SIZE, 10_000)
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // else '!' in Java is history expansion
                    .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
                    .build();
            Style style = shell.style();
            String prompt = style.paint(Style.Tone.HEAD, "ipclab> ");
            String more = style.paint(Style.Tone.DIM, "   ...> ");
            shell.out().println("ipclab repl: /help for commands, Java for the rest, Tab completes, Ctrl-D leaves.");
            shell.out().flush();
            String pending = "";
            try {
                while (!shell.exitRequested()) {
                    shell.timing.firstPrompt();
                    String line;
                    try {
                        line = reader.readLine(pending.isEmpty() ? prompt : more);
                    } catch (UserInterruptException e) {
                        pending = ""; // Ctrl-C at the prompt drops the line, as in a shell
                        continue;
                    } catch (EndOfFileException e) {
                        break;
                    }
                    if (pending.isEmpty()
                            && line.isBlank()
                            && shell.session.stepped != null
                            && shell.session.lastStep != null) {
                        line = shell.session.lastStep; // as in gdb: an empty line repeats the last /step
                    }
                    pending = shell.execute(pending + line + "\n", "input", 0);
                }
            } finally {
                reader.getHistory().save();
                HistoryFile.secure(history);
            }
        }
        return shell.exitCode();
    }
}
