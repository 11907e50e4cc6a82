package ipclab.engine.run;

import ipclab.engine.channel.ObjectKind;
import ipclab.engine.channel.ObjectLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This run's registry file: every object is written down (and the file synced to disk) before
 * the object is used, every worker as soon as it is spawned; the file goes when the run has
 * removed everything.
 */
public final class RunRecord implements ObjectLog {
    private static final AtomicLong SEQ = new AtomicLong();

    private final Path path;
    private final String scenario;
    private final long pid = ProcessHandle.current().pid();
    private final long start = Proc.startTime(pid).orElse(-1);
    private final int uid = Proc.uid();
    private final long created = System.currentTimeMillis();
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

    Path path() { return path; }

    synchronized List<Registry.Entry> objects() { return List.copyOf(objects); }

    /** Every object the run made, removed or not. */
    synchronized List<Registry.Entry> allObjects() { return List.copyOf(everything); }

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
        objects.removeIf(o -> o.kind() == kind && o.id() == id && o.path().equals(p));
        flush();
    }

    @Override
    public synchronized void markedForRemoval(ObjectKind kind, int id) {
        for (Registry.Entry o : objects) if (o.kind() == kind && o.id() == id && !marked.contains(o)) marked.add(o);
    }

    /** Segments marked IPC_RMID by the run (still listed until removed: the kernel frees them at their last detach). */
    synchronized List<Registry.Entry> marked() { return List.copyOf(marked); }

    synchronized void worker(String name, long pid) {
        workers.add(new Registry.WorkerEntry(name, pid, Proc.startTime(pid).orElse(-1)));
        flush();
    }

    private void flush() {
        Registry.write(path, new Registry.RunFile(scenario, pid, start, uid, created, objects, workers, kept));
    }

    /** The run is over and leaves what is still listed on purpose: {@code kept: true}, for {@link Cleaner}. */
    synchronized void markKept() {
        kept = true;
        flush();
    }

    /** The run removed everything it made: forget it. */
    public synchronized void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the run registry file " + path, e);
        }
    }
}
