package ipclab.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.dsl.plan.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor and real worker JVMs, with test roles (no kernel objects). */
@Timeout(120)
class RunMachineryTest {
    @TempDir
    Path state;

    RunOptions opts() {
        return RunOptions.defaults().with(set -> {
            set.stateDir = state;
            set.agentFactory = TestAgents.class.getName();
            set.channels = new TestPlans.NoObjects();
            // only bounds a hang: the tests expect survivors to exit 0 on "stop", and on a loaded
            // 2-core machine a worker JVM can take longer than the default 2 s to do so (then 137)
            set.grace = Duration.ofSeconds(30);
        });
    }

    long registryFiles() throws IOException {
        Path runs = state.resolve("runs");
        if (!Files.isDirectory(runs)) return 0;
        try (Stream<Path> s = Files.list(runs)) {
            return s.count();
        }
    }

    @Test
    void noWorkerStartsBeforeAllAreReady() throws Exception {
        Plan plan = TestPlans.plan("barrier", TestPlans.msgq("c"), Duration.ofSeconds(60), 5, "sleeper", 3);
        RunReport r = Engine.start(plan, opts()).await();
        assertTrue(r.ok(), () -> "failures: " + r.failures());
        assertEquals(3, r.processes().size());
        long lastReady = 0, firstGo = Long.MAX_VALUE;
        for (RunReport.ProcessFigures p : r.processes()) {
            assertEquals(0, p.exitCode());
            assertTrue(p.spawnToReadyMs() > 0, p.name() + " spawnToReadyMs=" + p.spawnToReadyMs());
            lastReady = Math.max(lastReady, p.events().get("readyAt"));
            firstGo = Math.min(firstGo, p.events().get("goAt"));
        }
        // replica 1 spends 800 ms in onStart: the others must wait for it at the barrier
        assertTrue(
                firstGo > lastReady,
                "a worker went before all were ready: firstGo=" + firstGo + " lastReady=" + lastReady);
        assertTrue(
                r.processes().get(0).spawnToReadyMs() >= 800,
                "slow one: " + r.processes().get(0).spawnToReadyMs());
        assertTrue(r.leaks().isEmpty());
        assertEquals(0, registryFiles(), "the run's registry file is deleted at the end");
    }

    @Test
    void aCrashingWorkerStopsTheRunAndIsNamed() throws Exception {
        Plan plan =
                TestPlans.plan("crash", TestPlans.msgq("c"), Duration.ofSeconds(60), 1000, "forever", 2, "crasher", 1);
        RunReport r = Engine.start(plan, opts()).await();
        assertFalse(r.ok());
        assertEquals(Outcome.FAILED, r.outcome());
        RunReport.Failure f = r.failures().getFirst();
        assertEquals(FailureKind.DIED, f.kind());
        assertEquals("crasher", f.process());
        assertTrue(
                f.message()
                        .matches(
                                "crasher \\(pid \\d+\\) exited with status 1 \\d+ ms into the run: IllegalStateException: boom in crasher"),
                f.message());
        assertTrue(f.log().stream().anyMatch(l -> l.contains("boom in crasher")), "stderr tail: " + f.log());
        assertEquals(1, r.failures().size(), () -> "only the crash: " + r.failures());
        for (RunReport.ProcessFigures p : r.processes()) {
            if (p.name().startsWith("forever")) assertEquals(0, p.exitCode(), p.name() + " stopped cleanly by 'stop'");
        }
        assertEquals(0, registryFiles());
    }

    @Test
    void aWorkerKilledWithSigkillStopsTheRunAndIsNamed() throws Exception {
        Plan plan = TestPlans.plan("kill", TestPlans.msgq("c"), Duration.ofSeconds(60), 1000, "forever", 3);
        Run run = Engine.start(plan, opts());
        awaitState(run, ProcessState.RUNNING);
        ProcessView victim = run.processes().get(1);
        new ProcessBuilder("kill", "-KILL", Long.toString(victim.pid())).start().waitFor();
        RunReport r = run.await();
        assertFalse(r.ok());
        RunReport.Failure f = r.failures().getFirst();
        assertEquals("forever-2", f.process());
        assertTrue(
                f.message()
                        .matches(
                                "forever-2 \\(pid \\d+\\) was killed by SIGKILL \\(exit status 137\\) \\d+ ms into the run"),
                f.message());
        assertEquals(137, r.processes().get(1).exitCode());
        assertEquals(0, r.processes().get(0).exitCode());
        assertEquals(0, r.processes().get(2).exitCode());
        for (ProcessView p : run.processes())
            assertFalse(ProcessHandle.of(p.pid()).map(ProcessHandle::isAlive).orElse(false));
        assertEquals(0, registryFiles());
    }

    @Test
    void aWorkerThatIgnoresStopIsKilledAfterTheGracePeriodAndTheTimeoutIsReported() throws Exception {
        Plan plan = TestPlans.plan("stuck", TestPlans.msgq("c"), Duration.ofSeconds(60), 10, "stuck", 1);
        RunReport r = Engine.start(plan, opts().with(set -> {
                    set.timeout = Duration.ofSeconds(1);
                    set.grace = Duration.ofMillis(500);
                }))
                .await();
        assertFalse(r.ok());
        RunReport.Failure f = r.failures().getFirst();
        assertEquals(FailureKind.TIMEOUT, f.kind());
        assertEquals("stuck still running after the run's timeout of 1.0s (not blocked in an IPC call)", f.message());
        assertEquals(137, r.processes().getFirst().exitCode(), "killed after the grace period");
    }

