package ipclab.repl.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Hostile shell input for {@link ShellFuzzTest}: command lines (every command of the table, prefixes,
 * unknown names, bad options, huge and negative numbers, unbalanced quotes, control characters,
 * very long words, hostile files to {@code /load}, {@code /open} and {@code /validate}) and Java
 * that does not compile. Nothing generated here can start a run: every file it names fails to
 * load, and no snippet builds a scenario, so each case costs milliseconds. {@code /exit} is left
 * out (it ends the shell on purpose) and {@code /save} writes only into {@code dir}.
 */
final class ShellInputs {
    private ShellInputs() {}

    /** Every command of the table but exit and save, and near misses. */
    static final List<String> NAMES = List.of(
            "load",
            "validate",
            "run",
            "report",
            "start",
            "step",
            "continue",
            "back",
            "trace",
            "record",
            "replay",
            "explore",
            "ps",
            "break",
            "delete",
            "kill",
            "show",
            "ipcs",
            "vars",
            "history",
            "open",
            "help",
            "timing",
            "l",
            "s",
            "re",
            "st",
            "e",
            "lo",
            "xyz",
            "RUN",
            "load2",
            "",
            " ",
            "/",
            "//x",
            "-",
            "--help",
            "?",
            "ex\u0000it",
            "\u001b[2J",
            "r\u00e9port",
            "\u202eload",
            "x".repeat(5000));

    static final List<String> WORDS = List.of(
            "",
            "''",
            "\"\"",
            "'unbalanced",
            "\"unbalanced",
            "a'b\"c",
            "--json",
            "--svg",
            "--seed",
            "--depth",
            "--runs",
            "--strategy",
            "--schedule",
            "--step",
            "--hex",
            "--mine",
            "--kind",
            "--kind=msg,shm,nope",
            "--nope",
            "-x",
            "-1",
            "0",
            "1",
            "2",
            "-2147483649",
            "2147483648",
            "9223372036854775807",
            "99999999999999999999999999",
            "1e309",
            "NaN",
            "0x10",
            "random",
            "pct",
            "counter",
            "q",
            "a",
            "load",
            "x.y",
            "s",
            "$last",
            "$err",
            "\u0000",
            "\t",
            "\u0007\u0008\u007f",
            "\u001b[31mred",
            "\u00e9\u6f22\ud83d\ude00",
            "\ud800",
            "\u2028",
            "w".repeat(10_000),
            "no-such-file.yaml",
            "no/such/dir/x.yaml",
            "/",
            "/proc/self/status",
            "/dev/null",
            "/dev/zero",
            "/dev/urandom",
            "Nope.java",
            "Nope.java#x",
            "#",
            ";");

    /** Java that does not compile, or is only half there: JShell says why, the shell goes on. */
    static final List<String> JAVA = List.of(
            "int x = ;",
            "class {",
            "}}}}",
            "\"unterminated",
            "var s = scenario(",
            "scenario(\"x\").channel(msgq(\"q\")).build(",
            "new Object() {{{",
            "import nope.Nope;",
            "int int = 1;",
            "x +* 2",
            "/* unclosed comment",
            "\u0000",
            "'c",
            "String s = \"\\u00\";",
            "List<> l;",
            "var v = 1; var v = 2; v..toString()");

    /** One command line, possibly several joined by ';'. */
    static Arbitrary<String> commandLine(List<Path> hostileFiles, Path dir) {
        Arbitrary<String> name =
                Arbitraries.oneOf(Arbitraries.of(NAMES), Arbitraries.strings().ofMaxLength(8));
        Arbitrary<String> word = Arbitraries.oneOf(
                Arbitraries.of(WORDS),
                Arbitraries.of(WORDS),
                Arbitraries.of(hostileFiles).map(Path::toString),
                Arbitraries.strings().all().ofMaxLength(12));
        Arbitrary<String> command = Combinators.combine(name, word.list().ofMaxSize(4))
                .as((n, ws) -> "/" + n + (ws.isEmpty() ? "" : " " + String.join(" ", ws)));
        Arbitrary<String> fileCommand = Combinators.combine(
                        Arbitraries.of("load", "validate", "open", "run", "start", "explore", "replay"),
                        Arbitraries.of(hostileFiles))
                .as((n, f) -> "/" + n + " " + f);
        Arbitrary<String> save = Arbitraries.of(WORDS)
                .filter(w -> !w.isBlank() && !w.contains("/") && !w.contains("\u0000") && !w.startsWith("-"))
                .map(w -> "/save " + dir.resolve("saved-" + Math.abs(w.hashCode())));
        return Arbitraries.oneOf(command, command, fileCommand, save);
    }

    /** A line of input: commands, Java that does not compile, or both on separate lines. */
    static Arbitrary<String> input(List<Path> hostileFiles, Path dir) {
        Arbitrary<String> commands =
                commandLine(hostileFiles, dir).list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("; ", l));
        Arbitrary<String> java = Arbitraries.of(JAVA);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, commands),
                net.jqwik.api.Tuple.of(2, java),
                net.jqwik.api.Tuple.of(1, Combinators.combine(java, commands).as((j, c) -> j + "\n" + c)));
    }

    /** Hostile script files: what {@code /open} and {@code ipclab repl FILE} are given. */
    static List<String> scripts() {
        List<String> out = new ArrayList<>();
        out.add("");
        out.add("/help\n/nope\nint x = ;\n# comment\n/vars");
        out.add("/load\n/run\n/step\n/continue\n/back 99999999999\n/kill nobody");
        out.add("\"unterminated\n/help");
        return out;
    }
}
