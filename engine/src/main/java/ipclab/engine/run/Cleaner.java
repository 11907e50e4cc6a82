package ipclab.engine.run;

import ipclab.engine.inspect.ProcSysvipc;
import ipclab.engine.inspect.SysvObject;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Removes what runs left: for every registry file whose supervisor no longer runs (its pid gone,
 * or reused by another process), kills its workers that still run (pid and start time verified),
 * removes the objects it lists — only if they are still ours ({@link Ownership}: never someone
 * else's object that got the same id, never a file outside ipclab's own directories) — and
 * deletes the file. {@link #cleanStale} (before every run) leaves the objects of runs kept with
 * {@code --keep}; {@link #clean} ({@code ipclab clean}) removes those too. A damaged registry
 * file is quarantined and reported, never fatal.
 */
public final class Cleaner {
    private Cleaner() {}

    /**
     * What was done.
     *
     * @param removed     objects and files removed, workers killed, e.g. {@code msg id=3 key=0x1a2b3c4d (run of race, pid 1234)}
     *                    or {@code ... (kept by run of race, pid 1234)}
     * @param skipped     listed objects left alone, with why ({@code gone}, {@code not ours: ...})
     * @param runs        the registry files deleted
     * @param quarantined damaged registry files set aside, with why and where they went
     */
    public record Result(List<String> removed, List<String> skipped, List<Path> runs, List<String> quarantined) {
        public Result(List<String> removed, List<String> skipped, List<Path> runs) {
            this(removed, skipped, runs, List.of());
        }
    }

    /** What dead runs left (not what kept runs keep): called before a run. */
    public static Result cleanStale() {
        return cleanStale(Registry.dir());
    }

    public static Result cleanStale(Path dir) {
        return clean(dir, false);
    }

    /** What dead runs left and what runs kept with {@code --keep}: {@code ipclab clean}. */
    public static Result clean() {
        return clean(Registry.dir());
    }

    public static Result clean(Path dir) {
        return clean(dir, true);
    }

    private static Result clean(Path dir, boolean alsoKept) {
        List<String> removed = new ArrayList<>(), skipped = new ArrayList<>();
        List<Path> runs = new ArrayList<>();
        List<Registry.Quarantined> q = new ArrayList<>();
        int uid = Proc.uid();
        String namespace = Proc.ipcNamespace();
        String hostNamespace = Proc.ipcNamespace(1);
        ProcSysvipc proc = new ProcSysvipc();
        for (var fe : Registry.files(dir, q)) {
            Registry.RunFile f = fe.getValue();
            if (f.kept() ? !alsoKept : Registry.supervisorAlive(f)) continue;
            String run =
                    " (" + (f.kept() ? "kept by " : "") + "run of " + f.scenario() + ", pid " + f.supervisorPid() + ")";
            boolean failed = false;
            for (Registry.WorkerEntry w : f.workers()) {
                if (!Proc.alive(w.pid(), w.startTime())) continue;
                String why = Proc.killVerified(w.pid(), w.startTime(), uid);
                if (why == null) removed.add("worker " + w.name() + " pid " + w.pid() + " killed" + run);
                else skipped.add("worker " + w.name() + " pid " + w.pid() + ": " + why);
            }
            boolean otherNamespace = !f.ipcNamespace().isEmpty()
                    && !namespace.isEmpty()
                    && !f.ipcNamespace().equals(namespace);
            // a run of another namespace: a private one (--isolate) died with its run and took its
            // objects; the host's (seen from an isolated run) is left to a clean that can reach it
            if (otherNamespace && (hostNamespace.isEmpty() || f.ipcNamespace().equals(hostNamespace))) continue;
            List<Registry.Entry> files = new ArrayList<>();
            for (Registry.Entry e : f.objects()) {
                if (e.file()) {
                    files.add(e);
                    continue;
                }
                String what = Leaks.describe(e);
                if (otherNamespace) {
                    skipped.add(what + ": gone with the private IPC namespace " + f.ipcNamespace() + " of its run");
                    continue;
                }
                failed |= removeSysv(e, what + run, proc, uid, removed, skipped);
            }
            // deepest first: files before the directories that hold them
            files.sort(Comparator.comparingInt(
                            (Registry.Entry e) -> Path.of(e.path()).getNameCount())
                    .reversed());
            for (Registry.Entry e : files) failed |= removeFile(e, run, uid, removed, skipped);
            if (failed) continue; // keep the record: the next clean tries again
            try {
                Registry.delete(fe.getKey());
                runs.add(fe.getKey());
            } catch (IOException ex) {
                skipped.add("registry file " + fe.getKey() + ": " + ex.getMessage());
            }
        }
        return new Result(
                removed,
                skipped,
                runs,
                q.stream().map(Registry.Quarantined::toString).toList());
    }

    /** @return true if removal was tried and failed (the record must stay) */
    private static boolean removeSysv(
            Registry.Entry e, String what, ProcSysvipc proc, int uid, List<String> removed, List<String> skipped) {
        SysvObject.Kind kind = e.kind().sysv();
        SysvObject match = null;
        SysvObject sameId = null;
        for (SysvObject o : proc.list(kind)) {
            if (o.id() == e.id() || (e.pending() && o.key() == e.key())) sameId = o;
            if (Ownership.ours(e, o, uid)) match = o;
        }
        if (match == null) {
            skipped.add(Leaks.describe(e)
                    + (sameId == null
                            ? ": gone"
                            : ": not ours (id reused: key=0x" + String.format("%08x", sameId.key()) + " uid="
                                    + sameId.uid() + ")"));
            return false;
        }
        try {
            kind.remove(match.id());
            removed.add(e.pending() ? what.replace("id=-1", "id=" + match.id()) + " (made as the run died)" : what);
            return false;
        } catch (RuntimeException ex) {
            skipped.add(Leaks.describe(e) + ": " + ex.getMessage());
            return true;
        }
    }

    private static boolean removeFile(
            Registry.Entry e, String run, int uid, List<String> removed, List<String> skipped) {
        String what = Leaks.describe(e);
        Path p = Path.of(e.path());
        try {
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                skipped.add(what + ": gone");
                return false;
            }
            String refused = Ownership.notOurPath(p, uid);
            if (refused != null) {
                skipped.add(what + ": refused, " + refused);
                return false;
            }
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) emptyOwnDir(p, uid, removed, run);
            Files.delete(p);
            removed.add(what + run);
            return false;
        } catch (IOException | RuntimeException ex) {
            skipped.add(what + ": " + ex.getMessage());
            return true;
        }
    }

    /** A private directory of ours may hold a file the dead run made but did not list (a socket bound as it died). */
    private static void emptyOwnDir(Path dir, int uid, List<String> removed, String run) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path f : ds) {
                if (Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)) continue;
                if ((Integer) Files.getAttribute(f, "unix:uid", LinkOption.NOFOLLOW_LINKS) != uid) continue;
                Files.delete(f);
                removed.add("file " + f + run);
            }
        }
    }
}
