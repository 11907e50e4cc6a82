package ipclab.engine.transport;

import ipclab.dsl.model.Fanout;
import ipclab.dsl.model.Role;
import ipclab.dsl.model.Sync;
import ipclab.dsl.plan.Plan;
import ipclab.dsl.plan.PlannedChannel;
import ipclab.dsl.plan.PlannedProcess;
import ipclab.engine.channel.ObjectKind;
import ipclab.engine.channel.ObjectLog;
import ipclab.engine.channel.ReceivePort;
import ipclab.engine.channel.SendPort;
import ipclab.engine.channel.Topology;
import ipclab.engine.channel.shm.RacyRingReceiver;
import ipclab.engine.channel.shm.RacyRingSender;
import ipclab.engine.channel.shm.Ring;
import ipclab.engine.channel.shm.RingDescriptor;
import ipclab.engine.channel.shm.SemRingReceiver;
import ipclab.engine.channel.shm.SemRingSender;
import ipclab.engine.channel.shm.SpinRingReceiver;
import ipclab.engine.channel.shm.SpinRingSender;
import ipclab.engine.inspect.SysvObject.Kind;
import ipclab.engine.protocol.ChannelHandle;
import ipclab.engine.protocol.ChannelHandle.ShmRing;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.WorkerSpec;
import ipclab.engine.sys.Ipc;
import ipclab.engine.sys.IpcException;
import ipclab.engine.sys.SysvSemaphore;
import ipclab.engine.sys.SysvShm;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.OptionalInt;

/**
 * System V shared memory: one segment (a ring of slots, or an incrementer's counter, formatted
 * by the supervisor, who stays attached until removal) plus a semaphore set with
 * {@code sync: semaphore}. The segment is marked IPC_RMID once every worker has attached.
 */
final class ShmRingTransport implements Transport {
    static final ShmRingTransport INSTANCE = new ShmRingTransport();

    /** Bytes read per bulk copy by a worker's first touch of the segment. */
    private static final long TOUCH_CHUNK = 64 * 1024;

    private ShmRingTransport() {}

    /** The ring's geometry (lanes, slots, slot and segment size) and whether the largest message fits a slot. */
    @Override
    public void check(PlannedChannel ch, Plan plan) {
        List<PlannedProcess> procs = plan.processesOn(ch.name());
        if (Topology.incrementers(procs)) return;
        int lanes = Topology.lanes(ch, procs);
        int writers = Topology.senders(procs).size();
        int readers = Topology.receivers(procs).size();
        if (lanes == 2 && (writers != 1 || readers != 1)) {
            throw new IllegalArgumentException(
                    "channel " + ch.name() + ": pinger/echo over shm needs exactly one pinger" + " and one echo (has "
                            + writers + " and " + readers + ")");
        }
        String bad = RingDescriptor.check(lanes, slotsPerLane(ch, lanes), ch.slotBytes(), ch.segmentBytes());
        if (bad != null) throw new IllegalArgumentException("channel " + ch.name() + ": " + bad);
        long need = Topology.maxMessage(ch, procs);
        if (need > RingDescriptor.maxMessage(ch.slotBytes())) {
            throw new IllegalArgumentException(
                    "channel " + ch.name() + ": messages of " + need + " bytes do not fit slotBytes=" + ch.slotBytes()
                            + " (at most " + RingDescriptor.maxMessage(ch.slotBytes()) + " per slot)");
        }
    }

    private static int slotsPerLane(PlannedChannel ch, int lanes) {
        return lanes == 2 ? ch.slots() / 2 : ch.slots();
    }

