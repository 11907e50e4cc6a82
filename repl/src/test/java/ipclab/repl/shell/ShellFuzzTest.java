package ipclab.repl.shell;

import ipclab.dsl.fuzz.FuzzCheck;
import ipclab.repl.FuzzDirs;
import ipclab.repl.Ipclab;
import ipclab.repl.cli.Cli;
import ipclab.repl.report.Style;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile shell input ({@link ShellInputs}) through one shell's dispatcher, in-process, as typed
 * lines: each case answers within {@link FuzzCheck#TIMEOUT}, never prints a stack frame or an
 * exception's text (Java's own compile errors aside), and the shell stays usable ({@code /help load} still answers, nothing asked it to exit). Then the
 * same through {@code ipclab repl -c} and script files, and hostile scripts through {@code /open}.
 * Nothing may be left in the test's state directory. 600 typed cases and 100 {@code -c} cases in
 * the suite; 20,000 and 2,000 under the {@code long} tag.
 */
class ShellFuzzTest {
    /** Only an exception or a stack trace prints these; JShell's compile errors may name java.lang types. */
    private static final List<String> FRAMES =
            List.of("\tat ", "at ipclab.", "Exception:", "Exception ", "Cannot invoke", "because \"", "Error:");

    private static FuzzDirs dirs;
    private static Path dir;
    private static List<Path> hostile;
    private static StringWriter out, err;
    private static Shell shell;

    @BeforeContainer
    static void open() throws Exception {
        dirs = new FuzzDirs();
        dir = dirs.work();
        hostile = new ArrayList<>(FuzzDirs.hostileCorpus());
        for (Path f : hostile) {
            try {
                new ipclab.repl.app.Lab().load(f);
                throw new AssertionError(f + " loads: a hostile file the shell fuzz may run and write over must not");
            } catch (ipclab.dsl.ScenarioException refused) {
                // as it must be: /run, /start and /explore of it fail before anything runs
            }
        }
        int k = 0;
        for (String script : ShellInputs.scripts()) {
            Path f = dir.resolve("script" + k++ + ".repl");
            Files.writeString(f, script);
            hostile.add(f);
        }
        Path self = dir.resolve("self.repl");
        Files.writeString(self, "/help\n/open " + self + "\n");
        hostile.add(self);
        hostile.add(dir); // a directory
        out = new StringWriter();
        err = new StringWriter();
        shell = new Shell(
                new Cli(
                        new PrintWriter(out, true),
                        new PrintWriter(err, true),
                        Style.plain(StandardCharsets.UTF_8),
                        Map.of()),
                new Timing(),
                false,
                false);
    }

    @AfterContainer
    static void close() throws Exception {
        if (shell != null) shell.close();
        Path runs = dirs.state().runs();
        if (Files.isDirectory(runs)) {
            try (Stream<Path> s = Files.list(runs)) {
                List<Path> left = s.toList();
                if (!left.isEmpty()) throw new AssertionError("the shell fuzz left registry files: " + left);
            }
        }
        dirs.close();
    }

    @Property(tries = 600, shrinking = ShrinkingMode.OFF)
    void hostileInputNeverBreaksTheShell(@ForAll("inputs") String input) {
        typed(input);
    }

    @Property(tries = 100, shrinking = ShrinkingMode.OFF)
    void hostileCommandsThroughReplC(@ForAll("commands") String commands) {
        throughCli(commands);
    }

    @Tag("long")
    @Property(tries = 20_000, shrinking = ShrinkingMode.OFF)
    void muchMoreHostileInput(@ForAll("inputs") String input) {
        typed(input);
    }

    @Tag("long")
    @Property(tries = 2_000, shrinking = ShrinkingMode.OFF)
    void muchMoreThroughReplC(@ForAll("commands") String commands) {
        throughCli(commands);
    }

