package ipclab.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.engine.protocol.WorkerSpec;
import java.io.BufferedReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A worker JVM given a line the protocol does not have, after its spec: it reports a protocol
 * error naming the line ("error" on its stdout) and exits 4, not 3 as if the supervisor had
 * vanished. An over-long line is one too.
 */
@Timeout(120)
class WorkerProtocolTest {
    @TempDir
    Path state;

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\":\"dance\"}", "not json at all", "{\"type\":"})
    void aBadLineFromTheSupervisorIsAProtocolErrorNotAnOrphaning(String bad) throws Exception {
        assertProtocolError(bad, bad.length() > 30 ? bad.substring(0, 30) : bad);
    }

    @Test
    void anOverLongLineIsAProtocolError() throws Exception {
        assertProtocolError("{\"type\":\"go\",\"pad\":\"" + "x".repeat(5 << 20) + "\"}", "a line longer than");
    }

    private void assertProtocolError(String bad, String named) throws Exception {
        WorkerSpec spec = TestPlans.loneSpec("proto");
        Process w = new ProcessBuilder(WorkerCommand.forThisJvm(state).command(false, TestAgents.class.getName()))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BufferedReader out = TestPlans.sendSpecAwaitReady(w, spec);
            OutputStream in = w.getOutputStream();
            in.write((bad + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            String error = out.readLine();
            assertTrue(
                    error != null
                            && error.contains("\"type\":\"error\"")
                            && error.contains("protocol error: the supervisor sent")
                            && error.contains(named.replace("\"", "\\\"")),
                    "error line: " + error);
            assertTrue(w.waitFor(30, TimeUnit.SECONDS));
            assertEquals(4, w.exitValue(), "a protocol error, not an orphaned worker (3)");
        } finally {
            w.destroyForcibly().waitFor();
        }
    }
}
