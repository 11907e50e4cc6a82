package ipclab.engine.transport;

import ipclab.dsl.plan.Plan;
import ipclab.dsl.plan.PlannedChannel;
import ipclab.engine.channel.ObjectKind;
import ipclab.engine.channel.ObjectLog;
import ipclab.engine.channel.shm.Ring;
import ipclab.engine.protocol.ChannelHandle;
import ipclab.engine.sys.SysvMsgQueue;
import ipclab.engine.sys.SysvSemaphore;
import ipclab.engine.sys.SysvShm;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The supervisor's side of a run's channels: each channel's {@link Transport} makes its kernel
 * objects and files (mode 0600, System V key IPC_PRIVATE, files in a private 0700 temp
 * directory), telling the {@link ObjectLog} of each before anything else happens to it, and
 * removes them at the end. This class keeps what lives across those calls: the supervisor's shm
 * attachments and each channel's setup costs.
 *
 * <p>Order of calls for one run: {@link #create} each channel, spawn the workers with the handle,
 * {@link #allAttached} once every worker reported ready (marks segments IPC_RMID), let the run go,
 * {@link #readCounter} for incrementer channels after the workers exited, then {@link #remove}
 * (also after any failure; idempotent). Thread-safe.
 */
public final class ChannelObjects implements ChannelKit {
    private static final ObjectLog NO_LOG = new ObjectLog() {
        @Override
        public void created(ObjectKind kind, int id, int key, String path) {}

        @Override
        public void removed(ObjectKind kind, int id, String path) {}
    };

    private final Map<String, Arena> attachments = new ConcurrentHashMap<>();
    private final Map<String, MemorySegment> segments = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Long>> setup = new ConcurrentHashMap<>();
    /** The log of the last {@link #create}, for {@link #allAttached(ChannelHandle)}. */
    private volatile ObjectLog log;

    /**
     * Refuses a channel whose objects could not work, before anything is made (an shm ring's
     * geometry, and whether the largest message fits a slot). {@link #create} calls it first,
     * and a run calls it for every channel before it makes the first object.
     *
     * @throws IllegalArgumentException naming the channel and what is wrong
     */
    @Override
    public void check(PlannedChannel ch, Plan plan) {
        Transport.of(ch).check(ch, plan);
    }

    /** Makes and initialises a channel's objects ({@link #check} first); on failure removes what it made and rethrows. */
    @Override
    public ChannelHandle create(PlannedChannel ch, Plan plan, ObjectLog log) {
        this.log = log;
        Transport t = Transport.of(ch);
        t.check(ch, plan);
        Map<String, Long> steps = new LinkedHashMap<>();
        Creation c = new Creation(ch.name(), steps, log, this);
        // Link and warm the facilities' downcalls first: the first link of a JVM costs ~100 ms and
        // the first invocation of each handle ~10-80 ms more; that is the JVM's cost, not the
        // kernel's, and must not show up as the setup cost of a call. Then warm the first touch.
        SysvShm.warm();
        SysvMsgQueue.warm();
        SysvSemaphore.warm();
        ShmRingTransport.warmTouch();
        try {
            t.create(ch, plan.processesOn(ch.name()), c);
        } catch (RuntimeException e) {
            if (c.handle() != null) remove(c.handle(), log); // nothing is attached before the first object
            throw e;
        }
        setup.put(ch.name(), Map.copyOf(steps));
        return c.handle();
    }

    /** Setup cost of the supervisor's part by step (ns: shmget, shmat, first-touch, format, semget, semctl, msgget, msgctl, mkfifo, port...). */
    @Override
    public Map<String, Long> setupNanos(ChannelHandle h) {
        return setup.getOrDefault(h.channel(), Map.of());
    }

    void attachment(String channel, Arena arena) {
        attachments.put(channel, arena);
    }

    void segment(String channel, MemorySegment seg) {
        segments.put(channel, seg);
    }

    /**
     * Marks the channel's segment IPC_RMID once every worker attached: the kernel frees it at the
     * last detach, even if everything crashes. Safe to call for channels without a segment.
     */
    public void allAttached(ChannelHandle h, ObjectLog log) {
        Transport.of(h).allAttached(h, log);
    }

    /** {@link #allAttached(ChannelHandle, ObjectLog)} with the log of the last {@link #create}. */
    @Override
    public void allAttached(ChannelHandle h) {
        ObjectLog l = log;
        allAttached(h, l != null ? l : NO_LOG);
    }

    /** The incrementer counter, read through the supervisor's own attachment; null for a channel without a segment. */
    @Override
    public Long readCounter(ChannelHandle h) {
        MemorySegment seg = segments.get(h.channel());
        return seg == null ? null : Ring.counter(seg);
    }

    /** The supervisor's attachment of the channel's segment (for inspection), or null. */
    public MemorySegment segment(ChannelHandle h) {
        return segments.get(h.channel());
    }

    /**
     * What the channel's kernel objects hold now, read from them (see {@link ChannelInspector}).
     *
     * @throws IllegalStateException the objects are gone (the run is over)
     * @throws IpcException          a call failed (named, with its errno)
     */
    @Override
    public ChannelLook look(PlannedChannel ch, ChannelHandle h) {
        return ChannelInspector.look(ch, h, segments.get(h.channel()));
    }

    /** The bytes of slot {@code slot} of {@code lane} of the channel's ring, for a hex dump. */
    @Override
    public byte[] slotBytes(ChannelHandle h, int lane, int slot) {
        MemorySegment seg = segments.get(h.channel());
        if (seg == null) throw new IllegalArgumentException("channel " + h.channel() + " has no shared memory segment");
        return ChannelInspector.slotBytes(seg, lane, slot);
    }

    /**
     * Removes whatever is left of the channel: detaches, IPC_RMID on segment, queue and semaphore
     * set, deletes FIFOs, socket files and the private directory. Idempotent; objects already gone
     * are no error. Other failures are collected and thrown at the end, after trying everything.
     */
    @Override
    public void remove(ChannelHandle h, ObjectLog log) {
        remove(h, new Removal(log, false));
    }

    @Override
    public String removeInUse(ChannelHandle h, ObjectLog log) {
        return ChannelFaults.removeInUse(h, log);
    }

    @Override
    public String fill(ChannelHandle h, long maxMessage) {
        return ChannelFaults.fill(h, maxMessage);
    }

    @Override
    public String endStreamFor(
            ChannelHandle h, PlannedChannel channel, java.util.List<ipclab.dsl.plan.PlannedProcess> peers) {
        MemorySegment seg = segments.get(h.channel());
        if (h instanceof ChannelHandle.ShmRing r && seg != null) return ShmRingTransport.endStreamFor(seg, r, channel);
        if (h instanceof ChannelHandle.DatagramSocket d) return DatagramSocketTransport.endStreamFor(d, peers);
        return ChannelFaults.endStreamFor(h, channel, peers);
    }

    /**
     * {@code run --keep}: as {@link #remove} (detaches, deletes FIFOs, socket files and the
     * private directory) but leaves the segment, queue and semaphore set in the kernel.
     */
    @Override
    public void release(ChannelHandle h, ObjectLog log) {
        remove(h, new Removal(log, true));
    }

    private void remove(ChannelHandle h, Removal r) {
        detach(h.channel(), r);
        Transport.of(h).remove(h, r);
        r.throwIfFailed();
    }

    /** Closes the supervisor's attachment, if any; a failure goes to r. */
    private void detach(String channel, Removal r) {
        Arena arena = attachments.remove(channel);
        segments.remove(channel);
        if (arena == null) return;
        try {
            arena.close();
        } catch (RuntimeException e) {
            r.failed(e);
        }
    }
}
