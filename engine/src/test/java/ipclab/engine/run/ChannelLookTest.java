package ipclab.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.dsl.ScenarioLoader;
import ipclab.dsl.plan.Plan;
import ipclab.engine.transport.ChannelLook;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Run#look}: a stepped run's channels read from the live kernel objects while the workers
 * wait at their gates; {@link Run#kill} as a crash.
 */
@Timeout(300)
class ChannelLookTest {
    static final Duration SETTLE = Duration.ofSeconds(60);

    @TempDir
    Path state;

    private Run start(String yaml) throws Exception {
        Plan plan = ScenarioLoader.fromYaml(yaml, "look.yaml").plans().getFirst();
        Run run = Engine.start(plan, RunOptions.defaults().with(set -> {
            set.stateDir = state;
            set.step = true;
        }));
        assertTrue(
                run.stepper().awaitSettled(SETTLE),
                () -> run.stepper().snapshot().toString());
        return run;
    }

    private static <T extends ChannelLook.Part> T part(ChannelLook l, Class<T> type) {
        return l.parts().stream()
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst()
                .orElseThrow(() -> new AssertionError(l));
    }

    @Test
    void aQueueShowsItsStatAndTheMessagesWaitingWithoutLosingThem() throws Exception {
        Run run = start("""
                name: look
                channels:
                  q: {type: msgq}
                processes:
                  w: {role: writer, channel: q, messages: 2, size: 64B}
                  r: {role: reader, channel: q}
                """);
        try {
            long writerPid = run.processes().getFirst().pid();
            run.stepper().grant("w");
            run.stepper().grant("w");
            ChannelLook.Queue q = part(run.look("q"), ChannelLook.Queue.class);
            assertEquals(2, q.stat().qnum());
            assertEquals(writerPid, q.stat().lspid());
            assertEquals(0, q.stat().lrpid(), "nobody received yet");
            if (q.unpeekable() == null) {
                assertEquals(
                        List.of(0L, 1L),
                        q.messages().stream().map(ChannelLook.Message::seq).toList());
                assertEquals(64, q.messages().getFirst().size());
            } else {
                assertTrue(q.unpeekable().contains("CONFIG_CHECKPOINT_RESTORE"), q.unpeekable());
            }
            ChannelLook.Semaphores s = part(run.look("q"), ChannelLook.Semaphores.class);
            assertEquals("senders still running", s.sems().getFirst().role());
            assertEquals(1, s.sems().getFirst().value());
            assertEquals(2, part(run.look("q"), ChannelLook.Queue.class).stat().qnum(), "peeking took nothing");
            run.runFree();
            RunReport r = run.await();
            assertTrue(r.ok(), () -> "the peeked messages still arrive: " + r.failures());
            assertThrows(IllegalStateException.class, () -> run.look("q"));
            assertThrows(IllegalArgumentException.class, () -> run.look("nosuch"));
        } finally {
            run.stop();
            run.await();
        }
    }

    @Test
    void aCounterAndARingAreDecodedThroughTheDescriptor() throws Exception {
        Run run = start("""
                name: look
                channels:
                  counter: {type: shm, size: 4KiB, sync: none}
                  ring: {type: shm, sync: semaphore, slots: 4}
                processes:
                  a: {role: incrementer, channel: counter, messages: 1}
                  w: {role: writer, channel: ring, messages: 1, size: 64B}
                  r: {role: reader, channel: ring}
                """);
        try {
            run.stepper().grant("a");
            run.stepper().grant("a");
            ChannelLook.Counter c = part(run.look("counter"), ChannelLook.Counter.class);
            assertEquals(1, c.value());
            assertTrue(c.shmDest(), "marked IPC_RMID once all attached");
            List<String> writerOps = new java.util.ArrayList<>();
            while (!run.stepper().snapshot().process("w").status().equals(StepStatus.EXITED)) {
                writerOps.add(run.stepper().grant("w").toString());
            }
            ChannelLook.Ring ring = part(run.look("ring"), ChannelLook.Ring.class);
            assertEquals(0x49504352, ring.magic());
            assertEquals(4, ring.slots());
            ChannelLook.Lane lane = ring.lanes().getFirst();
            assertTrue(lane.writeCursor() >= 1, () -> "cursor after " + writerOps + ": " + lane);
            assertEquals(0, lane.slots().getFirst().msgSeq(), "the first message is in slot 0");
            assertEquals(64, lane.slots().getFirst().msgLength());
            byte[] slot = run.slotBytes("ring", 0, 0);
            assertEquals(ring.slotBytes(), slot.length);
            ChannelLook.Semaphores s = part(run.look("ring"), ChannelLook.Semaphores.class);
            assertEquals("empty slots", s.sems().get(2).role());
            assertFalse(s.sems().isEmpty());
            run.kill("r");
            RunReport r = run.await();
            assertFalse(r.ok());
            assertTrue(r.failures().stream().anyMatch(f -> f.message().contains("SIGKILL")), () -> r.failures()
                    .toString());
        } finally {
            run.stop();
            run.await();
        }
    }
}
