package ipclab.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.dsl.ScenarioLoader;
import ipclab.dsl.plan.Plan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The shipped scenarios (scenarios/*.yaml), written in the DSL's vocabulary, run end to end with the real roles. */
@Timeout(300)
class ScenarioRunsTest {
    @TempDir
    Path state;

    List<Plan> plans(String name) throws Exception {
        return ScenarioLoader.load(Path.of("..", "scenarios", name + ".yaml")).plans();
    }

    RunReport run(Plan plan) throws InterruptedException {
        RunReport r = Engine.run(plan, RunOptions.defaults().with(set -> set.stateDir = state));
        assertTrue(r.leaks().isEmpty(), () -> "leaks: " + r.leaks());
        return r;
    }

    static RunReport.ChannelFigures channel(RunReport r, String name) {
        return r.channels().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    static void assertOk(RunReport r) {
        assertTrue(r.ok(), () -> r.scenario() + " " + r.params() + " failed: " + r.failures() + " " + r.expectations());
        assertEquals(Outcome.OK, r.outcome());
    }

    @Test
    void manyToManyMsgqConservesEveryMessage() throws Exception {
        RunReport r = run(plans("many-to-many-msgq").getFirst());
        assertOk(r);
        RunReport.ChannelFigures jobs = channel(r, "jobs");
        assertEquals(4000, jobs.counts().sent());
        assertEquals(4000, jobs.counts().received());
        assertEquals(0, jobs.counts().lost());
        assertEquals(0, jobs.counts().duplicated());
        assertEquals(3, r.expectations().size());
        long got = r.processes().stream()
                .filter(p -> p.role().equals("reader"))
                .mapToLong(RunReport.ProcessFigures::received)
                .sum();
        assertEquals(4000, got);
        for (RunReport.ProcessFigures p : r.processes()) {
            assertEquals(0, p.exitCode());
            assertTrue(p.spawnToReadyMs() > 0);
            assertTrue(p.userCpuMs() > 0, p.name() + " has rusage");
        }
        RunReport.ProcessFigures producer = r.processes().getFirst();
        assertTrue(producer.syscalls().get("msgsnd") >= 2000, "syscalls counted: " + producer.syscalls());
    }

    @Test
    void aRefutedClaimGivesExitCode3AndSaysWhatTheFiguresWere() throws Exception {
        Plan plan = ScenarioLoader.fromYaml("""
                name: claims
                channels:
                  q: {type: msgq}
                processes:
                  w: {role: writer, channel: q, messages: 100, size: 64B}
                  r: {role: reader, channel: q}
                expect:
                  - r.received == w.sent
                  - q.received == 99
                """, "claims.yaml").plans().getFirst();
        RunReport r = run(plan);
        assertTrue(r.failures().isEmpty(), () -> "" + r.failures());
        assertFalse(r.ok());
        assertEquals(Outcome.REFUTED, r.outcome());
        assertTrue(r.expectations().get(0).ok(), r.expectations().get(0).toString());
        RunReport.ExpectationResult refuted = r.expectations().get(1);
        assertEquals("q.received == 99", refuted.text());
        assertFalse(refuted.ok());
        assertTrue(refuted.actual().contains("100"), refuted.actual());
    }

    @Test
    void shmBroadcastDeliversEveryMessageToEveryReader() throws Exception {
        RunReport r = run(plans("broadcast-shm").getFirst());
        assertOk(r);
        RunReport.ChannelFigures ring = channel(r, "ring");
        assertEquals(2000, ring.counts().sent());
        assertEquals(4000, ring.counts().received());
        assertEquals(0, ring.counts().lost());
        for (RunReport.ProcessFigures p : r.processes()) {
            // the run window only: shmat (setup) and shmdt (teardown) are timed, not counted
            assertTrue(p.setupNs().containsKey("shmat"), p.name() + " setup: " + p.setupNs());
            assertFalse(p.syscalls().containsKey("shmat"), p.name() + " syscalls: " + p.syscalls());
            assertFalse(p.syscalls().containsKey("shmdt"), p.name() + " syscalls: " + p.syscalls());
        }
    }

    @Test
    void theRaceLosesUpdatesWithoutSyncAndNoneWithASemaphore() throws Exception {
        List<Plan> sweep = plans("race");
        assertEquals(3, sweep.size());
        for (Plan p : sweep) {
            RunReport r = run(p);
            assertOk(r);
            RunReport.Counter c = r.counters().get("counter");
            assertEquals(40000, c.expected());
            assertEquals(c.expected() - c.finalValue(), c.lostUpdates());
            String sync = p.params().values().iterator().next();
            if (sync.equals("none")) assertTrue(c.lostUpdates() >= 0, "none: " + c);
            else assertEquals(0, c.lostUpdates(), sync + ": " + c);
            assertEquals(p.params(), r.params());
        }
    }

    @Test
    void socketsAndPipesCarryEveryMessage() throws Exception {
        for (Plan p : plans("socket-stream")) {
            RunReport r = run(p);
            assertOk(r);
            assertEquals(2000, channel(r, "stream").counts().received(), () -> "" + p.params());
            // the writer's warm-up: at least 200 messages (10%), then until its JIT compiler is quiet
            long warmup = r.processes().stream()
                    .filter(proc -> proc.role().equals("writer"))
                    .findFirst()
                    .orElseThrow()
                    .events()
                    .get("warmup");
            assertTrue(warmup >= 200, () -> "warm-up " + warmup);
            for (RunReport.ProcessFigures proc : r.processes()) {
                // one send per message, at most one receive (a reader that falls behind takes all the
                // messages waiting with one call); the warm-up messages' calls are apart
                if (proc.role().equals("writer")) {
                    assertEquals(2000L, proc.syscalls().get("sendto"), () -> "writer " + proc.syscalls());
                    assertEquals(warmup, proc.events().get("warmup-syscalls"), () -> "writer " + proc.events());
                    assertTrue(
                            proc.events().containsKey("warmup-ms"),
                            () -> "the report says how the warm-up ended: " + proc.events());
                } else {
                    long recvs = proc.syscalls().get("recvfrom");
                    assertTrue(recvs >= 1 && recvs <= 2001L, () -> "reader (+1: end of file) " + proc.syscalls());
                    assertEquals(warmup, proc.events().get("warmup"), () -> "reader " + proc.events());
                }
            }
        }
        for (String s : List.of("pingpong-pipe", "pingpong-unix")) {
            RunReport r = run(plans(s).getFirst());
            assertOk(r);
            RunReport.ChannelFigures link = r.channels().getFirst();
            assertEquals(0, link.counts().lost(), s);
            assertTrue(link.latencyNs().p50() > 0, s + " has round-trip latency");
        }
        RunReport udp = run(plans("udp").getFirst());
        assertOk(udp); // loss is allowed on UDP
    }
}
