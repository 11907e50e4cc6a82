package ipclab.engine.channel;

import ipclab.dsl.model.ChannelType;
import ipclab.dsl.model.Fanout;
import ipclab.dsl.model.QueueMode;
import ipclab.dsl.model.Removal;
import ipclab.dsl.model.Role;
import ipclab.dsl.model.SocketDomain;
import ipclab.dsl.model.Sync;
import ipclab.dsl.model.Verify;
import ipclab.dsl.plan.Plan;
import ipclab.dsl.plan.PlannedChannel;
import ipclab.dsl.plan.PlannedProcess;
import ipclab.engine.protocol.ChannelHandle;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.WorkerReport;
import ipclab.engine.protocol.WorkerSpec;
import ipclab.engine.role.RoleAgent;
import ipclab.engine.role.Roles;
import ipclab.engine.transport.ChannelObjects;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs one channel's roles on platform threads of this JVM against real kernel objects: create
 * the objects, start every role (onStart concurrently: accept and FIFO open block until the peer
 * comes), mark attached, go, drive doWork until done, close, merge the figures, remove.
 */
public final class ChannelLab {
    public final List<PlannedProcess> procs = new ArrayList<>();
    public PlannedChannel channel;
    public final List<WorkerReport> reports = new ArrayList<>();
    public ChannelTotals figures;
    public long counter = -1;
    public final List<String> log = new ArrayList<>();

    public static PlannedChannel shm(String name, Sync sync, Fanout fanout, int slots, long slotBytes) {
        return new PlannedChannel(
                name,
                ChannelType.SHM,
                RingLayout.bytes(slots, slotBytes),
                slots,
                slotBytes,
                sync,
                fanout,
                QueueMode.BLOCKING,
                0,
                SocketDomain.UNIX,
                0,
                Removal.AFTER_ATTACH,
                Verify.FULL,
                1);
    }

    public static PlannedChannel msgq(String name, QueueMode mode, long capacity) {
        return new PlannedChannel(
                name,
                ChannelType.MSGQ,
                0,
                0,
                0,
                Sync.NONE,
                Fanout.SHARED,
                mode,
                capacity,
                SocketDomain.UNIX,
                0,
                Removal.AFTER_ATTACH,
                Verify.FULL,
                1);
    }

    public static PlannedChannel socket(String name, SocketDomain domain) {
        return new PlannedChannel(
                name,
                ChannelType.SOCKET,
                0,
                0,
                0,
                Sync.NONE,
                Fanout.SHARED,
                QueueMode.BLOCKING,
                0,
                domain,
                0,
                Removal.AFTER_ATTACH,
                Verify.FULL,
                1);
    }

    public static PlannedChannel pipe(String name) {
        return new PlannedChannel(
                name,
                ChannelType.PIPE,
                0,
                0,
                0,
                Sync.NONE,
                Fanout.SHARED,
                QueueMode.BLOCKING,
                0,
                SocketDomain.UNIX,
                0,
                Removal.AFTER_ATTACH,
                Verify.FULL,
                1);
    }

    /** Helper: segment bytes for a one-lane (or two-lane) ring. */
    static final class RingLayout {
        static long bytes(int slots, long slotBytes) {
            return 4096 + slots * slotBytes;
        }
    }

    public ChannelLab(PlannedChannel channel) {
        this.channel = channel;
    }

    /** Adds a process; a writer gets the planner's default warm-up, max(100, messages / 10). */
    public ChannelLab add(String name, Role role, long messages, long size, long mtype) {
        long warmup = role == Role.WRITER && messages != Long.MAX_VALUE ? Math.max(100, messages / 10) : 0;
        procs.add(new PlannedProcess(
                name, name, 1, procs.size(), role, channel.name(), messages, 0, size, 0, mtype, warmup, 0, List.of()));
        return this;
    }

    public ChannelLab addPinger(String name, long messages, long warmup, long size) {
        procs.add(new PlannedProcess(
                name,
                name,
                1,
                procs.size(),
                Role.PINGER,
                channel.name(),
                messages,
                0,
                size,
                0,
                1,
                warmup,
                0,
                List.of()));
        return this;
    }

    /** Runs every role to the end; fails after {@code timeoutSeconds}. */
    public ChannelLab run(int timeoutSeconds) throws Exception {
        long max = 0;
        for (PlannedProcess p : procs) max = Math.max(max, p.size());
        PlannedChannel ch = new PlannedChannel(
                channel.name(),
                channel.type(),
                channel.segmentBytes(),
                channel.slots(),
                channel.slotBytes(),
                channel.sync(),
                channel.fanout(),
                channel.mode(),
                channel.capacity(),
                channel.domain(),
                max,
                Removal.AFTER_ATTACH,
                channel.verify(),
                channel.sample());
        channel = ch;
        Plan plan = new Plan(
                null, Map.of(), 42L, Duration.ofSeconds(timeoutSeconds), List.of(ch), procs, List.of(), List.of());
        ChannelObjects objects = new ChannelObjects();
        ObjectLog ol = new ObjectLog() {
            @Override
            public synchronized void created(ObjectKind kind, int id, int key, String path) {
                log.add("+" + kind);
            }

            @Override
            public synchronized void removed(ObjectKind kind, int id, String path) {
                log.add("-" + kind);
            }
        };
        ChannelHandle created = objects.create(ch, plan, ol);
        List<RoleAgent> agents = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch ready = new CountDownLatch(procs.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            for (PlannedProcess p : procs) {
                RoleAgent a = Roles.create(new WorkerSpec(p, ch, created, procs, 42L, false), StepGate.FREE);
                agents.add(a);
                Thread t = Thread.ofPlatform().name(p.name()).start(() -> {
                    try {
                        a.onStart();
                        ready.countDown();
                        go.await();
                        a.onGo();
                        while (!a.isDone()) a.doWork();
                    } catch (Throwable e) {
                        errors.add(e);
                        ready.countDown();
                    } finally {
                        a.onClose();
                    }
                });
                threads.add(t);
            }
            if (!ready.await(timeoutSeconds, TimeUnit.SECONDS))
                throw new AssertionError("roles not ready in " + timeoutSeconds + " s");
            objects.allAttached(created, ol);
            go.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            for (Thread t : threads) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !t.join(Duration.ofNanos(left))) {
                    for (RoleAgent a : agents) a.requestStop();
                    throw new AssertionError(
                            "roles did not finish in " + timeoutSeconds + " s: " + t.getName() + " still runs");
                }
            }
            if (!errors.isEmpty()) {
                AssertionError e = new AssertionError("a role failed: " + errors.get(0), errors.get(0));
                throw e;
            }
            if (Topology.incrementers(procs)) counter = objects.readCounter(created);
            for (RoleAgent a : agents) reports.add(a.report());
            figures = ChannelAccounting.merge(ch, procs, reports);
            return this;
        } finally {
            objects.remove(created, ol);
            for (Thread t : threads) t.join(5000);
        }
    }

    public WorkerReport report(String name) {
        for (WorkerReport r : reports) if (name.equals(r.name)) return r;
        throw new AssertionError("no report " + name);
    }
}
