package ipclab.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.dsl.plan.Plan;
import ipclab.engine.inspect.ProcSysvipc;
import ipclab.engine.inspect.SysvObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Real message queues: a worker stuck in msgrcv, and a supervisor killed with SIGKILL. */
@Timeout(120)
class BlockedAndOrphanTest {
    @TempDir
    Path state;

    @Test
    void aWorkerBlockedInMsgrcvPastTheTimeoutIsNamedWithItsCallAndChannel() throws Exception {
        Plan plan = TestPlans.plan(
                "blocked", TestPlans.msgq("jobs"), Duration.ofSeconds(60), 1, "sender", 1, "receiver", 1);
        RunOptions o = RunOptions.defaults().with(set -> {
            set.stateDir = state;
            set.agentFactory = TestAgents.class.getName();
            set.channels = new TestPlans.MsgqKit();
            // long enough for the sender to send its one message and exit even on a loaded machine
            // (at 4 s it was still running there: a second failure, TIMEOUT sender)
            set.timeout = Duration.ofSeconds(8);
            set.grace = Duration.ofMillis(500);
        });
        Run run = Engine.start(plan, o);
        ProcessView seen = null;
        // a deadline, not a count of polls: on a loaded machine the workers' JVMs alone may take seconds to start
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (seen == null && System.nanoTime() < deadline) {
            ProcessView v = run.processes().get(1);
            if (v.state() == ProcessState.BLOCKED_IN_KERNEL) seen = v;
            else Thread.sleep(10);
        }
        assertEquals("receiver blocked in msgrcv(jobs)", String.valueOf(seen), "processes() looks in /proc");
        RunReport r = run.await();
        assertFalse(r.ok());
        assertEquals(1, r.failures().size(), () -> "failures: " + r.failures());
        RunReport.Failure f = r.failures().getFirst();
        assertEquals(FailureKind.BLOCKED, f.kind());
        assertEquals("receiver", f.process());
        assertTrue(
                f.message().matches("receiver blocked in msgrcv\\(jobs\\) for \\d+\\.\\ds; all writers exited"),
                f.message());
        assertEquals(0, r.processes().get(0).exitCode(), "the sender finished");
        assertEquals(
                137,
                r.processes().get(1).exitCode(),
                "msgrcv does not return on 'stop': killed after the grace period");
        assertTrue(r.leaks().isEmpty(), "queue removed: " + r.leaks());
        assertEquals(Outcome.FAILED, r.outcome());
    }

