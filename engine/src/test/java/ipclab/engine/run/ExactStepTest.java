package ipclab.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.dsl.ScenarioLoader;
import ipclab.dsl.plan.Plan;
import ipclab.engine.protocol.StepOp;
import ipclab.engine.protocol.StepOutcome;
import ipclab.engine.protocol.StepResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exact step mode on real processes: every operation is a step with a typed outcome, a stepped
 * process never sleeps in the kernel (a call that would block is a step whose result says so, and
 * the process is blocked until another acts on its channel), and the same schedule gives the same
 * outcomes.
 */
@Timeout(300)
class ExactStepTest {
    static final Duration SETTLE = Duration.ofSeconds(60);

    @TempDir
    Path state;

    private Run start(String yaml) throws Exception {
        Plan plan = ScenarioLoader.fromYaml(yaml, "step.yaml").plans().getFirst();
        return Engine.start(plan, RunOptions.defaults().with(set -> {
            set.stateDir = state;
            set.step = true;
        }));
    }

    private static String writerReader(String channel) {
        return """
                name: step
                channels:
                  c:
                %s
                processes:
                  writer:
                    role: writer
                    channel: c
                    messages: 2
                    size: 64B
                  reader:
                    role: reader
                    channel: c
                """.formatted(channel.indent(4).stripTrailing());
    }

    @Test
    void incrementersStoreAfterBothLoadsLosesAnUpdateAndTheOutcomesSayWhy() throws Exception {
        Run run = start(StepLostUpdateTest.SCENARIO);
        Stepper s = run.stepper();
        assertTrue(s.awaitSettled(SETTLE), () -> s.snapshot().toString());
        assertEquals(List.of("adder-1", "adder-2"), s.enabled());
        assertEquals("load(counter) ok value=0", s.grant("adder-1").toString());
        assertEquals("load(counter) ok value=0", s.grant("adder-2").toString());
        assertEquals("store(counter) ok value=1", s.grant("adder-1").toString());
        assertEquals("store(counter) ok value=1", s.grant("adder-2").toString());
        RunReport r = run.await();
        assertTrue(r.ok(), () -> "failures: " + r.failures());
        assertEquals(new RunReport.Counter(1, 2, 1), r.counters().get("counter"));
        assertEquals(
                List.of(1, 2, 3, 4), s.events().stream().map(StepEvent::step).toList());
    }

    @Test
    void aSpinningReadersEmptyPollIsAStepAndBlocksItUntilTheWriterActs() throws Exception {
        Run run = start(writerReader("type: shm\nsync: spin\nslots: 4"));
        Stepper s = run.stepper();
        assertTrue(s.awaitSettled(SETTLE), () -> s.snapshot().toString());
        assertEquals(StepOp.SLOT_READ, s.snapshot().process("reader").op());
        assertEquals(StepOp.SLOT_CLAIM, s.snapshot().process("writer").op());

        StepOutcome empty = s.grant("reader");
        assertEquals("slot-read(c) empty slot=0", empty.toString());
        assertEquals(StepStatus.BLOCKED, s.snapshot().process("reader").status());
        assertEquals(List.of("writer"), s.enabled());
        assertEquals(ProcessState.BLOCKED, run.processes().get(1).state(), "never guessed from /proc");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.grant("reader"));
        assertTrue(
                e.getMessage().startsWith("process reader is blocked on slot-read(c): its last try was empty"),
                e.getMessage());

        assertEquals("slot-claim(c) ok slot=0", s.grant("writer").toString());
        assertEquals(List.of("writer", "reader"), s.enabled(), "the writer's step on c enables the reader again");
        assertEquals(StepResult.EMPTY, s.grant("reader").result(), "claimed, not yet published");
        assertEquals(
                "slot-publish(c) ok writer=0 seq=0 size=64 slot=0",
                s.grant("writer").toString());
        assertEquals(
                "slot-read(c) ok writer=0 seq=0 size=64 slot=0",
                s.grant("reader").toString());
        assertEquals("slot-release(c) ok slot=0", s.grant("reader").toString());

