package ipclab.engine.run;

import ipclab.dsl.model.Removal;
import ipclab.dsl.plan.Plan;
import ipclab.dsl.plan.PlannedChannel;
import ipclab.engine.channel.ObjectKind;
import ipclab.engine.protocol.ChannelHandle;
import ipclab.engine.transport.ChannelKit;
import ipclab.engine.transport.ChannelLook;
import ipclab.engine.transport.ChannelObjects;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run's kernel objects and its registry record: creating the channels' objects (each written
 * down before it is used), the start barrier's {@code allAttached}, the counters read at the end,
 * and the clean-up policy: remove everything, or with {@link RunOptions#keep()} leave the System V
 * objects on purpose; whatever should be gone and is not is a leak.
 */
final class RunObjects {
    private final ChannelKit kit;
    private final Map<String, ChannelHandle> handles = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> setupNanos = new LinkedHashMap<>();
    private final Map<String, Removal> removal = new LinkedHashMap<>();
    private RunRecord record;
    private boolean cleaned;

    RunObjects(RunOptions opts) {
        this.kit = opts.channels() != null ? opts.channels() : new ChannelObjects();
    }

    /** Opens the registry file; before any object exists. */
    void openRecord(Path runsDir, String scenario) {
        record = new RunRecord(runsDir, scenario);
    }

    RunRecord record() {
        return record;
    }

    /** Checks every channel, then creates every channel's objects, in plan order: a bad channel leaves nothing made. */
    void createAll(Plan plan) {
        for (PlannedChannel c : plan.channels()) {
            try {
                kit.check(c, plan);
            } catch (RuntimeException e) {
                throw new EngineException("cannot create channel " + c.name() + ": " + e.getMessage(), e);
            }
        }
        for (PlannedChannel c : plan.channels()) {
            ChannelHandle h;
            try {
                h = kit.create(c, plan, record);
            } catch (Exception e) {
                throw new EngineException("cannot create channel " + c.name() + ": " + e.getMessage(), e);
            }
            synchronized (this) {
                handles.put(c.name(), h);
                removal.put(c.name(), c.removal());
                setupNanos.put(c.name(), kit.setupNanos(h));
            }
        }
    }

    synchronized ChannelHandle handle(String channel) {
        return handles.get(channel);
    }

    /**
     * Reads a channel's live objects. Under this object's lock, so that clean-up (which takes it
     * first) cannot close the supervisor's attachment in the middle of a read.
     *
     * @throws IllegalStateException the objects are removed (the run is over)
     */
    synchronized ChannelLook look(PlannedChannel ch) {
        ChannelHandle h = live(ch.name());
        ChannelLook l = kit.look(ch, h);
        if (l == null) throw new IllegalStateException("channel " + ch.name() + " cannot be inspected in this run");
        return l;
    }

    /** The bytes of one ring slot of a live channel. */
    synchronized byte[] slotBytes(String channel, int lane, int slot) {
        return kit.slotBytes(live(channel), lane, slot);
    }

    private ChannelHandle live(String channel) {
        if (cleaned) throw new IllegalStateException("the run is over: channel " + channel + "'s objects are removed");
        ChannelHandle h = handles.get(channel);
        if (h == null) throw new IllegalStateException("channel " + channel + " has no objects yet");
        return h;
    }

    /** The supervisor's setup cost by channel and step, in ns. */
    synchronized Map<String, Map<String, Long>> setupNanos() {
        return new LinkedHashMap<>(setupNanos);
    }

    /** Every worker is attached: IPC_RMID now on the segments of channels with {@code remove: after-attach}. */
    void allAttached() throws Exception {
        for (ChannelHandle h : handles()) if (removalOf(h) == Removal.AFTER_ATTACH) kit.allAttached(h);
    }

    /** A remove fault on the channel; what was removed. */
    String removeInUse(String channel) {
        return kit.removeInUse(handle(channel), record);
    }

    /** A fill fault on the channel; what was put in. */
    String fill(PlannedChannel channel) {
        return kit.fill(handle(channel.name()), channel.maxMessage());
    }

    /** Every sender of the channel is gone, one killed on purpose: ends its stream if nobody did; what was done, or null. */
    String endStreamFor(Plan plan, String channel) {
        return kit.endStreamFor(handle(channel), plan.channel(channel), plan.processesOn(channel));
    }

    private synchronized Removal removalOf(ChannelHandle h) {
        return removal.getOrDefault(h.channel(), Removal.AFTER_ATTACH);
    }

    /** A ring whose segment (and semaphore set) outlive the run: {@code remove: never}. */
    private boolean neverRemoved(ChannelHandle h) {
        return h instanceof ChannelHandle.ShmRing && removalOf(h) == Removal.NEVER;
    }

    /** The incrementer channels' counters by channel; a counter that cannot be read is a clean-up failure. */
    Map<String, Long> readCounters(RunState state) {
        Map<String, Long> counters = new LinkedHashMap<>();
        for (ChannelHandle h : handles()) {
            try {
                Long v = kit.readCounter(h);
                if (v != null) counters.put(h.channel(), v);
            } catch (RuntimeException e) {
                state.fail(
                        FailureKind.CLEANUP,
                        null,
                        "cannot read the counter of " + h.channel() + ": " + e.getMessage(),
                        List.of());
            }
        }
        return counters;
    }

    /** Removes every channel's objects; returns what is still there afterwards (leaks). Idempotent. */
    List<String> removeAll(List<RunReport.Failure> problems, RunState state) {
        return cleanUp(problems, false, state);
    }

    /**
     * Removes every channel's objects, or with {@code keep} ({@link RunOptions#keep()}) only
     * detaches and deletes the files, leaving the System V objects; returns what should be gone
     * and is not (leaks). Idempotent: the first call does the work.
     */
    List<String> cleanUp(List<RunReport.Failure> problems, boolean keep, RunState state) {
        List<ChannelHandle> hs;
        synchronized (this) {
            if (cleaned) return List.of();
            cleaned = true;
            hs = new ArrayList<>(handles.values());
        }
        for (ChannelHandle h : hs) {
            try {
                if (keep) kit.release(h, record);
                else if (neverRemoved(h)) kit.release(h, record); // as a C program that forgets shmctl(IPC_RMID)
                else kit.remove(h, record);
            } catch (Exception e) {
                problems.add(new RunReport.Failure(
                        FailureKind.CLEANUP,
                        null,
                        "cannot " + (keep ? "release" : "remove") + " channel " + h.channel() + ": " + e.getMessage(),
                        state.ms(System.nanoTime()),
                        List.of()));
            }
        }
        if (record == null) return List.of();
        // a marked segment is freed by the kernel at its last detach, which the release above was
        if (keep) for (Registry.Entry e : record.marked()) record.removed(e.kind(), e.id(), null);
        List<Registry.Entry> left = new ArrayList<>();
        List<RunReport.Kept> leftOnPurpose = kept(keep);
        for (Registry.Entry e : record.allObjects()) {
            // by kind, id and key: the record's entry also carries ctime and creator pid
            if (leftOnPurpose.stream().noneMatch(k -> k.kind() == e.kind() && k.id() == e.id() && k.key() == e.key()))
                left.add(e);
        }
        return Leaks.of(left);
    }

    /**
     * What the run leaves in the kernel on purpose, in order: with {@code keep} every System V
     * object it made (a segment marked IPC_RMID is listed as such: it went at its last detach);
     * otherwise the segments (and semaphore sets) of channels with {@code remove: never}.
     */
    List<RunReport.Kept> kept(boolean keep) {
        if (record == null) return List.of();
        List<Registry.Entry> marked = record.marked();
        java.util.Set<String> never =
                new java.util.HashSet<>(); // "shm 5", "sem 7": ids of different kinds may coincide
        for (ChannelHandle h : handles()) {
            if (h instanceof ChannelHandle.ShmRing r && neverRemoved(h)) {
                never.add("SHM " + r.shmId());
                never.add("SEM " + r.semId());
            }
        }
        List<RunReport.Kept> out = new ArrayList<>();
        for (Registry.Entry e : record.allObjects()) {
            if (e.kind() == ObjectKind.FILE) continue;
            boolean shm = e.kind() == ObjectKind.SHM;
            if (!keep && !never.contains(e.kind().name() + " " + e.id())) continue;
            out.add(new RunReport.Kept(e.kind(), e.id(), e.key(), shm ? marked.contains(e) : null));
        }
        return out;
    }

    /** The record's end: deleted when nothing is left, marked kept when only kept objects are. A leak keeps it for the cleaner. */
    void closeRecord(List<String> leaks, List<RunReport.Kept> kept) {
        if (!leaks.isEmpty()) return;
        if (kept.isEmpty()) record.delete();
        else record.markKept();
    }

    /** Deletes the record if the run made nothing (a launch that failed before its first object). */
    void deleteRecordIfEmpty() {
        if (record != null && record.objects().isEmpty()) record.delete();
    }

    /** After {@link #removeAll} found no leak: forget the run. */
    void deleteRecord() {
        if (record != null) record.delete();
    }

    private synchronized List<ChannelHandle> handles() {
        return new ArrayList<>(handles.values());
    }
}
