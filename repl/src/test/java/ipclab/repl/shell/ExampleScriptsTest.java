package ipclab.repl.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REPL scripts of {@code examples/}, run as the README says ({@code ./ipclab repl
 * examples/race.repl} from the project's root), each in its own JVM: they work, teach what their
 * comments say, and leave nothing behind.
 */
@Timeout(600)
class ExampleScriptsTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private String[] run(String script) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-Dipclab.state.dir=" + dir.resolve("state"),
                "-cp",
                System.getProperty("java.class.path"),
                "ipclab.repl.Main",
                "repl",
                "examples/" + script));
        Path out = dir.resolve(script + ".out"), err = dir.resolve(script + ".err");
        Process p = new ProcessBuilder(cmd)
                .directory(ROOT.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertTrue(p.waitFor(8, TimeUnit.MINUTES), script + " ended");
        String o = Files.readString(out), e = Files.readString(err);
        assertEquals(0, p.exitValue(), script + " worked\n" + o + e);
        assertEquals("", e, "nothing on stderr");
        try (Stream<Path> runs = Files.list(dir.resolve("state").resolve("runs"))) {
            assertEquals(List.of(), runs.toList(), "every run forgot its registry file: it removed everything it made");
        }
        return new String[] {o, e};
    }

    @Test
    void everyScriptInExamplesIsRunHere() throws Exception {
        try (Stream<Path> s = Files.list(ROOT.resolve("examples"))) {
            List<String> scripts = s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".repl"))
                    .sorted()
                    .toList();
            assertEquals(
                    List.of("blocked-reader.repl", "queue-full.repl", "race.repl"),
                    scripts,
                    "a new script gets a test here");
        }
    }

    @Test
    void theRaceSteppedIntoALostUpdateThenTheOtherOrder() throws Exception {
        String o = run("race.repl")[0];
        assertTrue(o.contains("   2  b          load(counter) ok value=0"), o);
        assertTrue(o.contains("   4  b          store(counter) ok value=1"), o);
        assertTrue(o.contains("going back to step 1: a fresh run replays the first 1 steps"), o);
        assertTrue(o.contains("   2  a          store(counter) ok value=1   exited"), o);
        int first = o.indexOf("$1 ==> Counter[finalValue=1, expected=2, lostUpdates=1]");
        int second = o.indexOf("$2 ==> Counter[finalValue=2, expected=2, lostUpdates=0]");
        assertTrue(first > 0 && second > first, o);
    }

    @Test
    void aQueueFilledUntilNowaitGetsEagain() throws Exception {
        String o = run("queue-full.repl")[0];
        assertTrue(o.contains("msg_qnum 4  msg_cbytes 256  msg_qbytes 256"), o);
        assertTrue(o.contains("writer     msgsnd(q) eagain writer=0 seq=4"), o);
        assertTrue(o.matches("(?s).*writer +writer +\\d+ +blocked on msgsnd\\(q\\) since step 5: eagain.*"), o);
        assertTrue(o.contains("writer     msgsnd(q) ok writer=0 seq=4"), "sent once the reader made room\n" + o);
        assertFalse(o.contains("FAIL"), o);
    }

    @Test
    void aReaderBlockedInMsgrcvUntilAWriterIsStepped() throws Exception {
        String o = run("blocked-reader.repl")[0];
        assertTrue(o.contains("consumer   msgrcv(q) would-block mtype=0   now blocked"), o);
        assertTrue(o.matches("(?s).*consumer +reader +\\d+ +blocked on msgrcv\\(q\\) since step 1: would-block.*"), o);
        assertTrue(o.contains("no message waiting"), o);
        assertTrue(o.contains("consumer   msgrcv(q) ok writer=0 seq=0"), o);
        assertTrue(o.contains("consumer  reader"), o);
    }
}
