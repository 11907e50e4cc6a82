package ipclab.engine.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.dsl.model.QueueMode;
import ipclab.dsl.model.Role;
import ipclab.engine.protocol.ChannelHandle;
import ipclab.engine.sys.IpcException;
import ipclab.engine.sys.SysvMsgQueue;
import ipclab.engine.sys.SysvSemaphore;
import ipclab.engine.testkit.ChildJvm;
import ipclab.engine.testkit.LeakGuard;
import ipclab.engine.transport.ChannelObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The leak a stopped test run left (issue 13): {@code pkill -f} sent SIGTERM to Maven, the
 * surefire JVM and its workers at once, and a message queue with its 2-semaphore set stayed, in
 * no registry. A channel test makes its objects itself, as {@link ChannelLab} does, with no run
 * and no registry; SIGTERM runs no {@code afterEach}, so nothing removed them. Here a child JVM
 * makes a msgq channel that way and is sent SIGTERM: bare, the pair is left (the leak, made on
 * purpose and removed by this test); with {@link LeakGuard.Leaks#sweepOnExit} (which every test
 * JVM installs), nothing is.
 */
class StoppedTestJvmTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aTestJvmStoppedWithSigtermLeavesAChannelItMadeOnlyWithoutTheExitSweep() throws Exception {
        int[] bare = stopHolder("bare");
        try {
            assertTrue(exists("msg", bare[0]), "reproduced: the queue is left");
            assertTrue(exists("sem", bare[1]), "reproduced: its semaphore set is left");
        } finally {
            removeQuietly(bare);
        }
        int[] guarded = stopHolder("guarded");
        boolean leftQ = exists("msg", guarded[0]), leftS = exists("sem", guarded[1]);
        removeQuietly(guarded);
        assertFalse(leftQ, "the exit sweep removed the queue");
        assertFalse(leftS, "the exit sweep removed the semaphore set");
    }

    /** Starts a {@link Holder}, waits until it made its channel, sends it SIGTERM and waits for its end; its ids. */
    private static int[] stopHolder(String mode) {
        try (ChildJvm child = ChildJvm.start(Holder.class, mode)) {
            String[] made = child.readLine(WAIT).split(" ");
            assertEquals("made", made[0], child.stderr());
            child.process().destroy(); // SIGTERM
            assertEquals(143, child.awaitExit(WAIT), "ended by SIGTERM: " + child.stderr());
            return new int[] {Integer.parseInt(made[1]), Integer.parseInt(made[2])};
        }
    }

    private static boolean exists(String kind, int id) throws IOException {
        return Files.readAllLines(Path.of("/proc/sysvipc", kind)).stream()
                .skip(1)
                .anyMatch(l -> l.strip().split("\\s+")[1].equals(Integer.toString(id)));
    }

    private static void removeQuietly(int[] ids) {
        try {
            SysvMsgQueue.remove(ids[0]);
        } catch (IpcException gone) {
            // removed already
        }
        try {
            SysvSemaphore.remove(ids[1]);
        } catch (IpcException gone) {
            // removed already
        }
    }

    /** A test JVM in the middle of a channel test: makes a msgq channel as ChannelLab does, then waits. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            if (args[0].equals("guarded")) LeakGuard.Leaks.sweepOnExit();
            var ch = ChannelLab.msgq("held", QueueMode.BLOCKING, 0);
            var h = (ChannelHandle.Msgq) new ChannelObjects()
                    .create(ch, ChannelObjectsTest.plan(ch, Role.WRITER, Role.READER), new ObjectLog() {
                        @Override
                        public void created(ObjectKind kind, int id, int key, String path) {}

                        @Override
                        public void removed(ObjectKind kind, int id, String path) {}
                    });
            System.out.println("made " + h.msqId() + " " + h.semId());
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}
