package ipclab.repl.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ipclab.repl.Ipclab;
import ipclab.repl.StateDir;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ipclab repl FILE} and {@code ipclab repl -c ...} in-process, with real (small) runs. */
@SuppressWarnings("try") // a StateDir works by being open
class ShellScriptTest {
    static final String HELLO = "../scenarios/hello.yaml";
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aScriptLoadsRunsAndWritesTheReport(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("hello.json");
        Path script = dir.resolve("hello.repl");
        Files.writeString(script, """
                # the hello scenario, run and reported
                /load %s
                /validate
                /run
                   # an indented comment
                /report --json %s
                """.formatted(HELLO, report));
        try (StateDir state = new StateDir()) {
            Ipclab r = Ipclab.run("repl", script.toString());
            assertEquals(0, r.code(), r.toString());
            assertTrue(r.out().contains("loaded " + HELLO + ": scenario 'hello', 2 processes, 1 channel"), r.out());
            assertTrue(r.out().contains("ok  " + HELLO), r.out());
            assertTrue(
                    r.out().contains("scenario hello  seed 1"),
                    "the run's table, as 'ipclab run' prints it\n" + r.out());
            assertTrue(r.out().contains("wrote " + report), r.out());
            JsonNode j = JSON.readTree(report.toFile());
            assertEquals("hello", j.get("scenario").asText());
            assertTrue(j.get("ok").asBoolean(), j.toString());
            assertEquals(1000, j.get("channels").get(0).get("received").asLong());
            assertFalse(r.out().contains("\u001b"), "no colour when not on a terminal");
        }
    }

    @Test
    void aJavaSnippetBuildsTheScenarioThatRunRuns(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("java.json");
        String commands = "var s = scenario(\"snippet\").channel(msgq(\"q\"))"
                + ".process(writer(\"w\").channel(\"q\").messages(200)).process(reader(\"r\").channel(\"q\")).build();"
                + " /run s; /report --json " + report + "; $last.channels().get(0).counts().received()";
        try (StateDir state = new StateDir()) {
            Ipclab r = Ipclab.run("repl", "-c", commands);
            assertEquals(0, r.code(), r.toString());
            assertTrue(r.out().contains("s ==> scenario 'snippet': 2 processes, 1 channel"), r.out());
            assertTrue(r.out().contains("scenario snippet  seed"), r.out());
            assertTrue(r.out().contains("$1 ==> 200"), "$last is the live report\n" + r.out());
            JsonNode j = JSON.readTree(report.toFile());
            assertEquals("snippet", j.get("scenario").asText());
            assertEquals(200, j.get("channels").get(0).get("received").asLong());
        }
    }

    @Test
    void lastAndErrReachJavaThatStartsAfterTheRun() throws Exception {
        try (StateDir state = new StateDir()) {
            Ipclab r = Ipclab.run(
                    "repl",
                    "-c",
                    "/run " + HELLO + "; /nosuch; $last.channels().get(0).counts().received(); $err.getMessage()");
            assertEquals(1, r.code(), "/nosuch failed\n" + r);
            assertTrue(r.out().contains("$1 ==> 1000"), r.out());
            assertTrue(r.out().contains("$2 ==> \"no command /nosuch (/help lists them)\""), r.out());
        }
    }

    @Test
    void typosPrefixesAndAmbiguityAreExplained() throws Exception {
        try (StateDir state = new StateDir()) {
            Ipclab r = Ipclab.run("repl", "-c", "/rnu; /r; /he lo; /help lod; /vars x");
            assertEquals(1, r.code(), r.toString());
            assertTrue(r.err().contains("error: -c: no command /rnu; did you mean /run? (/help lists them)"), r.err());
            assertTrue(r.err().contains("error: -c: /r is ambiguous: /run, /report"), r.err());
            assertTrue(
                    r.out().contains("/load FILE\n  Loads and validates a scenario file"),
                    "/he lo is /help load\n" + r.out());
            assertTrue(
                    r.err().contains("error: no command /lod; did you mean /load? (/help lists commands and subjects)"),
                    r.err());
            assertTrue(r.err().contains("error: usage: /vars  (/help vars)"), r.err());
        }
    }

    @Test
    void errorsNameTheScriptLineAndTheExitCodeSaysSo(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("bad.repl");
        Files.writeString(script, """
                int x = 1 +
                    2;
                nosuch();
                /run
                /exit
                /nosuch
                """);
        try (StateDir state = new StateDir()) {
            Ipclab r = Ipclab.run("repl", script.toString());
            assertEquals(1, r.code(), r.toString());
            assertTrue(r.out().contains("x ==> 3"), "a snippet over two lines\n" + r.out());
            assertTrue(r.err().contains(script + ":3:1: error: cannot find symbol"), r.err());
            assertTrue(r.err().contains("error: /run: nothing loaded; /load FILE first"), r.err());
            assertFalse(r.err().contains("nosuch\n"), "/exit stops the script\n" + r.err());
            assertFalse(r.err().contains("no command /nosuch"), "/exit stops the script\n" + r.err());
        }
    }

    @Test
    void saveWritesTheSessionAsAScriptThatOpenRunsAgain(@TempDir Path dir) throws Exception {
        Path saved = dir.resolve("session.repl");
        try (StateDir state = new StateDir()) {
            Ipclab r = Ipclab.run("repl", "-c", "int y = 20 + 1; /validate " + HELLO + "; /history; /save " + saved);
            assertEquals(0, r.code(), r.toString());
            assertEquals("""
                    # ipclab repl session; run it again with: ipclab repl %s
                    int y = 20 + 1;
                    /validate %s
                    """.formatted(saved, HELLO), Files.readString(saved));
            assertTrue(r.out().contains("   1  int y = 20 + 1;\n   2  /validate " + HELLO), r.out());
            Ipclab again = Ipclab.run("repl", "-c", "/open " + saved + "; y");
            assertEquals(0, again.code(), again.toString());
            assertTrue(again.out().contains("y ==> 21"), again.out());
        }
    }
}