    @Test
    void stepModeGatesEveryOperationAndRecordsTheGrants() throws Exception {
        Plan plan = TestPlans.plan("step", TestPlans.msgq("c"), Duration.ofSeconds(60), 2, "stepper", 2);
        Run run = Engine.start(plan, opts().with(set -> set.step = true));
        assertTrue(
                run.stepper().awaitSettled(Duration.ofSeconds(60)),
                () -> run.stepper().snapshot().toString());
        List<ProcessView> ps = run.processes();
        assertEquals("load", ps.get(0).op());
        assertEquals("stepper-1 waiting for a grant: load(c)", ps.get(0).toString());
        ProcessView v = run.grant("stepper-1");
        assertEquals(ProcessState.WAITING_FOR_GRANT, v.state());
        assertEquals("store", v.op());
        assertEquals("load", run.processes().get(1).op(), "stepper-2 has not moved");
        try {
            run.grant("nobody");
        } catch (IllegalArgumentException e) {
            assertEquals("no process nobody in this run (processes: stepper-1, stepper-2)", e.getMessage());
        }
        run.grant("stepper-2");
        run.grant("stepper-1");
        run.grant("stepper-1");
        ProcessView last = run.grant("stepper-1");
        assertEquals(ProcessState.EXITED, last.state(), "2 messages = 4 operations, then done");
        assertEquals(0, last.exitCode());
        List<TraceEntry> t = run.trace();
        assertEquals(
                List.of("stepper-1:load", "stepper-2:load", "stepper-1:store", "stepper-1:load", "stepper-1:store"),
                t.stream().map(e -> e.process() + ":" + e.op()).toList());
        run.runFree();
        RunReport r = run.await();
        assertTrue(r.ok(), () -> "failures: " + r.failures());
        assertEquals(5, r.trace().size());
    }

    @Test
    void stoppingASteppedRunReleasesWorkersWaitingForAGrant() throws Exception {
        Plan plan = TestPlans.plan("stepstop", TestPlans.msgq("c"), Duration.ofSeconds(60), 5, "stepper", 2);
        Run run = Engine.start(plan, opts().with(set -> set.step = true));
        assertTrue(
                run.stepper().awaitSettled(Duration.ofSeconds(60)),
                () -> run.stepper().snapshot().toString());
        run.grant("stepper-2");
        run.stop();
        RunReport r = run.await();
        assertFalse(r.ok());
        assertEquals(
                List.of(FailureKind.STOPPED),
                r.failures().stream().map(RunReport.Failure::kind).toList());
        assertEquals("stopped before the end", r.failures().getFirst().message());
        for (RunReport.ProcessFigures p : r.processes())
            assertEquals(0, p.exitCode(), p.name() + " wound down on 'stop'");
        try {
            run.grant("stepper-1");
            throw new AssertionError("grant after the end");
        } catch (IllegalStateException e) {
            assertEquals("the run is over; no more grants", e.getMessage());
        }
    }

    static void awaitState(Run run, ProcessState s) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<ProcessView> ps = run.processes();
            if (ps.stream().allMatch(p -> p.state() == s)) return;
            Thread.sleep(20);
        }
        throw new AssertionError("workers not all " + s + ": " + run.processes());
    }

    @Test
    void theJsonHasEveryContractKey() throws Exception {
        Plan plan = TestPlans.plan("json", TestPlans.msgq("c"), Duration.ofSeconds(60), 2, "sleeper", 1);
        RunReport r = Engine.start(plan, opts()).await();
        String json = ReportJson.toJson(r);
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        for (String k : List.of(
                "scenario",
                "seed",
                "ok",
                "durationMs",
                "host",
                "processes",
                "channels",
                "counters",
                "leaks",
                "expectations",
                "failures",
                "params")) {
            assertNotNull(tree.get(k), k + " in " + json);
        }
        for (String k : List.of("kernel", "cpus", "java"))
            assertNotNull(tree.get("host").get(k), k);
        for (String k : List.of(
                "name",
                "role",
                "pid",
                "exitCode",
                "userCpuMs",
                "sysCpuMs",
                "voluntaryCtxSwitches",
                "involuntaryCtxSwitches",
                "minorFaults",
                "majorFaults",
                "syscalls",
                "spawnToReadyMs")) {
            assertNotNull(tree.get("processes").get(0).get(k), "process." + k);
        }
        for (String k : List.of(
                "name",
                "type",
                "sent",
                "received",
                "lost",
                "duplicated",
                "corrupted",
                "reordered",
                "bytes",
                "setupNs",
                "throughput",
                "latencyNs",
                "syscallsPerMessage")) {
            assertNotNull(tree.get("channels").get(0).get(k), "channel." + k);
        }
        for (String k : List.of("msgsPerSec", "mibPerSec"))
            assertNotNull(tree.get("channels").get(0).get("throughput").get(k));
        for (String k : List.of("p50", "p90", "p99", "p999", "max"))
            assertNotNull(tree.get("channels").get(0).get("latencyNs").get(k));
    }
}
