package ipclab.engine.role;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.dsl.model.Fanout;
import ipclab.dsl.model.QueueMode;
import ipclab.dsl.model.Role;
import ipclab.dsl.model.Sync;
import ipclab.dsl.model.Verify;
import ipclab.dsl.plan.Plan;
import ipclab.dsl.plan.PlannedChannel;
import ipclab.dsl.plan.PlannedProcess;
import ipclab.engine.channel.ChannelLab;
import ipclab.engine.channel.ObjectKind;
import ipclab.engine.channel.ObjectLog;
import ipclab.engine.protocol.ChannelHandle;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.WorkerSpec;
import ipclab.engine.transport.ChannelObjects;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A writer and a reader driven alternately on one thread allocate nothing per message once warm.
 *
 * <p>"Once warm" is decided by the allocation counter, never by a clock: until C2 has compiled the
 * loop (and scalar-replaced the FFM downcalls' capture-state slices) a round allocates 40-80 bytes
 * per message, and on a loaded machine that can last for hundreds of thousands of messages. So the
 * test runs rounds of {@value #ROUND} messages until {@value #CLEAN_ROUNDS} consecutive rounds
 * allocate less than {@value #NOISE_BYTES} bytes each, at most {@value #MAX_ROUNDS} rounds. A real
 * per-message allocation (even 16 bytes) costs {@value #ROUND} times that in every round, compiled
 * or not, so it never passes; a slow JIT only makes the test take more rounds.
 */
class HotPathAllocationTest {
    static final int ROUND = 5_000;
    static final int CLEAN_ROUNDS = 2;
    static final int MAX_ROUNDS = 400;
    /** Bytes a round may allocate for one-off reasons (a TLAB statistic, a lazily made constant). */
    static final long NOISE_BYTES = 1024;

    static final ObjectLog NO_LOG = new ObjectLog() {
        @Override
        public void created(ObjectKind kind, int id, int key, String path) {}

        @Override
        public void removed(ObjectKind kind, int id, String path) {}
    };

    static Stream<PlannedChannel> channels() {
        return Stream.of(
                ChannelLab.msgq("q", QueueMode.BLOCKING, 0),
                ChannelLab.shm("sem", Sync.SEMAPHORE, Fanout.SHARED, 8, 256),
                ChannelLab.shm("spin", Sync.SPIN, Fanout.BROADCAST, 8, 256),
                ChannelLab.msgq("q-ends", QueueMode.BLOCKING, 0).checking(Verify.ENDS, 64));
    }

    @org.junit.jupiter.api.Test
    void thisJvmKeepsTheDowncallsCompiledAsAWorkerDoes() {
        List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (String flag : ipclab.engine.run.WorkerCommand.DOWNCALL_ROOTS)
            assertTrue(
                    args.contains(flag),
                    flag + " is a worker's flag, missing from the parent pom's ipclab.jvmFlags: " + args);
    }

    @ParameterizedTest
    @MethodSource("channels")
    void writerAndReaderDoNotAllocatePerMessage(PlannedChannel c) throws Exception {
        PlannedChannel ch = new PlannedChannel(
                c.name(),
                c.type(),
                c.segmentBytes(),
                c.slots(),
                c.slotBytes(),
                c.sync(),
                c.fanout(),
                c.mode(),
                c.capacity(),
                c.domain(),
                128,
                c.removal(),
                c.verify(),
                c.sample());
        long messages = (long) ROUND * (MAX_ROUNDS + 10);
        List<PlannedProcess> procs = List.of(
                new PlannedProcess("w", "w", 1, 0, Role.WRITER, ch.name(), messages, 0, 128, 0, 1, 0, 0, List.of()),
                new PlannedProcess(
                        "r", "r", 1, 1, Role.READER, ch.name(), Long.MAX_VALUE, 0, 128, 0, 0, 0, 0, List.of()));
        Plan plan = new Plan(null, Map.of(), 7L, Duration.ofSeconds(30), List.of(ch), procs, List.of(), List.of());
        ChannelObjects objects = new ChannelObjects();
        ChannelHandle created = objects.create(ch, plan, NO_LOG);
        RoleAgent w = Roles.create(new WorkerSpec(procs.get(0), ch, created, procs, 7L, false), StepGate.FREE);
        RoleAgent r = Roles.create(new WorkerSpec(procs.get(1), ch, created, procs, 7L, false), StepGate.FREE);
        try {
            w.onStart();
            r.onStart();
            objects.allAttached(created);
            w.onGo();
            r.onGo();
            com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long tid = Thread.currentThread().threadId();
            int clean = 0, round = 0;
            java.util.ArrayDeque<Long> last = new java.util.ArrayDeque<>();
            while (clean < CLEAN_ROUNDS && round++ < MAX_ROUNDS) {
                long before = mx.getThreadAllocatedBytes(tid);
                for (int i = 0; i < ROUND; i++) pair(w, r);
                long allocated = mx.getThreadAllocatedBytes(tid) - before;
                clean = allocated < NOISE_BYTES ? clean + 1 : 0;
                if (last.size() == 8) last.removeFirst();
                last.addLast(allocated);
            }
            assertTrue(
                    clean >= CLEAN_ROUNDS,
                    ch.name() + ": no " + CLEAN_ROUNDS + " consecutive rounds of " + ROUND + " messages under "
                            + NOISE_BYTES + " bytes in " + MAX_ROUNDS + " rounds; bytes of the last rounds: " + last);
            w.requestStop(); // the writer ends its stream; the reader takes what is left and the end
            while (!w.isDone() || !r.isDone()) {
                if (!w.isDone()) w.doWork();
                if (!r.isDone()) r.doWork();
            }
        } finally {
            w.onClose();
            r.onClose();
            objects.remove(created, NO_LOG);
        }
        assertEquals(w.report().sent, r.report().received);
        assertEquals(0, r.report().corrupted);
    }

    private static void pair(RoleAgent w, RoleAgent r) throws Exception {
        assertEquals(1, w.doWork());
        assertEquals(1, r.doWork());
    }
}
