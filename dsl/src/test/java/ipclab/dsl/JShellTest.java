package ipclab.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.Test;

/** One static import is all a JShell user needs to build, write and plan a scenario. */
class JShellTest {
    @Test
    void oneStaticImportIsEnough() {
        ClassLoader saved = Thread.currentThread().getContextClassLoader();
        try (JShell js = JShell.builder()
                .executionEngine("local")
                .out(new PrintStream(new ByteArrayOutputStream()))
                .build()) {
            String[] snippets = {
                "import static ipclab.dsl.Scenarios.*;",
                "var s = scenario(\"js\").channel(shm(\"ring\").size(kib(64)).slots(16).sync(SEMAPHORE))"
                        + ".process(writer(\"producer\").channel(\"ring\").replicas(2).messages(10_000).size(kib(1)))"
                        + ".process(reader(\"consumer\").channel(\"ring\")).build();",
                "ipclab.dsl.ScenarioLoader.plan(s).plans().get(0).processes().size()",
            };
            String last = null;
            for (String snippet : snippets) {
                List<SnippetEvent> events = js.eval(snippet);
                for (SnippetEvent e : events) {
                    assertNull(e.exception(), snippet);
                    assertEquals(
                            Snippet.Status.VALID,
                            e.status(),
                            () -> snippet + ": "
                                    + js.diagnostics(e.snippet())
                                            .map(d -> d.getMessage(null))
                                            .toList());
                    last = e.value();
                }
            }
            assertEquals("3", last);
        } finally {
            Thread.currentThread().setContextClassLoader(saved);
        }
    }
}