    @Override
    public void create(PlannedChannel ch, List<PlannedProcess> procs, Creation c) {
        boolean counter = Topology.incrementers(procs);
        int lanes = Topology.lanes(ch, procs);
        int writers = Topology.senders(procs).size();
        int readers = Topology.receivers(procs).size();
        int slotsPerLane = slotsPerLane(ch, lanes);
        long size = Math.max(ch.segmentBytes(), RingDescriptor.CONTROL_BYTES);
        int shmId = c.sysv("shmget", Kind.SHM, key -> SysvShm.shmget(key, size, Ipc.IPC_CREAT | Ipc.IPC_EXCL | 0600));
        c.made(new ShmRing(ch.name(), shmId, OptionalInt.empty()));

        Arena arena = Arena.ofShared();
        c.attachment(arena);
        MemorySegment seg = c.timed("shmat", () -> SysvShm.attach(shmId, size, arena));
        c.segment(seg);
        c.timed("first-touch", () -> touch(seg));
        c.timed("format", () -> {
            if (counter) {
                Ring.formatCounter(seg, procs.size(), ch.sync());
            } else {
                Ring.format(
                        seg,
                        lanes,
                        slotsPerLane,
                        ch.slotBytes(),
                        lanes == 2 ? 1 : writers,
                        lanes == 2 ? 1 : readers,
                        ch.sync(),
                        lanes == 2 ? Fanout.SHARED : ch.fanout());
            }
        });
        if (ch.sync() != Sync.SEMAPHORE) return;
        int perLane = RingDescriptor.semsPerLane(lanes == 2 ? 1 : readers);
        int nsems = counter ? 1 : lanes * perLane;
        int semId = c.sysv(
                "semget", Kind.SEM, key -> SysvSemaphore.semget(key, nsems, Ipc.IPC_CREAT | Ipc.IPC_EXCL | 0600));
        c.made(new ShmRing(ch.name(), shmId, OptionalInt.of(semId)));
        c.timed("semctl", () -> {
            if (counter) {
                SysvSemaphore.setVal(semId, 0, 1);
            } else {
                for (int l = 0; l < lanes; l++) {
                    int base = l * perLane;
                    SysvSemaphore.setVal(semId, base + RingDescriptor.SEM_MUTEX_WRITERS, 1);
                    SysvSemaphore.setVal(semId, base + RingDescriptor.SEM_MUTEX_READERS, 1);
                    SysvSemaphore.setVal(semId, base + RingDescriptor.SEM_EMPTY, slotsPerLane);
                }
            }
        });
    }

    /** Runs {@link #touch} once on a page of the JVM's own memory: the timed touch then pays the page faults, not the JVM's first use of its code. */
    static void warmTouch() {
        try (Arena a = Arena.ofConfined()) {
            touch(a.allocate(4096, 4096));
        }
    }

    /**
     * Writes every page (a memset of zeros over the fresh, zero segment, as the C reference
     * does), so the kernel maps it now and not during the run. One bulk call: a per-page loop of
     * {@code set} runs interpreted in a cold JVM and costs more than the page faults it measures.
     */
    private static void touch(MemorySegment seg) {
        seg.fill((byte) 0);
    }

    @Override
    public void allAttached(ChannelHandle h, ObjectLog log) {
        ShmRing s = (ShmRing) h;
        try {
            SysvShm.remove(s.shmId());
        } catch (IpcException e) {
            if (!Removal.gone(e)) throw e;
            log.removed(ObjectKind.SHM, s.shmId(), null);
            return;
        }
        // still listed (key 0) until its last detach: the record keeps it, so ipcs --mine knows it
        log.markedForRemoval(ObjectKind.SHM, s.shmId());
    }

    @Override
    public void remove(ChannelHandle h, Removal r) {
        ShmRing s = (ShmRing) h;
        r.sysv(Kind.SHM, s.shmId());
        s.semaphores().ifPresent(id -> r.sysv(Kind.SEM, id));
    }

