package ipclab.engine.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import ipclab.engine.channel.ObjectKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The run registry: one JSON file per run under {@link #dir()}, listing the supervisor (pid and
 * start time, so a reused pid is not taken for it), every kernel object and file the run made (or
 * is about to make: a {@code pending} entry), and its workers. A run deletes its file when it has
 * removed everything; a file whose supervisor is gone is stale, and so is the file of a finished
 * run that kept its objects ({@code kept: true}): {@link Cleaner} removes what they list.
 *
 * <p>Every write is durable before it returns: temp file, fsync, rename, fsync of the directory.
 * The directory is checked before use ({@link RegistryDir}); a file that cannot be read, or lists
 * an entry no run writes, is moved to {@code quarantine/} and reported, never fatal.
 *
 * <p>Directory: system property {@code ipclab.state.dir} (tests), else
 * {@code $XDG_STATE_HOME/ipclab/runs}, else {@code ~/.local/state/ipclab/runs}.
 */
public final class Registry {
    static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Registry() {}

    /**
     * One object or file a run made (a file: id -1, path set).
     *
     * @param key     the System V key the object was made with (ipclab makes each with a fresh key, IPC_EXCL)
     * @param ctime   the object's change time (s since the epoch) from IPC_STAT just after it was made; for a
     *                pending entry, the time before the call: the kernel's ctime of the object is never earlier
     * @param cpid    shm: the creator pid (the supervisor); else 0
     * @param pending written before the object exists (intent): the id is not known yet, the key is
     */
    public record Entry(ObjectKind kind, int id, int key, String path, long ctime, long cpid, boolean pending) {
        public Entry(ObjectKind kind, int id, int key, String path) {
            this(kind, id, key, path, 0, 0, false);
        }

        boolean file() {
            return kind == ObjectKind.FILE;
        }

        /** Why an entry read from a file is not one a run writes, or null (an unknown kind does not even read). */
        String damage() {
            if (kind == null) return "an entry has no kind";
            if (file() && (path == null || path.isBlank())) return "a file entry has no path";
            if (!file() && id < 0 && !pending) return "a " + kind + " entry has id " + id;
            if (!file() && pending && key == 0) return "a pending " + kind + " entry has no key";
            return null;
        }
    }

    /** A worker process of a run. */
    public record WorkerEntry(String name, long pid, long startTime) {}

    /**
     * What a registry file holds. kept: the run is over and left its objects on purpose
     * ({@link RunOptions#keep()}); only {@code ipclab clean} removes them. ipcNamespace: the
     * supervisor's {@code /proc/self/ns/ipc} (a run with {@code --isolate} has a private one).
     */
    public record RunFile(
            String scenario,
            long supervisorPid,
            long supervisorStartTime,
            int uid,
            long createdMillis,
            List<Entry> objects,
            List<WorkerEntry> workers,
            boolean kept,
            String ipcNamespace) {
        public RunFile {
            objects = objects == null ? List.of() : List.copyOf(objects);
            workers = workers == null ? List.of() : List.copyOf(workers);
            ipcNamespace = ipcNamespace == null ? "" : ipcNamespace;
        }

        /** Its objects are for {@link Cleaner}: the supervisor is gone, or the run is over and kept them. */
        boolean removable() {
            return kept || !supervisorAlive(this);
        }

        String damage() {
            // a null entry cannot get here: List.copyOf refuses it, and the file is not read
            for (Entry e : objects) {
                String d = e.damage();
                if (d != null) return d;
            }
            for (WorkerEntry w : workers) if (w.pid() <= 0) return "worker " + w.name() + " has pid " + w.pid();
            return null;
        }
    }

    /** An object ipclab made, with the run it belongs to and whether {@code clean} would remove it (supervisor gone, or run kept). */
    public record KnownObject(Entry object, String scenario, long supervisorPid, boolean stale, Path file) {}

    /** A registry file set aside: where it went and why. */
    public record Quarantined(Path file, Path movedTo, String why) {
        @Override
        public String toString() {
            return file.getFileName() + " (" + why + ") moved to " + movedTo;
        }
    }

