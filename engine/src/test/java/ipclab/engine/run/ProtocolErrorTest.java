package ipclab.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.dsl.plan.Plan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker that writes lines the protocol does not have: each is a protocol error naming the
 * worker and the line, the run fails with them, and the worker is not reported dead (its reader
 * thread survives and the worker is stopped normally).
 */
@Timeout(120)
class ProtocolErrorTest {
    @TempDir
    Path state;

    @Test
    void wrongLinesFromAWorkerAreProtocolErrorsNotADeath() throws Exception {
        Plan plan = TestPlans.plan("liar", TestPlans.msgq("c"), Duration.ofSeconds(60), 1000, "liar", 1, "forever", 1);
        RunReport r = Engine.start(plan, RunOptions.defaults().with(set -> {
                    set.stateDir = state;
                    set.agentFactory = TestAgents.class.getName();
                    set.channels = new TestPlans.NoObjects();
                    // bounds a hang only: both must exit 0 on "stop", which under load takes a while
                    set.grace = Duration.ofSeconds(30);
                }))
                .await();
        assertFalse(r.ok());
        assertEquals(Outcome.FAILED, r.outcome());
        List<RunReport.Failure> protocol = r.failures().stream()
                .filter(f -> f.kind() == FailureKind.PROTOCOL)
                .toList();
        assertTrue(protocol.size() >= 1, r.failures().toString());
        RunReport.Failure first = protocol.getFirst();
        assertEquals("liar", first.process());
        assertTrue(
                first.message()
                        .matches(
                                "protocol error from liar \\(pid \\d+\\): .*setupNs.*: \\{\"type\":\"ready\",\"setupNs\":\"soon\"}"),
                first.message());
        assertTrue(r.failures().stream().noneMatch(f -> f.kind() == FailureKind.DIED), "no one died: " + r.failures());
        for (RunReport.ProcessFigures p : r.processes())
            assertEquals(0, p.exitCode(), p.name() + " stopped by 'stop', exit 0");
    }
}