    @Test
    void afterTheSupervisorIsKilledWorkersExitAndCleanerRemovesExactlyItsObjects() throws Exception {
        int unrelated = -1;
        Process sup = null;
        try {
            Process mk =
                    new ProcessBuilder("ipcmk", "-Q").redirectErrorStream(true).start();
            String out = new String(mk.getInputStream().readAllBytes()).trim();
            assertEquals(0, mk.waitFor(), out);
            unrelated = Integer.parseInt(out.replaceAll("\\D+", " ").trim().split(" ")[0]);

            sup = supervisor();
            BufferedReader in = new BufferedReader(new InputStreamReader(sup.getInputStream()));
            String line = in.readLine();
            assertTrue(line != null && line.startsWith("running "), "supervisor said: " + line);
            String[] f = line.split(" ");
            int msqid = Integer.parseInt(f[1]);
            List<Long> workers = new ArrayList<>();
            for (int i = 2; i < f.length; i++) workers.add(Long.parseLong(f[i]));
            assertEquals(2, workers.size());
            assertTrue(new ProcSysvipc().list(SysvObject.Kind.MSG).stream().anyMatch(r -> r.id() == msqid));

            new ProcessBuilder("kill", "-KILL", Long.toString(sup.pid()))
                    .start()
                    .waitFor();
            sup.waitFor();
            long deadline = System.nanoTime() + 10_000_000_000L;
            for (long pid : workers) {
                while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline)
                    Thread.sleep(20);
                assertFalse(
                        ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                        "worker " + pid + " exits by itself on stdin EOF");
            }
            assertTrue(
                    new ProcSysvipc().list(SysvObject.Kind.MSG).stream().anyMatch(r -> r.id() == msqid),
                    "the queue outlives its supervisor");

            Cleaner.Result res = Cleaner.cleanStale(state.resolve("runs"));
            assertEquals(1, res.removed().size(), () -> "removed: " + res.removed());
            assertTrue(
                    res.removed()
                            .getFirst()
                            .startsWith("msg id=" + msqid + " key=0x00000000 (run of orphan, pid " + sup.pid() + ")"),
                    res.removed().getFirst());
            assertEquals(1, res.runs().size());
            assertFalse(new ProcSysvipc().list(SysvObject.Kind.MSG).stream().anyMatch(r -> r.id() == msqid), "removed");
            final int u = unrelated;
            assertTrue(
                    new ProcSysvipc().list(SysvObject.Kind.MSG).stream().anyMatch(r -> r.id() == u),
                    "the unrelated queue is left alone");
            assertTrue(Registry.knownObjects(state.resolve("runs")).isEmpty());
            assertEquals(0, Cleaner.cleanStale(state.resolve("runs")).removed().size(), "nothing left the second time");
        } finally {
            if (sup != null) sup.destroyForcibly().waitFor();
            if (unrelated >= 0)
                new ProcessBuilder("ipcrm", "-q", Integer.toString(unrelated))
                        .start()
                        .waitFor();
        }
    }

    @Test
    void sigtermOnTheSupervisorStopsWorkersAndRemovesItsObjects() throws Exception {
        Process sup = null;
        try {
            sup = supervisor();
            BufferedReader in = new BufferedReader(new InputStreamReader(sup.getInputStream()));
            String line = in.readLine();
            assertTrue(line != null && line.startsWith("running "), "supervisor said: " + line);
            String[] f = line.split(" ");
            int msqid = Integer.parseInt(f[1]);
            new ProcessBuilder("kill", "-TERM", Long.toString(sup.pid()))
                    .start()
                    .waitFor();
            assertEquals(143, sup.waitFor(), "the JVM's status after SIGTERM");
            for (int i = 2; i < f.length; i++) {
                long pid = Long.parseLong(f[i]);
                assertFalse(
                        ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                        "worker " + pid + " stopped by the shutdown hook");
            }
            assertFalse(
                    new ProcSysvipc().list(SysvObject.Kind.MSG).stream().anyMatch(r -> r.id() == msqid),
                    "queue removed by the shutdown hook");
            assertTrue(Registry.knownObjects(state.resolve("runs")).isEmpty(), "registry file deleted");
        } finally {
            if (sup != null) sup.destroyForcibly().waitFor();
        }
    }

    Process supervisor() throws java.io.IOException {
        List<String> cmd = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                SupervisorMain.class.getName(),
                state.toString());
        return new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    /** A supervisor in its own JVM: starts a run of two endless workers on a real queue, says so, and waits to be killed. */
    public static final class SupervisorMain {
        public static void main(String[] args) throws Exception {
            Plan plan = TestPlans.plan("orphan", TestPlans.msgq("jobs"), Duration.ofSeconds(600), 1, "forever", 2);
            Run run = Engine.start(plan, RunOptions.defaults().with(set -> {
                set.stateDir = Path.of(args[0]);
                set.agentFactory = TestAgents.class.getName();
                set.channels = new TestPlans.MsgqKit();
                set.aot = false;
            }));
            RunMachineryTest.awaitState(run, ProcessState.RUNNING);
            int msqid = Registry.knownObjects(Path.of(args[0]).resolve("runs"))
                    .getFirst()
                    .object()
                    .id();
            StringBuilder sb = new StringBuilder("running " + msqid);
            for (ProcessView p : run.processes()) sb.append(' ').append(p.pid());
            System.out.println(sb);
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
