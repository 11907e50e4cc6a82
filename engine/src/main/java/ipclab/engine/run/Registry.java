package ipclab.engine.run;

import ipclab.engine.channel.ObjectKind;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The run registry: one JSON file per run under {@link #dir()}, listing the supervisor (pid and
 * start time, so a reused pid is not taken for it), every kernel object and file the run made,
 * and its workers. A run deletes its file when it has removed everything; a file whose
 * supervisor is gone is stale, and so is the file of a finished run that kept its objects
 * ({@code kept: true}): {@link Cleaner} removes what they list.
 *
 * <p>Directory: system property {@code ipclab.state.dir} (tests), else
 * {@code $XDG_STATE_HOME/ipclab/runs}, else {@code ~/.local/state/ipclab/runs}.
 */
public final class Registry {
    static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Registry() {}

    /** One object or file a run made (a file: id -1, path set). */
    public record Entry(ObjectKind kind, int id, int key, String path) {}

    /** A worker process of a run. */
    public record WorkerEntry(String name, long pid, long startTime) {}

    /**
     * What a registry file holds. kept: the run is over and left its objects on purpose
     * ({@link RunOptions#keep()}); they may be removed even while its supervisor lives.
     */
    public record RunFile(String scenario, long supervisorPid, long supervisorStartTime, int uid, long createdMillis,
                          List<Entry> objects, List<WorkerEntry> workers, boolean kept) {
        public RunFile {
            objects = objects == null ? List.of() : List.copyOf(objects);
            workers = workers == null ? List.of() : List.copyOf(workers);
        }

        /** A run in progress (or dead), not kept. */
        public RunFile(String scenario, long supervisorPid, long supervisorStartTime, int uid, long createdMillis,
                       List<Entry> objects, List<WorkerEntry> workers) {
            this(scenario, supervisorPid, supervisorStartTime, uid, createdMillis, objects, workers, false);
        }

        /** Its objects are for {@link Cleaner}: the supervisor is gone, or the run is over and kept them. */
        boolean removable() { return kept || !supervisorAlive(this); }
    }

    /** An object ipclab made, with the run it belongs to and whether {@code clean} would remove it (supervisor gone, or run kept). */
    public record KnownObject(Entry object, String scenario, long supervisorPid, boolean stale, Path file) {}

    /** The state directory (the parent of runs/): also holds the AOT cache. */
    public static Path stateDir() {
        String p = System.getProperty("ipclab.state.dir");
        if (p != null && !p.isBlank()) return Path.of(p);
        String xdg = System.getenv("XDG_STATE_HOME");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "ipclab");
        return Path.of(System.getProperty("user.home"), ".local", "state", "ipclab");
    }

    /** Where the run files are. */
    public static Path dir() { return stateDir().resolve("runs"); }

    /** Every readable run file, with its path. Unreadable files are skipped (a run writing its first version). */
    static List<java.util.Map.Entry<Path, RunFile>> files(Path dir) {
        List<java.util.Map.Entry<Path, RunFile>> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
            for (Path f : ds) {
                try {
                    out.add(java.util.Map.entry(f, JSON.readValue(f.toFile(), RunFile.class)));
                } catch (IOException e) {
                    // half-written or foreign: leave it
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the run registry " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** Is the supervisor of this run file still running? */
    static boolean supervisorAlive(RunFile f) { return Proc.alive(f.supervisorPid(), f.supervisorStartTime()); }

    /** Objects ipclab made (runs alive and stale ones), for {@code ipclab ipcs --mine}. */
    public static List<KnownObject> knownObjects() { return knownObjects(dir()); }

    public static List<KnownObject> knownObjects(Path dir) {
        List<KnownObject> out = new ArrayList<>();
        for (var e : files(dir)) {
            boolean stale = e.getValue().removable();
            for (Entry o : e.getValue().objects()) out.add(new KnownObject(o, e.getValue().scenario(), e.getValue().supervisorPid(), stale, e.getKey()));
        }
        return out;
    }

    /** Writes f to path atomically (temp file + rename), mode 0600. */
    static void write(Path path, RunFile f) {
        try {
            Files.createDirectories(path.getParent());
            Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
            Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(f));
            try {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run registry file " + path + ": " + e.getMessage(), e);
        }
    }
}
