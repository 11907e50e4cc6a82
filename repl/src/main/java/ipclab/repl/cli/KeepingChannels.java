package ipclab.repl.cli;

import ipclab.dsl.plan.Plan;
import ipclab.dsl.plan.PlannedChannel;
import ipclab.engine.channel.ChannelHandle;
import ipclab.engine.channel.ChannelObjects;
import ipclab.engine.channel.ObjectLog;
import ipclab.engine.run.ChannelKit;
import ipclab.engine.run.RunReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code ipclab run --keep}: the real channels ({@link ChannelObjects}), except that at the end of
 * the run the System V objects stay in the kernel. The supervisor still detaches its own
 * attachment and deletes the run's files (FIFOs, socket paths); the queue, the semaphore sets and
 * a segment not yet marked for removal stay, and stay listed in the run registry (the run does not
 * delete its registry file while they exist), so {@code ipclab ipcs --mine} shows them and
 * {@code ipclab clean} removes them once the ipclab process that made them has exited.
 *
 * <p>One instance per run. Built on the engine's {@link ChannelKit} seam, so the engine, which
 * checks for leaks after removing, reports the kept objects as leaks; {@link #accept} takes exactly
 * those out of the report again (they were kept on purpose) and nothing else.
 */
final class KeepingChannels implements ChannelKit {
    /** One System V object the run made. */
    record Kept(String kind, int id, int key, boolean marked) {
        /** As the engine's leak check names it: {@code msg id=5 key=0x00000000}. */
        String leakName() { return kind + " id=" + id + " key=0x" + String.format(Locale.ROOT, "%08x", key); }

        /** As {@code kept:} names it: {@code msg 0x00000000 id 5}. */
        String keptName() { return kind + " " + String.format(Locale.ROOT, "0x%08x", key) + " id " + id; }
    }

    private final ChannelObjects objects = new ChannelObjects();
    private final Map<String, Map<String, Long>> setup = new ConcurrentHashMap<>();
    private final Map<String, Kept> made = new LinkedHashMap<>();
    private volatile ObjectLog log;

    /** Tells the engine's log, and notes every System V object and its IPC_RMID. */
    ObjectLog tracking(ObjectLog engine) {
        return new ObjectLog() {
            @Override public void created(String kind, int id, int key, String path) {
                if (!kind.equals("file")) synchronized (made) { made.put(kind + id, new Kept(kind, id, key, false)); }
                engine.created(kind, id, key, path);
            }

            @Override public void removed(String kind, int id, String path) {
                synchronized (made) { made.computeIfPresent(kind + id, (k, v) -> new Kept(v.kind(), v.id(), v.key(), true)); }
                engine.removed(kind, id, path);
            }
        };
    }

    @Override
    public ChannelHandle create(PlannedChannel channel, Plan plan, ObjectLog engineLog) {
        ObjectLog l = tracking(engineLog);
        this.log = l;
        var c = objects.create(channel, plan, l);
        setup.put(channel.name(), c.setupNanos());
        return c.handle();
    }

    @Override
    public Map<String, Long> setupNanos(ChannelHandle handle) { return setup.getOrDefault(handle.channel(), Map.of()); }

    @Override
    public void allAttached(ChannelHandle handle) {
        ObjectLog l = log;
        if (l != null) objects.allAttached(handle, l);
        else objects.allAttached(handle);
    }

    @Override
    public Long readCounter(ChannelHandle handle) {
        return objects.segment(handle) == null ? null : objects.readCounter(handle);
    }

    /** Detaches and deletes files, as the real channels do, but leaves the System V objects: the handle without their ids. */
    @Override
    public void remove(ChannelHandle h, ObjectLog engineLog) {
        objects.remove(new ChannelHandle(h.channel(), h.type(), -1, -1, -1, h.key(), h.path(), h.port()), tracking(engineLog));
    }

    /** Every System V object the run made, in order; {@code marked}: IPC_RMID already (a segment after the start barrier). */
    List<Kept> kept() {
        synchronized (made) { return List.copyOf(made.values()); }
    }

    /**
     * The report without the leaks that are the kept objects (and the failures saying so); ok
     * again if nothing else failed.
     */
    RunReport accept(RunReport r) {
        List<String> names = new ArrayList<>();
        for (Kept k : kept()) if (!k.marked()) names.add(k.leakName());
        List<String> leaks = r.leaks().stream().filter(l -> !names.contains(l)).toList();
        List<RunReport.Failure> failures = r.failures().stream()
                .filter(f -> !(f.kind().equals("leak") && f.message().startsWith("left behind: ")
                        && names.contains(f.message().substring("left behind: ".length()))))
                .toList();
        boolean ok = failures.isEmpty() && r.expectations().stream().allMatch(RunReport.ExpectationResult::ok);
        return new RunReport(r.scenario(), r.seed(), ok, r.durationMs(), r.host(), r.processes(), r.channels(), r.counters(),
                leaks, r.expectations(), failures, r.params(), r.trace());
    }

    /**
     * {@code kept: msg 0x00000000 id 5, sem 0x00000000 id 6, shm 0x00000000 id 7 (marked for removal already: freed on last detach)}.
     */
    static String describe(List<Kept> kept) {
        List<String> parts = new ArrayList<>();
        for (Kept k : kept) parts.add(k.keptName() + (k.marked() ? " (marked for removal already: freed on last detach)" : ""));
        return "kept: " + String.join(", ", parts);
    }
}