    @Override
    public void open(Endpoint e, WorkerSpec spec, StepGate gate) {
        ShmRing h = (ShmRing) spec.handle();
        PlannedChannel ch = spec.channel();
        PlannedProcess self = spec.self();
        List<PlannedProcess> peers = spec.peers();
        Role role = self.role();
        String name = ch.name();
        Arena arena = e.arena();
        e.semId(h.semId());
        SysvShm.warm(); // time the call, not the linker nor the first invocation
        MemorySegment scratch = arena.allocate(TOUCH_CHUNK, 4096);
        readEveryPage(scratch.asSlice(0, 4096), scratch); // warm the copy path on memory of our own
        long t0 = System.nanoTime();
        MemorySegment segment = SysvShm.attach(h.shmId(), arena);
        e.segment(segment);
        e.setup("shmat", System.nanoTime() - t0);
        t0 = System.nanoTime();
        readEveryPage(segment, scratch);
        e.setup("first-touch", System.nanoTime() - t0);
        if (role == Role.INCREMENTER) return;
        boolean pingEcho = Topology.lanes(ch, peers) == 2;
        int outLane = role == Role.ECHO ? 1 : 0;
        int inLane = role == Role.PINGER ? 1 : 0;
        int reader = pingEcho ? 0 : Topology.receiverIndex(self, peers);
        if (role.sends()) e.out(sender(Ring.open(segment, outLane), ch.sync(), h.semId(), gate, name, arena));
        if (role.receives())
            e.in(receiver(Ring.open(segment, inLane), reader, ch.sync(), h.semId(), gate, name, arena));
    }

    /**
     * Ends the ring's streams on behalf of writers that are gone without finishing (killed): on each
     * lane, one {@code finish} per writer that never counted itself done, through the supervisor's
     * own attachment, so that readers see the end as they would have (writers-done complete, and on a
     * semaphore ring the end marker in a slot, which wakes them). A semaphore ring without a free
     * slot now is left for a later call (the readers are still emptying it): nothing here blocks.
     *
     * @return what was done, or null when nothing was (needed or possible yet)
     */
    static String endStreamFor(MemorySegment segment, ChannelHandle.ShmRing h, PlannedChannel ch) {
        int ended = 0;
        try (Arena arena = Arena.ofConfined()) {
            for (int l = 0; l < Ring.lanes(segment); l++) {
                Ring ring = Ring.open(segment, l);
                int missing = ring.writersNotDone();
                if (missing == 0) continue;
                if (ch.sync() == Sync.SEMAPHORE
                        && SysvSemaphore.getVal(
                                        h.semId(), RingDescriptor.sem(l, ring.readers(), RingDescriptor.SEM_EMPTY))
                                == 0) continue;
                SendPort out = sender(ring, ch.sync(), h.semId(), StepGate.FREE, ch.name(), arena);
                for (int i = 0; i < missing; i++) out.finish();
                ended += missing;
            }
        }
        if (ended == 0) return null;
        return "the ring's killed writer" + (ended == 1 ? "" : "s") + " never counted "
                + (ended == 1 ? "itself" : "themselves")
                + " done: the supervisor did, for " + ended
                + (ch.sync() == Sync.SEMAPHORE ? ", and put the end marker in a slot" : "")
                + ", so the readers end their stream";
    }

    private static SendPort sender(Ring ring, Sync sync, int semId, StepGate gate, String name, Arena arena) {
        return switch (sync) {
            case SEMAPHORE -> new SemRingSender(ring, semId, gate, name, arena);
            case SPIN, ATOMIC -> new SpinRingSender(ring, gate, name);
            case NONE -> new RacyRingSender(ring, gate, name);
        };
    }

    private static ReceivePort receiver(
            Ring ring, int reader, Sync sync, int semId, StepGate gate, String name, Arena arena) {
        return switch (sync) {
            case SEMAPHORE -> new SemRingReceiver(ring, reader, semId, gate, name, arena);
            case SPIN, ATOMIC -> new SpinRingReceiver(ring, reader, gate, name);
            case NONE -> new RacyRingReceiver(ring, reader, gate, name);
        };
    }

    /**
     * The worker's first touch: reads every page of the segment (mapping it into this process),
     * in bulk copies of {@link #TOUCH_CHUNK} bytes into scratch: a per-page loop of {@code get}
     * runs interpreted in a cold JVM and costs more than the page faults it measures.
     */
    private static void readEveryPage(MemorySegment seg, MemorySegment scratch) {
        long size = seg.byteSize();
        for (long off = 0; off < size; off += TOUCH_CHUNK) {
            MemorySegment.copy(seg, off, scratch, 0, Math.min(TOUCH_CHUNK, size - off));
        }
    }
}
