package ipclab.engine.run;

import ipclab.engine.channel.ObjectKind;
import ipclab.engine.channel.ObjectLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This run's registry file: every System V object is written down (the file synced to disk)
 * before the call that makes it, with the fresh key it is made with ({@link #intent}), and
 * confirmed with its id, ctime and creator pid once made; every file before it is made; every
 * worker as soon as it is spawned. The file goes when the run has removed everything.
 */
public final class RunRecord implements ObjectLog {
    private static final AtomicLong SEQ = new AtomicLong();

    private final Path path;
    private final String scenario;
    private final long pid = ProcessHandle.current().pid();
    private final long start = Proc.startTime(pid).orElse(-1);
    private final int uid = Proc.uid();
    private final long created = System.currentTimeMillis();
    private final String namespace = Proc.ipcNamespace();
    private final List<Registry.Entry> objects = new ArrayList<>();
    private final List<Registry.WorkerEntry> workers = new ArrayList<>();
    private final List<Registry.Entry> everything = new ArrayList<>();
    private final List<Registry.Entry> marked = new ArrayList<>();
    private boolean kept;

    RunRecord(Path dir, String scenario) {
        this.scenario = scenario;
        this.path = dir.resolve(pid + "-" + SEQ.incrementAndGet() + "-" + System.nanoTime() + ".json");
        flush();
    }

    /**
     * A record for kernel objects made outside a run, such as the AOT training's: if that JVM
     * dies before it removes them, {@link Cleaner#cleanStale()} does.
     */
    public static RunRecord standalone(String name) {
        return new RunRecord(Registry.dir(), name);
    }

    Path path() {
        return path;
    }

    synchronized List<Registry.Entry> objects() {
        return List.copyOf(objects);
    }

    /** Every object the run made, removed or not (confirmed ones: an intent that was never made is not listed). */
    synchronized List<Registry.Entry> allObjects() {
        return List.copyOf(everything);
    }

    @Override
    public synchronized void intent(ObjectKind kind, int key, long notBefore) {
        objects.add(new Registry.Entry(kind, -1, key, "", notBefore, 0, true));
        flush();
    }

    @Override
    public synchronized void created(ObjectKind kind, int id, int key, long ctime, long cpid) {
        objects.removeIf(o -> o.pending() && o.kind() == kind && o.key() == key);
        Registry.Entry e = new Registry.Entry(kind, id, key, "", ctime, cpid, false);
        objects.add(e);
        everything.add(e);
        flush();
    }

    @Override
    public synchronized void abandoned(ObjectKind kind, int key) {
        if (objects.removeIf(o -> o.pending() && o.kind() == kind && o.key() == key)) flush();
    }

    @Override
    public synchronized void created(ObjectKind kind, int id, int key, String path) {
        Registry.Entry e = new Registry.Entry(kind, id, key, path == null ? "" : path);
        objects.add(e);
        everything.add(e);
        flush();
    }

    @Override
    public synchronized void removed(ObjectKind kind, int id, String path) {
        String p = path == null ? "" : path;
        objects.removeIf(o ->
                !o.pending() && o.kind() == kind && o.id() == id && o.path().equals(p));
        flush();
    }

    @Override
    public synchronized void markedForRemoval(ObjectKind kind, int id) {
        for (Registry.Entry o : objects) if (o.kind() == kind && o.id() == id && !marked.contains(o)) marked.add(o);
    }

    /** Segments marked IPC_RMID by the run (still listed until removed: the kernel frees them at their last detach). */
    synchronized List<Registry.Entry> marked() {
        return List.copyOf(marked);
    }

    synchronized void worker(String name, long pid) {
        workers.add(new Registry.WorkerEntry(name, pid, Proc.startTime(pid).orElse(-1)));
        flush();
    }

    private void flush() {
        Registry.write(
                path, new Registry.RunFile(scenario, pid, start, uid, created, objects, workers, kept, namespace));
    }

    /** The run is over and leaves what is still listed on purpose: {@code kept: true}, for {@code ipclab clean}. */
    synchronized void markKept() {
        kept = true;
        flush();
    }

    /**
     * The run removed everything it made: forget it. A record that still lists objects stays
     * (for {@link Cleaner}, once this process is gone): deleting it would make what it lists a
     * leak that no registry names.
     */
    public synchronized void delete() {
        if (!objects.isEmpty()) return;
        try {
            Registry.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the run registry file " + path, e);
        }
    }
}
