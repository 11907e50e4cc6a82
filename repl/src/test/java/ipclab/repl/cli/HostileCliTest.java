package ipclab.repl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.engine.trace.Trace;
import ipclab.repl.FuzzDirs;
import ipclab.repl.Ipclab;
import ipclab.repl.StateDir;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-file corpus ({@code dsl/src/test/resources/broken} and {@code src/test/resources/hostile}:
 * alias bombs, deep nesting, huge numbers, duplicate keys, tabs, BOMs, NUL bytes, very long lines,
 * non-UTF-8, Java that does not compile) through {@code validate} and {@code run}: in-process for
 * every file, then through the real command line in a JVM of 256 MiB, where a hang or a memory blow-up
 * would show. Every file exits 2 with diagnostics of the form file:line:column and nothing that only an
 * exception prints. Hostile traces go through {@code ipclab replay} the same way.
 */
@Timeout(600)
@SuppressWarnings("try") // a StateDir works by being open
class HostileCliTest {
    /** What only a leaked exception prints; javac's own messages may name java.lang types. */
    private static final List<String> FRAMES =
            List.of("\tat ", "at ipclab.", "Exception", "Cannot invoke", "because \"", "is null", "Error:");

    @TempDir
    Path dir;

    static List<Path> corpus() throws Exception {
        List<Path> out = FuzzDirs.hostileCorpus();
        assertTrue(out.size() > 40, "the corpus is there: " + out.size());
        return out;
    }

    @Test
    void everyHostileFileIsRefusedWithPlacesInProcess() throws Exception {
        try (StateDir state = new StateDir()) {
            for (Path f : corpus()) {
                for (String verb : List.of("validate", "run")) {
                    Ipclab r = Ipclab.run(verb, f.toString());
                    assertEquals(2, r.code(), verb + " " + f + "\n" + r);
                    placed(r.err(), f, verb + " " + f);
                }
            }
        }
    }

    @Test
    void theRealCommandLineRefusesTheCorpusInBoundedTimeAndMemory() throws Exception {
        List<Path> files = corpus();
        List<String> args = new ArrayList<>(List.of("validate"));
        files.forEach(f -> args.add(f.toString()));
        Result v = cli(args);
        assertEquals(2, v.code, v.toString());
        for (Path f : files) assertTrue(v.err.contains(f.toString()), f + " is reported\n" + v);
        for (String line : v.err.split("\n")) {
            if (line.startsWith("ipclab: ") && line.contains(" is Java: loading it compiles it")) continue;
            if (line.matches("\\d+ problems in \\d+ of \\d+ files")) continue;
            assertTrue(
                    Pattern.compile("\\S+:\\d+:\\d+: .+|\\S+\\.java: .+")
                            .matcher(line)
                            .matches(),
                    line);
        }
        clean(v.err + v.out, "validate");
        for (String name : List.of("alias-bomb.yaml", "deep-flow.yaml", "NotCompiling.java")) {
            Path f = files.stream().filter(p -> p.endsWith(name)).findFirst().orElseThrow();
            Result r = cli(List.of("run", f.toString()));
            assertEquals(2, r.code, r.toString());
            placed(r.err, f, "run " + f);
        }
    }

    @Test
    void hostileTracesAreRefusedByTheRealCommandLineAndAHarmlessEditReplays() throws Exception {
        try (StateDir state = new StateDir()) {
            Path scenario = dir.resolve("race.yaml");
            Files.writeString(scenario, ScheduleCliTest.RACE);
            Path trace = dir.resolve("race.trace.jsonl");
            Ipclab rec = Ipclab.run(
                    "run", scenario.toString(), "--schedule", "random", "--seed", "7", "--record", trace.toString());
            assertTrue(Files.exists(trace), rec.toString());
            String text = Files.readString(trace);
            List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n")));

            Path cut = write("cut", text.substring(0, text.length() / 2));
            List<String> forged = new ArrayList<>(lines);
            forged.set(1, forged.get(1).replace("\"op\":", "\"op\":{\"deep\":[[[1]]]},\"was\":"));
            TraceMutator.reseal(forged);
            Path forgedFile = write("forged", String.join("\n", forged) + "\n");
            Path binary = dir.resolve("binary.trace.jsonl");
            Files.write(binary, new byte[] {(byte) 0xff, 0, (byte) 0x80, '{', '\n'});
            for (Path bad : List.of(cut, forgedFile, binary, dir)) {
                Result r = cli(List.of("replay", bad.toString()), state.dir());
                assertEquals(2, r.code, r.toString());
                assertEquals("", r.out, r.toString());
                assertEquals(1, r.err.lines().count(), r.toString());
                assertTrue(r.err.startsWith("ipclab replay: "), r.toString());
                clean(r.err, "replay " + bad);
            }

            // an unknown field added behind a matching hash changes nothing a replay uses
            List<String> harmless = new ArrayList<>(lines);
            harmless.set(1, harmless.get(1).replaceFirst("\\{", "{\"note\":\"added by hand\","));
            TraceMutator.reseal(harmless);
            Path ok = write("harmless", String.join("\n", harmless) + "\n");
            Result r = cli(List.of("replay", ok.toString()), state.dir());
            assertEquals(0, r.code, r.toString());
            assertTrue(r.out.contains(" identical ("), r.toString());
            assertFalse(Trace.sha256(text).equals(Trace.sha256(Files.readString(ok))), "the file was edited");
        }
    }

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name + ".trace.jsonl");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    /** Every line on stderr names the file with a line and a column (a Java notice aside); nothing an exception prints. */
    private static void placed(String err, Path f, String what) {
        assertFalse(err.isBlank(), what);
        Pattern p = Pattern.compile(Pattern.quote(f.toString()) + "(:\\d+:\\d+)?: .+");
        for (String line : err.split("\n")) {
            if (line.startsWith("ipclab: " + f + " is Java: loading it compiles it")) continue;
            assertTrue(p.matcher(line).matches(), what + ": a line without its place: " + line);
            if (!f.toString().endsWith(".java"))
                assertTrue(line.matches(Pattern.quote(f.toString()) + ":\\d+:\\d+: .+"), what + ": " + line);
        }
        clean(err, what);
    }

    private static void clean(String printed, String what) {
        for (String bad : FRAMES) assertFalse(printed.contains(bad), what + ": '" + bad + "' printed:\n" + printed);
    }

    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private Result cli(List<String> args) throws Exception {
        return cli(args, dir.resolve("state"));
    }

    /** {@code ipclab ARGS} as its own JVM of at most 256 MiB; two minutes bound a hang. */
    private Result cli(List<String> args, Path state) throws Exception {
        List<String> cmd = FuzzDirs.ipclabJvm(state, "-Xmx256m", "-Dipclab.data.dir=" + state.resolve("data"));
        cmd.addAll(args);
        Path out = Files.createTempFile(dir, "out", ".txt"), err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("ipclab " + args + " did not end within 2 minutes (a hang)");
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
