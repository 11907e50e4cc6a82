package ipclab.repl.shell;

import ipclab.repl.app.StopSignal;
import ipclab.repl.cli.Cli;
import ipclab.repl.report.Style;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;

/**
 * The shell without its terminal: takes text (a typed line, a script, {@code -c} commands) and
 * runs what it holds, in order. Text starting with {@code /} is a command, up to the end of the
 * line or a {@code ;}; {@code #} starts a comment line; anything else is Java, cut into
 * snippets by JShell's own analysis, so a {@code ;} inside Java stays Java.
 */
final class Shell implements AutoCloseable {
    /** Inputs that are not part of the session's work, so {@code /save} leaves them out. */
    private static final Set<String> NOT_SAVED = Set.of("save", "history", "exit", "help", "vars", "timing");

    final Cli cli;
    final Timing timing;
    final LabAdapter lab = new LabAdapter();
    final Session session = new Session();
    final JavaEval java;
    final CommandTable table;
    private final boolean debug;
    /** A /step N or /continue is under way: Ctrl-C stops it between grants. */
    private volatile boolean stepActive;

    private volatile boolean stepInterrupted;
    /** A /run is under way (perhaps still starting its workers, with no run yet). */
    private volatile boolean runActive;
    /** Ctrl-C during the current /run: stops the run going and any that starts from now on. */
    final StopSignal stop = new StopSignal();

    private volatile boolean exitRequested;

    /** @param warm build JShell in the background now (someone is typing), not on the first snippet */
    Shell(Cli cli, Timing timing, boolean debug, boolean warm) {
        this.cli = cli;
        this.timing = timing;
        this.debug = debug;
        this.java = new JavaEval(timing, warm);
        this.table = ShellCommands.of(this);
    }

    PrintWriter out() {
        return cli.out();
    }

    Style style() {
        return cli.style();
    }

    boolean exitRequested() {
        return exitRequested;
    }

    void requestExit() {
        exitRequested = true;
    }

    /**
     * Runs everything complete in {@code text}.
     *
     * @param where the text's origin for messages: {@code input}, or {@code FILE} with {@code firstLine}
     * @return an unfinished Java snippet left at the end (the caller asks for more lines), or ""
     */
    String execute(String text, String where, int firstLine) {
        int i = 0, line = firstLine;
        while (i < text.length() && !exitRequested) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                i++;
                continue;
            }
            if (Character.isWhitespace(c) || c == ';') {
                i++;
                continue;
            }
            int eol = text.indexOf('\n', i);
            if (eol < 0) eol = text.length();
            if (c == '#' || text.startsWith("//", i)) {
                i = eol;
                continue;
            }
            if (c == '/' && !text.startsWith("/*", i)) {
                int semi = text.indexOf(';', i);
                int end = semi >= 0 && semi < eol ? semi : eol;
                command(text.substring(i + 1, end).strip(), place(where, line));
                i = end;
                continue;
            }
            String rest = text.substring(i);
            String code = rest.substring(0, javaEnd(rest)); // Java never runs on into a command or a '#' line
            String[] snippet = java.firstSnippet(code);
            if (snippet == null) {
                if (code.length() == rest.length()) return rest;
                snippet = new String[] {code, ""}; // unfinished before a command: JShell says what is missing
            }
            if (snippet[0].isBlank()) return "";
            javaSnippet(snippet[0], place(where, line));
            int used = code.length() - snippet[1].length();
            line += count(rest.substring(0, used), '\n');
            i += used;
        }
        return "";
    }

    /** Where Java starting at 0 must end: before the first line that is a command ({@code /x}) or a {@code #} comment. */
    static int javaEnd(String text) {
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
            int j = nl + 1;
            while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) j++;
            if (j >= text.length()) break;
            char c = text.charAt(j);
            if (c == '#' || (c == '/' && !text.startsWith("/*", j) && !text.startsWith("//", j))) return nl + 1;
        }
        return text.length();
    }

    private static String place(String where, int line) {
        return line > 0 ? where + ":" + line : where;
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }

    /** One command line without its slash: {@code load scenarios/hello.yaml}. */
    void command(String line, String where) {
        List<String> words = Words.split(line);
        if (words.isEmpty()) {
            fail(where, "a command name must follow '/' (/help lists them)");
            return;
        }
        CommandTable.Lookup l = table.find(words.getFirst());
        if (!(l instanceof CommandTable.Found(Command c))) {
            fail(where, CommandTable.explain(l));
            return;
        }
        if (!NOT_SAVED.contains(c.name())) session.inputs.add("/" + line);
        else session.inputs.add(null); // kept for /history's numbering only
        try {
            if (!c.handler().run(words.subList(1, words.size()))) session.failures++;
        } catch (InterruptedException e) {
            Thread.interrupted();
            fail(where, "/" + c.name() + " interrupted");
        } catch (Exception | LinkageError e) {
            fail(
                    where,
                    "/" + c.name() + ": "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            session.lastError = e;
            if (debug) e.printStackTrace(cli.err());
        }
        cli.out().flush();
    }

    private void javaSnippet(String source, String where) {
        session.inputs.add(source.strip());
        java.publish(
                session.lastReport(), session.lastError, true); // a script's JShell may be newer than its last /run
        Throwable failed = java.eval(source, where, cli.out(), cli.err());
        timing.firstSnippet();
        if (failed != null) {
            session.failures++;
            session.lastError = failed;
            java.publish(null, failed, false);
        }
        cli.out().flush();
    }

    /** A failed command: one line on stderr, counted for the exit code. */
    void fail(String where, String message) {
        session.failures++;
        session.lastError = new IllegalArgumentException(message);
        cli.err()
                .println(style().paint(Style.Tone.BAD, "error: ")
                        + (where.equals("input") ? "" : where + ": ")
                        + message);
        cli.err().flush();
    }

    /** An error a command found and already counted itself; prints in the same shape as {@link #fail}. */
    void error(String message) {
        session.lastError = new IllegalStateException(message);
        cli.err().println(style().paint(Style.Tone.BAD, "error: ") + message);
        cli.err().flush();
    }

    /** A /run begins: from now on Ctrl-C is for it, even before its workers are started. */
    void runStarting() {
        stop.reset();
        runActive = true;
    }

    /** The /run is over. */
    void runEnded() {
        runActive = false;
    }

    boolean stopRequested() {
        return stop.requested();
    }

    /** A /step or /continue begins: from now on Ctrl-C stops it (the stepped run stays, held). */
    void stepStarting() {
        stepInterrupted = false;
        stepActive = true;
    }

    void stepEnded() {
        stepActive = false;
    }

    boolean stepInterrupted() {
        return stepInterrupted;
    }

    /** Ctrl-C: stops the run in progress (the engine removes what it made) or the snippet; the shell goes on. */
    void interrupt() {
        if (stepActive) {
            cli.err().println("stopping (Ctrl-C)...");
            cli.err().flush();
            stepInterrupted = true;
        } else if (runActive) {
            cli.err().println("stopping the run (Ctrl-C)...");
            cli.err().flush();
            stop.stop();
        } else {
            java.stop();
        }
    }

    int exitCode() {
        return session.failures == 0 ? 0 : 1;
    }

    /** Stops what is still running and closes JShell. */
    @Override
    public void close() {
        if (runActive) stop.stop();
        SteppedRun s = session.stepped;
        if (s != null) {
            session.stepped = null;
            s.run.stop(); // the engine removes what the run made; wait for it, so that nothing outlives the shell
            try {
                s.run.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        java.close();
    }
}