    /** Found by this test: a script that opens itself recursed until the JVM's stack overflowed. */
    @Example
    void aScriptThatOpensItselfStops() {
        Path self = hostile.stream()
                .filter(p -> p.endsWith("self.repl"))
                .findFirst()
                .orElseThrow();
        Ipclab r = FuzzCheck.within("self.repl", () -> Ipclab.run("repl", self.toString()));
        if (r.code() != 1 || !r.err().contains("/open " + self + ": scripts open scripts more than 16 deep"))
            throw new AssertionError(r.toString());
        clean(r.out() + r.err(), "self.repl");
    }

    /** Found by this test: a script that is not UTF-8 was refused with the decoder's "Input length = 1". */
    @Example
    void aScriptThatIsNotUtf8IsNamedByLineAndColumn() throws Exception {
        Path f = dir.resolve("latin1.repl");
        Files.write(f, "/help\n/load caf\u00e9.yaml\n".getBytes(StandardCharsets.ISO_8859_1));
        Ipclab r = Ipclab.run("repl", f.toString());
        if (r.code() != 2
                || !r.err()
                        .equals("ipclab repl: " + f + ":2:10: not a text file: byte 0xe9 at offset 15 is not UTF-8; "
                                + "a script is UTF-8 text\n")) throw new AssertionError(r.toString());
        Ipclab o = Ipclab.run("repl", "-c", "/open " + f);
        if (o.code() != 1 || !o.err().contains(f + ":2:10: not a text file")) throw new AssertionError(o.toString());
    }

    /** Found by this test: {@code /run ""} failed with a StringIndexOutOfBoundsException's text. */
    @Example
    void anEmptyQuotedArgumentIsAFileNameNotAnIndexError() {
        Ipclab r = Ipclab.run("repl", "-c", "/run ''");
        if (r.code() != 1 || r.err().contains("out of bounds")) throw new AssertionError(r.toString());
        clean(r.err(), "/run ''");
    }

    @Provide
    Arbitrary<String> inputs() {
        return ShellInputs.input(hostile, dir);
    }

    @Provide
    Arbitrary<String> commands() {
        return ShellInputs.commandLine(hostile, dir)
                .list()
                .ofMinSize(1)
                .ofMaxSize(4)
                .map(l -> String.join("; ", l));
    }

    private static void typed(String input) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        String what = "input " + quoted(input);
        String left = FuzzCheck.within(what, () -> shell.execute(input, "input", 0));
        if (!left.isEmpty())
            FuzzCheck.within(what, () -> shell.execute(left + "\n;", "input", 0)); // end what is unfinished
        clean(out + "\n" + err, what + "\n--- out\n" + out + "--- err\n" + err);
        if (shell.exitRequested()) throw new AssertionError(what + ": the shell was asked to exit");
        out.getBuffer().setLength(0);
        FuzzCheck.within(what, () -> shell.execute("/help load", "input", 0));
        if (!out.toString().contains("/load FILE"))
            throw new AssertionError(what + ": the shell does not answer /help load any more:\n" + out + err);
    }

    private static void throughCli(String commands) {
        String what = "ipclab repl -c " + quoted(commands);
        Ipclab r = FuzzCheck.within(what, () -> Ipclab.run("repl", "-c", commands));
        if (r.code() != 0 && r.code() != 1) throw new AssertionError(what + ": exit " + r.code() + "\n" + r);
        clean(r.out() + r.err(), what + "\n" + r);
    }

    private static void clean(String text, Object what) {
        // /vars shows $err, the last error as a Java value, and so does typing $err (JShell's echo,
        // "$err ==> java.lang.IllegalArgumentException: no command ..."): its class is the user's to see
        String printed = text.replaceAll("(?m)^Throwable \\$err = .*$", "").replaceAll("(?m)^\\$err ==> .*$", "");
        for (String bad : FRAMES) {
            if (printed.contains(bad)) throw new AssertionError(what + ": '" + bad.strip() + "' printed");
        }
    }

    private static String quoted(String s) {
        String q = s.length() > 300 ? s.substring(0, 300) + "...(" + s.length() + " chars)" : s;
        return "'" + q.replace("\n", "\\n").replace("\u0000", "\\0") + "'";
    }
}
