package ipclab.engine.transport;

import ipclab.dsl.model.ChannelType;
import ipclab.dsl.model.Fanout;
import ipclab.dsl.model.SocketDomain;
import ipclab.dsl.model.Sync;
import ipclab.dsl.plan.Plan;
import ipclab.dsl.plan.PlannedChannel;
import ipclab.dsl.plan.PlannedProcess;
import ipclab.engine.channel.CreatedChannel;
import ipclab.engine.channel.ObjectLog;
import ipclab.engine.channel.Topology;
import ipclab.engine.channel.shm.Ring;
import ipclab.engine.channel.shm.RingDescriptor;
import ipclab.engine.protocol.ChannelHandle;
import ipclab.engine.sys.Errno;
import ipclab.engine.sys.Ipc;
import ipclab.engine.sys.IpcException;
import ipclab.engine.sys.Pipes;
import ipclab.engine.sys.SysvMsgQueue;
import ipclab.engine.sys.SysvSemaphore;
import ipclab.engine.sys.SysvShm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The supervisor's side of channels: makes every kernel object and file of a channel (mode 0600,
 * System V key IPC_PRIVATE, files in a private 0700 temp directory), tells the {@link ObjectLog}
 * of each before anything else happens to it, initialises it, and removes it at the end.
 *
 * <p>Order of calls for one run: {@link #create} each channel, spawn the workers with the handle,
 * {@link #allAttached} once every worker reported ready (marks segments IPC_RMID), let the run go,
 * {@link #readCounter} for incrementer channels after the workers exited, then {@link #remove}
 * (also after any failure; idempotent). Thread-safe.
 *
 * <p>Per type: shm: one segment (ring or counter, formatted here; the supervisor stays attached
 * until {@link #remove}) plus a semaphore set with {@code sync: semaphore}; msgq: the queue
 * (msg_qbytes set to {@code capacity} with IPC_SET) plus a semaphore set of two, [senders still
 * running, end token], that lets the last writer send the end markers; unix sockets and FIFOs: a
 * path in a private directory (the FIFO made with mkfifo; the socket bound by its receiver);
 * tcp/udp: a free loopback port the supervisor found by binding port 0 and closing (udp
 * pinger/echo also use port + 1, checked free too).
 */
public final class ChannelObjects {
    private final Map<String, Arena> attachments = new ConcurrentHashMap<>();
    private final Map<String, MemorySegment> segments = new ConcurrentHashMap<>();

    /**
     * Refuses a channel whose objects could not work, before anything is made: an shm ring's
     * geometry (lanes, slots, slot and segment size) and whether the largest message fits a slot.
     * The one home of that check; {@link #create} calls it first, and a run calls it for every
     * channel before it makes the first object.
     *
     * @throws IllegalArgumentException naming the channel and what is wrong
     */
    public static void check(PlannedChannel ch, Plan plan) {
        if (ch.type() != ChannelType.SHM) return;
        List<PlannedProcess> procs = plan.processesOn(ch.name());
        if (Topology.incrementers(procs)) return;
        int lanes = Topology.lanes(ch, procs);
        int writers = Topology.senders(procs).size();
        int readers = Topology.receivers(procs).size();
        int slotsPerLane = lanes == 2 ? ch.slots() / 2 : ch.slots();
        if (lanes == 2 && (writers != 1 || readers != 1)) {
            throw new IllegalArgumentException("channel " + ch.name() + ": pinger/echo over shm needs exactly one pinger"
                    + " and one echo (has " + writers + " and " + readers + ")");
        }
        String bad = RingDescriptor.check(lanes, slotsPerLane, ch.slotBytes(), ch.segmentBytes());
        if (bad != null) throw new IllegalArgumentException("channel " + ch.name() + ": " + bad);
        long need = Topology.maxMessage(ch, procs);
        if (need > RingDescriptor.maxMessage(ch.slotBytes())) {
            throw new IllegalArgumentException("channel " + ch.name() + ": messages of " + need + " bytes do not fit slotBytes="
                    + ch.slotBytes() + " (at most " + RingDescriptor.maxMessage(ch.slotBytes()) + " per slot)");
        }
    }

    /** Makes and initialises a channel's objects ({@link #check} first); on failure removes what it made and rethrows. */
    public CreatedChannel create(PlannedChannel ch, Plan plan, ObjectLog log) {
        check(ch, plan);
        List<PlannedProcess> procs = plan.processesOn(ch.name());
        Map<String, Long> setup = new LinkedHashMap<>();
        ChannelHandle h = new ChannelHandle(ch.name(), ch.type(), -1, -1, -1, Ipc.IPC_PRIVATE, "", 0);
        // Link and warm the facilities' downcalls first: the first link of a JVM costs ~100 ms and
        // the first invocation of each handle ~10-80 ms more; that is the JVM's cost, not the
        // kernel's, and must not show up as the setup cost of a call. Then warm the first touch.
        SysvShm.warm();
        SysvMsgQueue.warm();
        SysvSemaphore.warm();
        warmTouch();
        // what exists so far: each helper updates it after every object, so that a failure half-way
        // (an attach, a semctl, a registry write) removes exactly what was made
        ChannelHandle[] made = {h};
        try {
            switch (ch.type()) {
                case SHM -> h = createShm(ch, procs, made, setup, log);
                case MSGQ -> h = createMsgq(ch, procs, made, setup, log);
                case SOCKET -> h = createSocket(ch, procs, made, setup, log);
                case PIPE -> h = createPipe(ch, procs, made, setup, log);
            }
            return new CreatedChannel(h, setup);
        } catch (RuntimeException e) {
            try {
                remove(made[0], log);
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }

    private ChannelHandle createShm(PlannedChannel ch, List<PlannedProcess> procs, ChannelHandle[] made,
                                    Map<String, Long> setup, ObjectLog log) {
        boolean counter = Topology.incrementers(procs);
        int lanes = Topology.lanes(ch, procs);
        int writers = Topology.senders(procs).size();
        int readers = Topology.receivers(procs).size();
        int slotsPerLane = lanes == 2 ? ch.slots() / 2 : ch.slots();
        long size = Math.max(ch.segmentBytes(), RingDescriptor.CONTROL_BYTES);
        int shmId = SysvRecorded.create("shmget", "shm", setup, log, key -> SysvShm.shmget(key, size, Ipc.IPC_CREAT | Ipc.IPC_EXCL | 0600));
        long t0;
        ChannelHandle h = made[0] = new ChannelHandle(ch.name(), ch.type(), shmId, -1, -1, Ipc.IPC_PRIVATE, "", 0);

        Arena arena = Arena.ofShared();
        attachments.put(ch.name(), arena);
        t0 = System.nanoTime();
        MemorySegment seg = SysvShm.attach(shmId, size, arena);
        setup.put("shmat", System.nanoTime() - t0);
        segments.put(ch.name(), seg);
        t0 = System.nanoTime();
        touch(seg);
        setup.put("first-touch", System.nanoTime() - t0);

        t0 = System.nanoTime();
        if (counter) {
            Ring.formatCounter(seg, procs.size(), ch.sync());
        } else {
            Ring.format(seg, lanes, slotsPerLane, ch.slotBytes(), lanes == 2 ? 1 : writers, lanes == 2 ? 1 : readers,
                    ch.sync(), lanes == 2 ? Fanout.SHARED : ch.fanout());
        }
        setup.put("format", System.nanoTime() - t0);

        if (ch.sync() == Sync.SEMAPHORE) {
            int perLane = RingDescriptor.semsPerLane(lanes == 2 ? 1 : readers);
            int nsems = counter ? 1 : lanes * perLane;
            int semId = SysvRecorded.create("semget", "sem", setup, log, key -> SysvSemaphore.semget(key, nsems, Ipc.IPC_CREAT | Ipc.IPC_EXCL | 0600));
            h = made[0] = new ChannelHandle(ch.name(), ch.type(), shmId, semId, -1, Ipc.IPC_PRIVATE, "", 0);
            t0 = System.nanoTime();
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
            setup.put("semctl", System.nanoTime() - t0);
        }
        return h;
    }

    /** Runs {@link #touch} once on a page of the JVM's own memory: the timed touch then pays the page faults, not the JVM's first use of its code. */
    private static void warmTouch() {
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

    private ChannelHandle createMsgq(PlannedChannel ch, List<PlannedProcess> procs, ChannelHandle[] made,
                                     Map<String, Long> setup, ObjectLog log) {
        int msqId = SysvRecorded.create("msgget", "msg", setup, log, key -> SysvMsgQueue.msgget(key, Ipc.IPC_CREAT | Ipc.IPC_EXCL | 0600));
        long t0;
        ChannelHandle h = made[0] = new ChannelHandle(ch.name(), ch.type(), -1, -1, msqId, Ipc.IPC_PRIVATE, "", 0);
        if (ch.capacity() > 0) {
            t0 = System.nanoTime();
            SysvMsgQueue.setQbytes(msqId, ch.capacity());
            setup.put("msgctl", System.nanoTime() - t0);
        }
        int senders = Topology.senders(procs).size(); // Java work (a stream), not timed
        int semId = SysvRecorded.create("semget", "sem", setup, log, key -> SysvSemaphore.semget(key, 2, Ipc.IPC_CREAT | Ipc.IPC_EXCL | 0600));
        h = made[0] = new ChannelHandle(ch.name(), ch.type(), -1, semId, msqId, Ipc.IPC_PRIVATE, "", 0);
        t0 = System.nanoTime();
        SysvSemaphore.setVal(semId, 0, senders);
        SysvSemaphore.setVal(semId, 1, 1);
        setup.put("semctl", System.nanoTime() - t0);
        return h;
    }

    private ChannelHandle createSocket(PlannedChannel ch, List<PlannedProcess> procs, ChannelHandle[] made,
                                       Map<String, Long> setup, ObjectLog log) {
        long t0 = System.nanoTime();
        if (ch.domain() == SocketDomain.UNIX || ch.domain() == SocketDomain.UNIX_DGRAM) {
            Path dir = privateDir(ch, log, "sock");
            ChannelHandle h = made[0] = new ChannelHandle(ch.name(), ch.type(), -1, -1, -1, Ipc.IPC_PRIVATE, dir.resolve("sock").toString(), 0);
            setup.put("mkdir", System.nanoTime() - t0);
            return h;
        }
        int port = freePort(ch.domain() == SocketDomain.UDP, ch.domain() == SocketDomain.UDP && Topology.pingEcho(procs));
        setup.put("port", System.nanoTime() - t0);
        return new ChannelHandle(ch.name(), ch.type(), -1, -1, -1, Ipc.IPC_PRIVATE, "", port);
    }

    private ChannelHandle createPipe(PlannedChannel ch, List<PlannedProcess> procs, ChannelHandle[] made,
                                     Map<String, Long> setup, ObjectLog log) {
        boolean back = Topology.pingEcho(procs);
        Path dir = back ? privateDir(ch, log, "fifo", "fifo.back") : privateDir(ch, log, "fifo");
        Path fifo = dir.resolve("fifo");
        ChannelHandle h = made[0] = new ChannelHandle(ch.name(), ch.type(), -1, -1, -1, Ipc.IPC_PRIVATE, fifo.toString(), 0);
        long t0 = System.nanoTime();
        Pipes.mkfifo(fifo, 0600);
        if (back) Pipes.mkfifo(Path.of(fifo + ".back"), 0600);
        setup.put("mkfifo", System.nanoTime() - t0);
        return h;
    }

    /**
     * A private (0700) directory for the channel's files, under a fresh random name: the files it
     * will hold and then the directory itself are logged before it is made, so that a crash at any
     * point leaves nothing the registry does not name (files first: they go before their directory).
     */
    private static Path privateDir(PlannedChannel ch, ObjectLog log, String... files) {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        String base = "ipclab-" + ch.name().replaceAll("[^A-Za-z0-9_-]", "_") + "-";
        for (int attempt = 0; ; attempt++) {
            Path dir = tmp.resolve(base + Long.toUnsignedString(RANDOM.nextLong(), 36));
            for (String f : files) log.created("file", -1, 0, dir.resolve(f).toString());
            log.created("file", -1, 0, dir.toString());
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                return dir;
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                log.removed("file", -1, dir.toString());
                for (String f : files) log.removed("file", -1, dir.resolve(f).toString());
                if (attempt == 15) throw new UncheckedIOException("cannot make a private directory for channel " + ch.name() + ": " + taken.getMessage(), taken);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make a private directory for channel " + ch.name() + ": " + e.getMessage(), e);
            }
        }
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** A loopback port free now (and port + 1 too when {@code pair}). */
    static int freePort(boolean udp, boolean pair) {
        InetAddress lo = InetAddress.getLoopbackAddress();
        for (int attempt = 0; attempt < 50; attempt++) {
            int port;
            try {
                if (udp) {
                    try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(lo, 0))) { port = s.getLocalPort(); }
                } else {
                    try (ServerSocket s = new ServerSocket(0, 1, lo)) { port = s.getLocalPort(); }
                }
                if (!pair || port == 65535) {
                    if (!pair) return port;
                    continue;
                }
                try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(lo, port + 1))) {
                    if (s.getLocalPort() == port + 1) return port;
                }
            } catch (IOException busy) {
                // try another
            }
        }
        throw new IllegalStateException("no free loopback " + (udp ? "udp" : "tcp") + " port found after 50 attempts");
    }

    /**
     * Marks the channel's segment IPC_RMID once every worker attached: the kernel frees it at the
     * last detach, even if everything crashes. Safe to call for channels without a segment.
     */
    public void allAttached(ChannelHandle h, ObjectLog log) {
        if (h.shmId() < 0) return;
        try {
            SysvShm.remove(h.shmId());
        } catch (IpcException e) {
            if (!gone(e)) throw e;
        }
        log.removed("shm", h.shmId(), null);
    }

    /** {@link #allAttached(ChannelHandle, ObjectLog)} without telling a log. */
    public void allAttached(ChannelHandle h) {
        allAttached(h, new ObjectLog() {
            @Override public void created(String kind, int id, int key, String path) { }
            @Override public void removed(String kind, int id, String path) { }
        });
    }

    /** The incrementer counter, read through the supervisor's own attachment. */
    public long readCounter(ChannelHandle h) {
        MemorySegment seg = segments.get(h.channel());
        if (seg == null) throw new IllegalStateException("channel " + h.channel() + " has no segment attached by the supervisor");
        return Ring.counter(seg);
    }

    /** The supervisor's attachment of the channel's segment (for inspection), or null. */
    public MemorySegment segment(ChannelHandle h) { return segments.get(h.channel()); }

    /**
     * Removes whatever is left of the channel: detaches, IPC_RMID on segment, queue and semaphore
     * set, deletes FIFOs, socket files and the private directory. Idempotent; objects already gone
     * are no error. Other failures are collected and thrown at the end, after trying everything.
     */
    public void remove(ChannelHandle h, ObjectLog log) {
        RuntimeException failure = null;
        Arena arena = attachments.remove(h.channel());
        segments.remove(h.channel());
        if (arena != null) {
            try { arena.close(); } catch (RuntimeException e) { failure = e; }
        }
        if (h.shmId() >= 0) failure = removeIpc("shm", h.shmId(), log, failure);
        if (h.msqId() >= 0) failure = removeIpc("msg", h.msqId(), log, failure);
        if (h.semId() >= 0) failure = removeIpc("sem", h.semId(), log, failure);
        if (!h.path().isEmpty()) {
            Path p = Path.of(h.path());
            Path dir = p.getParent();
            for (Path f : new Path[] {p, Path.of(h.path() + ".back"), dir}) {
                try {
                    if (f == null) continue;
                    Files.deleteIfExists(f);
                    log.removed("file", -1, f.toString()); // gone either way: the record must not keep it

                } catch (IOException e) {
                    if (failure == null) failure = new UncheckedIOException("cannot delete " + f + ": " + e.getMessage(), e);
                }
            }
        }
        if (failure != null) throw failure;
    }

    /**
     * {@code run --keep}: as {@link #remove} (detaches, deletes FIFOs, socket files and the
     * private directory) but leaves the segment, queue and semaphore set in the kernel.
     */
    public void release(ChannelHandle h, ObjectLog log) {
        remove(new ChannelHandle(h.channel(), h.type(), -1, -1, -1, h.key(), h.path(), h.port()), log);
    }

    private static RuntimeException removeIpc(String kind, int id, ObjectLog log, RuntimeException failure) {
        try {
            switch (kind) {
                case "shm" -> SysvShm.remove(id);
                case "msg" -> SysvMsgQueue.remove(id);
                default -> SysvSemaphore.remove(id);
            }
            log.removed(kind, id, null);
        } catch (IpcException e) {
            if (gone(e)) {
                log.removed(kind, id, null);
                return failure;
            }
            if (failure == null) return e;
        }
        return failure;
    }

    private static boolean gone(IpcException e) {
        return e.errno() == Errno.EINVAL || e.errno() == Errno.EIDRM;
    }
}
