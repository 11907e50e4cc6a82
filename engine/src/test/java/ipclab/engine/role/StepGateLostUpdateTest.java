package ipclab.engine.role;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ipclab.dsl.model.Fanout;
import ipclab.dsl.model.Role;
import ipclab.dsl.model.Sync;
import ipclab.dsl.plan.Plan;
import ipclab.dsl.plan.PlannedChannel;
import ipclab.dsl.plan.PlannedProcess;
import ipclab.engine.channel.ChannelLab;
import ipclab.engine.protocol.ChannelHandle;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.StepNumber;
import ipclab.engine.protocol.StepOp;
import ipclab.engine.protocol.StepResult;
import ipclab.engine.protocol.WorkerSpec;
import ipclab.engine.transport.ChannelObjects;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The incrementer announces load and store as separate steps: load, load, store, store loses one update. */
class StepGateLostUpdateTest {
    /** Announces each operation and waits for a grant. */
    static final class Gate implements StepGate {
        final BlockingQueue<String> announced = new ArrayBlockingQueue<>(16);
        final Semaphore grants = new Semaphore(0);

        @Override
        public void before(StepOp op, String channel) {
            announced.add(op.wireName());
            grants.acquireUninterruptibly();
        }

        @Override
        public boolean stepped() {
            return true;
        }

        @Override
        public void result(StepResult r) {}

        @Override
        public void number(StepNumber which, long v) {}

        @Override
        public void message(long writer, long seq, long size) {}

        String next() throws InterruptedException {
            String op = announced.poll(10, TimeUnit.SECONDS);
            if (op == null) throw new AssertionError("no operation announced");
            return op;
        }
    }

    @Test
    void loadLoadStoreStoreLosesExactlyOneUpdate() throws Exception {
        PlannedChannel ch = ChannelLab.shm("counter", Sync.NONE, Fanout.SHARED, 1, 64);
        List<PlannedProcess> procs = List.of(
                new PlannedProcess("a", "a", 1, 0, Role.INCREMENTER, ch.name(), 1, 0, 0, 0, 0, 0, 0, List.of()),
                new PlannedProcess("b", "b", 1, 1, Role.INCREMENTER, ch.name(), 1, 0, 0, 0, 0, 0, 0, List.of()));
        Plan plan = new Plan(null, Map.of(), 1L, Duration.ofSeconds(30), List.of(ch), procs, List.of(), List.of());
        ChannelObjects objects = new ChannelObjects();
        ChannelHandle created = objects.create(ch, plan, HotPathAllocationTest.NO_LOG);
        Gate ga = new Gate(), gb = new Gate();
        RoleAgent a = Roles.create(new WorkerSpec(procs.get(0), ch, created, procs, 1L, true), ga);
        RoleAgent b = Roles.create(new WorkerSpec(procs.get(1), ch, created, procs, 1L, true), gb);
        Thread ta = null, tb = null;
        try {
            a.onStart();
            b.onStart();
            objects.allAttached(created);
            ta = Thread.ofPlatform().start(() -> drive(a));
            tb = Thread.ofPlatform().start(() -> drive(b));
            assertEquals("load", ga.next());
            assertEquals("load", gb.next());
            ga.grants.release(); // a loads 0
            gb.grants.release(); // b loads 0
            assertEquals("store", ga.next());
            assertEquals("store", gb.next());
            ga.grants.release(); // a stores 1
            ta.join(10_000);
            gb.grants.release(); // b stores 1
            tb.join(10_000);
            assertEquals(1, objects.readCounter(created));
            assertEquals(
                    1,
                    ipclab.engine.channel.ChannelAccounting.counter(ch, 1, List.of(a.report(), b.report()))
                            .lostUpdates());
        } finally {
            ga.grants.release(100);
            gb.grants.release(100);
            if (ta != null) ta.join(5000);
            if (tb != null) tb.join(5000);
            a.onClose();
            b.onClose();
            objects.remove(created, HotPathAllocationTest.NO_LOG);
        }
    }

    private static void drive(RoleAgent agent) {
        agent.onGo();
        try {
            while (!agent.isDone()) agent.doWork();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
