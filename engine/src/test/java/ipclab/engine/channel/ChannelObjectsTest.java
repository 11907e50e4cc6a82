package ipclab.engine.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.dsl.model.Fanout;
import ipclab.dsl.model.QueueMode;
import ipclab.dsl.model.Removal;
import ipclab.dsl.model.Role;
import ipclab.dsl.model.Sync;
import ipclab.dsl.model.Verify;
import ipclab.dsl.plan.Plan;
import ipclab.dsl.plan.PlannedChannel;
import ipclab.dsl.plan.PlannedProcess;
import ipclab.engine.channel.shm.RingDescriptor;
import ipclab.engine.protocol.ChannelHandle;
import ipclab.engine.sys.MsqInfo;
import ipclab.engine.sys.SysvMsgQueue;
import ipclab.engine.transport.ChannelObjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelObjectsTest {
    final List<String> log = new ArrayList<>();
    final ObjectLog ol = new ObjectLog() {
        @Override
        public void created(ObjectKind kind, int id, int key, String path) {
            log.add("+" + kind + ":" + id + ":" + path);
        }

        @Override
        public void removed(ObjectKind kind, int id, String path) {
            log.add("-" + kind + ":" + id + ":" + path);
        }
    };

    static Plan plan(PlannedChannel ch, Role... roles) {
        List<PlannedProcess> procs = new ArrayList<>();
        for (Role r : roles)
            procs.add(new PlannedProcess(
                    "p" + procs.size(), "p", 1, procs.size(), r, ch.name(), 1, 0, 64, 0, 1, 0, 0, List.of()));
        return new Plan(null, Map.of(), 1, Duration.ofSeconds(5), List.of(ch), procs, List.of(), List.of());
    }

    static boolean inProc(String file, int id) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/sysvipc", file))) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 1 && f[1].equals(Integer.toString(id))) return true;
        }
        return false;
    }

    @Test
    void shmRingWithSemaphoresIsMadeLoggedFormattedAndRemovedTwice() throws Exception {
        PlannedChannel ch = ChannelLab.shm("ring", Sync.SEMAPHORE, Fanout.BROADCAST, 8, 256);
        ChannelObjects objects = new ChannelObjects();
        ChannelHandle.ShmRing h =
                (ChannelHandle.ShmRing) objects.create(ch, plan(ch, Role.WRITER, Role.READER, Role.READER), ol);
        try {
            assertTrue(inProc("shm", h.shmId()));
            assertTrue(inProc("sem", h.semId()));
            assertEquals(List.of("+shm:" + h.shmId() + ":null", "+sem:" + h.semId() + ":null"), log);
            assertTrue(objects.setupNanos(h)
                    .keySet()
                    .containsAll(List.of("shmget", "shmat", "first-touch", "format", "semget", "semctl")));
            assertEquals(RingDescriptor.MAGIC, objects.segment(h).get(java.lang.foreign.ValueLayout.JAVA_INT, 0));
            objects.allAttached(h, ol);
        } finally {
            objects.remove(h, ol);
        }
        objects.remove(h, ol); // idempotent, objects already gone
        assertFalse(inProc("shm", h.shmId()));
        assertFalse(inProc("sem", h.semId()));
    }

    @Test
    void msgqGetsItsCapacityAndAnEndTokenSet() throws Exception {
        PlannedChannel ch = ChannelLab.msgq("q", QueueMode.BLOCKING, 4096);
        ChannelObjects objects = new ChannelObjects();
        ChannelHandle.Msgq h =
                (ChannelHandle.Msgq) objects.create(ch, plan(ch, Role.WRITER, Role.WRITER, Role.READER), ol);
        try {
            MsqInfo info = SysvMsgQueue.stat(h.msqId());
            assertEquals(4096, info.qbytes());
            assertEquals(2, ipclab.engine.sys.SysvSemaphore.getVal(h.semId(), 0), "two writers still to finish");
            assertEquals(1, ipclab.engine.sys.SysvSemaphore.getVal(h.semId(), 1), "one end token");
        } finally {
            objects.remove(h, ol);
        }
        assertFalse(inProc("msg", h.msqId()));
        assertFalse(inProc("sem", h.semId()));
    }

    @Test
    void fifoLivesInAPrivateDirectoryThatRemoveDeletes() throws Exception {
        PlannedChannel ch = ChannelLab.pipe("p");
        ChannelObjects objects = new ChannelObjects();
        ChannelHandle.Fifo h = (ChannelHandle.Fifo) objects.create(ch, plan(ch, Role.PINGER, Role.ECHO), ol);
        Path fifo = Path.of(h.path());
        try {
            assertTrue(Files.exists(fifo) && Files.exists(Path.of(h.path() + ".back")));
            assertEquals(
                    "rwx------",
                    java.nio.file.attribute.PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(fifo.getParent())));
        } finally {
            objects.remove(h, ol);
        }
        assertFalse(Files.exists(fifo.getParent()));
    }

    @Test
    void messagesLargerThanASlotAreRefusedBeforeAnythingIsMade() {
        PlannedChannel ch = new PlannedChannel(
                "tiny",
                ipclab.dsl.model.ChannelType.SHM,
                4096 + 4 * 128,
                4,
                128,
                Sync.SPIN,
                Fanout.SHARED,
                QueueMode.BLOCKING,
                0,
                ipclab.dsl.model.SocketDomain.UNIX,
                200,
                Removal.AFTER_ATTACH,
                Verify.FULL,
                1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ChannelObjects()
                .create(ch, plan(ch, Role.WRITER, Role.READER), ol));
        assertEquals(
                "channel tiny: messages of 200 bytes do not fit slotBytes=128 (at most 96 per slot)", e.getMessage());
        assertEquals(List.of(), log);
    }
}