        roundRobin(run, 200);
        RunReport r = run.await();
        assertTrue(r.ok(), () -> "failures: " + r.failures());
        assertEquals(2, r.channels().getFirst().counts().received());
    }

    @Test
    void racyWritersThatBothLoadTheCursorBeforeEitherStoresItShareASlotAndLoseAMessage() throws Exception {
        Run run = start("""
                name: racy
                channels:
                  ring:
                    type: shm
                    sync: none
                    slots: 4
                processes:
                  writer:
                    role: writer
                    channel: ring
                    replicas: 2
                    messages: 1
                    size: 64B
                  reader:
                    role: reader
                    channel: ring
                """);
        Stepper s = run.stepper();
        assertTrue(s.awaitSettled(SETTLE), () -> s.snapshot().toString());
        assertEquals("cursor-load(ring) ok value=0", s.grant("writer-1").toString());
        assertEquals("cursor-load(ring) ok value=0", s.grant("writer-2").toString());
        assertEquals("cursor-store(ring) ok value=1 slot=0", s.grant("writer-1").toString());
        assertEquals("cursor-store(ring) ok value=1 slot=0", s.grant("writer-2").toString());
        // writer-2 wrote its message into slot 0 within its cursor-store step, over writer-1's:
        // writer-1 publishes a slot that holds writer-2's message
        assertEquals(
                "slot-publish(ring) ok writer=1 seq=0 size=64 slot=0",
                s.grant("writer-1").toString());
        assertEquals(
                "slot-publish(ring) ok writer=1 seq=0 size=64 slot=0",
                s.grant("writer-2").toString());
        List<String> rest = roundRobin(run, 100);
        assertTrue(
                rest.contains("reader slot-read(ring) ok writer=1 seq=0 size=64 slot=0"),
                () -> String.join("\n", rest));
        RunReport r = run.await();
        RunReport.ChannelFigures c = r.channels().getFirst();
        assertEquals(
                List.of(2L, 1L, 1L),
                List.of(c.counts().sent(), c.counts().received(), c.counts().lost()),
                c::toString);
    }

    @Test
    void aReaderOnAnEmptyQueueWouldBlockAndIsEnabledAgainByTheWritersMsgsnd() throws Exception {
        Run run = start(writerReader("type: msgq"));
        Stepper s = run.stepper();
        assertTrue(s.awaitSettled(SETTLE), () -> s.snapshot().toString());
        assertEquals("msgrcv(c) would-block mtype=0", s.grant("reader").toString());
        assertEquals(StepStatus.BLOCKED, s.snapshot().process("reader").status());
        assertEquals(List.of("writer"), s.enabled());
        assertEquals(
                "msgsnd(c) ok writer=0 seq=0 mtype=1 size=64", s.grant("writer").toString());
        assertEquals(StepStatus.ENABLED, s.snapshot().process("reader").status());
        assertEquals(
                "msgrcv(c) ok writer=0 seq=0 mtype=1 size=64", s.grant("reader").toString());
        roundRobin(run, 200);
        RunReport r = run.await();
        assertTrue(r.ok(), () -> "failures: " + r.failures());
        assertEquals(2, r.channels().getFirst().counts().received());
    }

    @ParameterizedTest
    @ValueSource(strings = {"type: pipe", "type: socket\ndomain: unix", "type: socket\ndomain: unix-dgram"})
    void socketsAndFifosNeverBlockInTheKernelEither(String channel) throws Exception {
        Run run = start(writerReader(channel));
        Stepper s = run.stepper();
        assertTrue(s.awaitSettled(SETTLE), () -> s.snapshot().toString());
        StepOutcome first = s.grant("reader");
        assertEquals(StepResult.WOULD_BLOCK, first.result(), first::toString);
        assertEquals(List.of("writer"), s.enabled());
        StepOutcome sent = s.grant("writer");
        assertEquals(StepResult.OK, sent.result(), sent::toString);
        assertEquals(64, sent.size());
        assertEquals(StepStatus.ENABLED, s.snapshot().process("reader").status());
        StepOutcome got = s.grant("reader");
        assertEquals(
                List.of(StepResult.OK, 0L, 0L, 64L),
                List.of(got.result(), got.writer(), got.seq(), got.size()),
                got::toString);
        List<String> rest = roundRobin(run, 200);
        assertTrue(rest.stream().anyMatch(l -> l.startsWith("writer end(c) ok")), () -> String.join("\n", rest));
        assertTrue(rest.stream().anyMatch(l -> l.contains("end-of-stream")), () -> String.join("\n", rest));
        RunReport r = run.await();
        assertTrue(r.ok(), () -> "failures: " + r.failures());
        assertEquals(2, r.channels().getFirst().counts().received());
    }

    static final String MANY_TO_MANY = """
            name: m2m
            channels:
              jobs:
                type: msgq
            processes:
              producer:
                role: writer
                channel: jobs
                replicas: 2
                messages: 3
                size: 64B
              consumer:
                role: reader
                channel: jobs
                replicas: 2
            """;

    @Test
    void twoWritersTwoReadersInAFixedOrderGiveTheSameOutcomesEveryTime() throws Exception {
        List<List<String>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Run run = start(MANY_TO_MANY);
            runs.add(roundRobin(run, 500));
            RunReport r = run.await();
            assertTrue(r.ok(), () -> "failures: " + r.failures());
            assertEquals(6, r.channels().getFirst().counts().received());
        }
        assertEquals(runs.get(0), runs.get(1));
        List<String> steps = runs.getFirst();
        assertTrue(
                steps.stream().anyMatch(l -> l.contains("msgrcv(jobs) would-block")), () -> String.join("\n", steps));
        assertEquals(
                2, steps.stream().filter(l -> l.contains("end-of-stream")).count(), () -> String.join("\n", steps));
        assertEquals(
                1,
                steps.stream().filter(l -> l.contains("semop(jobs) declined")).count(),
                "one writer is not the last");
    }

    /** Every mechanism, sync and role pairing: a round-robin schedule reaches the end, twice the same way. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "writer/reader over type: shm\nsync: semaphore\nslots: 2",
                "writer/reader over type: shm\nsync: none\nslots: 2",
                "pinger/echo over type: shm\nsync: spin\nslots: 2",
                "pinger/echo over type: shm\nsync: semaphore\nslots: 2",
                "pinger/echo over type: msgq",
                "pinger/echo over type: pipe",
                "pinger/echo over type: socket\ndomain: tcp",
                "writer/reader over type: socket\ndomain: udp",
            })
    void everyMechanismStepsToTheEndTheSameWayTwice(String spec) throws Exception {
        String[] roles = spec.substring(0, spec.indexOf(" over ")).split("/");
        String channel = spec.substring(spec.indexOf(" over ") + 6).replace("\\n", "\n");
        String yaml = writerReader(channel)
                .replace("role: writer", "role: " + roles[0])
                .replace("role: reader", "role: " + roles[1]);
        List<List<String>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Run run = start(yaml);
            runs.add(roundRobin(run, 400));
            RunReport r = run.await();
            assertTrue(r.ok(), () -> "failures: " + r.failures());
            assertEquals(2, r.channels().getFirst().counts().received(), () -> r.channels()
                    .toString());
        }
        assertEquals(runs.get(0), runs.get(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"semaphore", "spin", "atomic"})
    void synchronisedIncrementersLoseNothingUnderAnySchedule(String sync) throws Exception {
        Run run = start(StepLostUpdateTest.SCENARIO
                .replace("sync: none", "sync: " + sync)
                .replace("messages: 1", "messages: 2"));
        List<String> steps = roundRobin(run, 200);
        RunReport r = run.await();
        assertTrue(r.ok(), () -> "failures: " + r.failures());
        assertEquals(new RunReport.Counter(4, 4, 0), r.counters().get("counter"));
        if (!sync.equals("atomic")) {
            assertTrue(
                    steps.stream().anyMatch(l -> l.contains("would-block") || l.contains("locked")),
                    () -> "round robin meets the held lock:\n" + String.join("\n", steps));
        }
    }

    @Test
    void stepModeRefusesClocks() throws Exception {
        Plan plan = ScenarioLoader.fromYaml(
                        writerReader("type: msgq").replace("messages: 2", "messages: 2\n    rate: 100/s"), "step.yaml")
                .plans()
                .getFirst();
        EngineException e = assertThrows(
                EngineException.class,
                () -> Engine.start(plan, RunOptions.defaults().with(set -> {
                    set.stateDir = state;
                    set.step = true;
                })));
        assertEquals(
                "step mode counts steps, not time: writer has rate=100/s; give the writers a message count (messages: N)"
                        + " and no rate or duration, or run without stepping",
                e.getMessage());
    }

    /**
     * Drives a stepped run to its end, granting round robin in plan order among the enabled
     * processes (a deterministic schedule: it depends only on what the steps did); returns one
     * line per step, {@code process outcome}.
     */
    static List<String> roundRobin(Run run, int maxSteps) throws InterruptedException {
        Stepper s = run.stepper();
        List<String> out = new ArrayList<>();
        int last = -1;
        for (int i = 0; i < maxSteps; i++) {
            assertTrue(s.awaitSettled(SETTLE), () -> "not settled: " + s.snapshot());
            StepSnapshot now = s.snapshot();
            if (now.over() || now.processes().stream().allMatch(p -> p.status() == StepStatus.EXITED)) return out;
            assertFalse(now.deadlocked(), () -> "deadlocked: " + now + "\n" + String.join("\n", out));
            List<StepProcess> ps = now.processes();
            int pick = -1;
            for (int k = 1; k <= ps.size() && pick < 0; k++) {
                int j = (last + k) % ps.size();
                if (ps.get(j).status() == StepStatus.ENABLED) pick = j;
            }
            String name = ps.get(pick).name();
            out.add(name + " " + s.grant(name));
            last = pick;
        }
        throw new AssertionError("not done after " + maxSteps + " steps:\n" + String.join("\n", out));
    }
}