    /** The state directory (the parent of runs/): also holds the AOT cache. */
    public static Path stateDir() {
        String p = System.getProperty("ipclab.state.dir");
        if (p != null && !p.isBlank()) return Path.of(p);
        String xdg = System.getenv("XDG_STATE_HOME");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "ipclab");
        return Path.of(System.getProperty("user.home"), ".local", "state", "ipclab");
    }

    /** Where the run files are. */
    public static Path dir() {
        return stateDir().resolve("runs");
    }

    /** Every readable run file, with its path; damaged ones are quarantined (see {@link #files(Path, List)}). */
    static List<Map.Entry<Path, RunFile>> files(Path dir) {
        return files(dir, new ArrayList<>());
    }

    /**
     * Every run file, with its path. A file that is not JSON, is truncated, or lists an entry no
     * run writes (a null or path-like kind, a file entry without a path) is moved to
     * {@code dir/quarantine/} and added to {@code quarantined}. Writes are atomic (rename), so a
     * live run's file is never half-written.
     */
    static List<Map.Entry<Path, RunFile>> files(Path dir, List<Quarantined> quarantined) {
        List<Map.Entry<Path, RunFile>> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        RegistryDir.check(dir);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
            for (Path f : ds) {
                if (!Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    quarantine(dir, f, "not a regular file", quarantined);
                    continue;
                }
                RunFile rf;
                try {
                    rf = JSON.readValue(f.toFile(), RunFile.class);
                } catch (IOException | RuntimeException e) {
                    if (!Files.exists(f)) continue; // its run deleted it meanwhile
                    quarantine(dir, f, "not a run file: " + abbreviate(firstLine(e.getMessage())), quarantined);
                    continue;
                }
                String damage = rf == null ? "empty" : rf.damage();
                if (damage != null) {
                    quarantine(dir, f, damage, quarantined);
                    continue;
                }
                out.add(Map.entry(f, rf));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the run registry " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static void quarantine(Path dir, Path f, String why, List<Quarantined> into) {
        Path q = dir.resolve("quarantine");
        try {
            Files.createDirectories(q);
            Path to = q.resolve(f.getFileName());
            Files.move(f, to, StandardCopyOption.REPLACE_EXISTING);
            into.add(new Quarantined(f, to, why));
        } catch (IOException e) {
            into.add(new Quarantined(f, f, why + "; could not move it: " + e.getMessage()));
        }
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }

    /** Is the supervisor of this run file still running? */
    static boolean supervisorAlive(RunFile f) {
        return Proc.alive(f.supervisorPid(), f.supervisorStartTime());
    }

    /** Objects ipclab made (runs alive and stale ones), for {@code ipclab ipcs --mine}. */
    public static List<KnownObject> knownObjects() {
        return knownObjects(dir());
    }

    public static List<KnownObject> knownObjects(Path dir) {
        List<KnownObject> out = new ArrayList<>();
        for (var e : files(dir)) {
            boolean stale = e.getValue().removable();
            for (Entry o : e.getValue().objects())
                out.add(new KnownObject(o, e.getValue().scenario(), e.getValue().supervisorPid(), stale, e.getKey()));
        }
        return out;
    }

    /** Writes f to path durably and atomically (temp file, fsync, rename, fsync of the directory), mode 0600. */
    static void write(Path path, RunFile f) {
        try {
            RegistryDir.ensure(path.getParent());
            Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
            byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(f);
            Files.deleteIfExists(tmp);
            try (FileChannel ch = FileChannel.open(
                    tmp,
                    java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")))) {
                java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
                while (b.hasRemaining()) ch.write(b);
                ch.force(true);
            }
            Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            RegistryDir.sync(path.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run registry file " + path + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a run file and syncs the directory, so that a crash cannot bring it back. */
    static void delete(Path path) throws IOException {
        if (Files.deleteIfExists(path)) RegistryDir.sync(path.getParent());
    }
}
