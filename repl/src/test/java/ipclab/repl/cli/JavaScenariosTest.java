package ipclab.repl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ipclab.repl.Ipclab;
import ipclab.repl.StateDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ipclab run/validate FILE.java}: scenarios in fluent Java, compiled in process, run like YAML ones. */
@SuppressWarnings("try") // a StateDir works by being open
class JavaScenariosTest {
    static final String EXAMPLES = "../examples/";

    @Test
    void everyExampleValidatesOneLinePerScenario() throws Exception {
        List<String> files;
        try (Stream<Path> s = Files.list(Path.of(EXAMPLES))) {
            files = s.map(Path::toString)
                    .filter(f -> f.endsWith(".java"))
                    .sorted()
                    .toList();
        }
        String[] args = Stream.concat(Stream.of("validate"), files.stream()).toArray(String[]::new);
        Ipclab r = Ipclab.run(args);
        assertEquals(0, r.code(), r.toString());
        assertEquals("", problems(r));
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.stream().allMatch(l -> l.startsWith("ok  " + EXAMPLES)), r.out());
        // a file with scenario() gives one line; one without gives each of its scenarios, in source order
        assertTrue(lines.contains("ok  ../examples/Hello.java  (2 processes, 1 channel)"), r.out());
        int sweep = lines.indexOf("ok  ../examples/Race.java#sweep  (2 processes, 1 channel, 3 sweep runs)");
        int sem = lines.indexOf("ok  ../examples/Race.java#withSemaphore  (2 processes, 1 channel)");
        assertTrue(sweep >= 0 && sem == sweep + 1, r.out());
        assertTrue(lines.contains("ok  ../examples/PingPong.java#all[tcp]  (2 processes, 1 channel)"), r.out());
    }

    @Test
    void aMemberCanBePicked() {
        Ipclab r = Ipclab.run("validate", EXAMPLES + "Race.java#withSemaphore", EXAMPLES + "PingPong.java#all[pipe]");
        assertEquals(0, r.code(), r.toString());
        assertEquals(
                "ok  ../examples/Race.java#withSemaphore  (2 processes, 1 channel)\n"
                        + "ok  ../examples/PingPong.java#all[pipe]  (2 processes, 1 channel)\n",
                r.out());
    }

    @Test
    void aMissingMemberNamesTheOnesThere() {
        Ipclab r = Ipclab.run("validate", EXAMPLES + "Race.java#nope", EXAMPLES + "PingPong.java#all[carrier-pigeon]");
        assertEquals(2, r.code(), r.toString());
        assertEquals(
                "../examples/Race.java: no public static Scenario nope() method or field nope; it has sweep, withSemaphore\n"
                        + "../examples/PingPong.java: all() has no scenario carrier-pigeon; it has msgq, shm-spin, shm-semaphore, unix, tcp, pipe\n"
                        + "2 problems in 2 of 2 files\n",
                problems(r));
    }

    @Test
    void compileErrorsAreFileLineColumnAndNothingRuns(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("Broken.java");
        Files.writeString(f, """
                import ipclab.dsl.model.Scenario;
                public class Broken {
                    public static Scenario scenario() {
                        return Scenario.named("broken").foo();
                    }
                    int x = "s";
                }
                """);
        Path json = dir.resolve("r.json");
        try (StateDir state = new StateDir()) {
            Ipclab r = Ipclab.run("run", f.toString(), "--json", json.toString());
            assertEquals(2, r.code(), r.toString());
            assertEquals("", r.out());
            assertEquals(
                    f
                            + ":4:40: cannot find symbol, symbol: method foo(), location: class ipclab.dsl.model.ScenarioBuilder\n"
                            + f + ":6:13: incompatible types: java.lang.String cannot be converted to int\n",
                    problems(r));
            assertFalse(Files.exists(json));
            assertFalse(Files.exists(state.runs()), "nothing registered, so nothing created");
        }
        Ipclab v = Ipclab.run("validate", f.toString());
        assertEquals(2, v.code(), v.toString());
        assertTrue(problems(v).startsWith(f + ":4:40: cannot find symbol"), problems(v));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(
                    List.of("Broken.java"),
                    s.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no classes left next to the source");
        }
    }

    @Test
    void aFileWithoutAScenarioSaysWhatToAdd(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("Nothing.java");
        Files.writeString(f, "public class Nothing { public static int answer() { return 42; } }\n");
        Ipclab r = Ipclab.run("run", f.toString());
        assertEquals(2, r.code(), r.toString());
        assertEquals(
                f + ": no public static Scenario scenario() method; add one that returns the scenario, "
                        + "e.g. public static Scenario scenario() { return Scenario.named(\"demo\")...build(); }\n",
                problems(r));
    }

    @Test
    void aScenarioThatDoesNotPlanIsReportedAtItsBuilderCall(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("Lonely.java");
        Files.writeString(f, """
                import static ipclab.dsl.Scenarios.*;
                import ipclab.dsl.model.Scenario;
                public class Lonely {
                    public static Scenario scenario() {
                        return Scenario.named("lonely").channel(msgq("q")).process(writer("w").channel("q")).build();
                    }
                }
                """);
        try (StateDir state = new StateDir()) {
            Ipclab r = Ipclab.run("run", f.toString());
            assertEquals(2, r.code(), r.toString());
            // the builder call that added the channel, in the file as the user named it
            assertEquals(
                    f
                            + ":5: channels.q: channel q has writers (w) but no reader; add a process with role: reader and channel: q\n",
                    problems(r));
            assertFalse(Files.exists(state.runs()));
        }
    }

    @Test
    void aScenarioMethodThatThrowsIsAnInputError(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("Throws.java");
        Files.writeString(f, """
                import ipclab.dsl.model.Scenario;
                public class Throws {
                    public static Scenario scenario() { throw new IllegalStateException("not today"); }
                }
                """);
        Ipclab r = Ipclab.run("validate", f.toString());
        assertEquals(2, r.code(), r.toString());
        assertEquals(f + ": scenario() threw IllegalStateException: not today\n", problems(r));
    }

    @Test
    void aPackagedClassIsFound(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("Demo.java");
        Files.writeString(f, """
                package my.lab;
                import static ipclab.dsl.Scenarios.*;
                import ipclab.dsl.model.Scenario;
                public class Demo {
                    public static final Scenario HELLO = Scenario.named("demo").channel(msgq("q"))
                            .process(writer("w").channel("q").messages(10)).process(reader("r").channel("q")).build();
                }
                """);
        Ipclab r = Ipclab.run("validate", f.toString());
        assertEquals(0, r.code(), r.toString());
        assertEquals("ok  " + f + "  (2 processes, 1 channel)\n", r.out());
    }

    @Test
    void helloInJavaRunsLikeHelloInYaml(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("hello.json");
        try (StateDir state = new StateDir()) {
            Ipclab r = Ipclab.run("run", EXAMPLES + "Hello.java", "--json", json.toString());
            assertEquals(0, r.code(), r.toString());
            assertTrue(r.out().startsWith("scenario hello  seed "), r.out());
            assertTrue(
                    r.out().lines().anyMatch(l -> l.matches("q\\s+msgq\\s+1,000\\s+1,000\\s+0\\s+0\\s+0\\s+0\\s.*")),
                    r.out());
            assertTrue(r.out().endsWith("ok\n"), r.out());
            JsonNode report = new ObjectMapper().readTree(json.toFile());
            assertEquals("hello", report.get("scenario").asText());
            assertTrue(report.get("ok").asBoolean());
            assertTrue(
                    !Files.exists(state.runs())
                            || Files.list(state.runs()).findAny().isEmpty(),
                    "the run removed its registry file");
        }
    }

    /** stderr without the notice that a Java file's code runs (checked in {@link #loadingAJavaFileSaysItsCodeRuns}). */
    static String problems(Ipclab r) {
        return r.err()
                .lines()
                .filter(l -> !l.matches("ipclab: .* is Java: loading it compiles it and runs its code.*"))
                .map(l -> l + "\n")
                .collect(java.util.stream.Collectors.joining());
    }

    @Test
    void loadingAJavaFileSaysItsCodeRuns() {
        Ipclab r = Ipclab.run("validate", "../examples/Hello.java");
        assertEquals(0, r.code(), r.toString());
        assertEquals(
                "ipclab: ../examples/Hello.java is Java: loading it compiles it and runs its code (static initialisers,"
                        + " the scenario methods) in this JVM with your rights; load only files you trust\n",
                r.err());
        assertEquals("", Ipclab.run("validate", "../scenarios/hello.yaml").err(), "YAML runs no code: no notice");
    }
}
