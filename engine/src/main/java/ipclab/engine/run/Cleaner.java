package ipclab.engine.run;

import ipclab.engine.channel.ObjectKind;
import ipclab.engine.inspect.ProcSysvipc;
import ipclab.engine.inspect.SysvObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Removes what dead runs left: for every registry file whose supervisor no longer runs (its pid
 * gone, or reused by another process), or whose run is over and kept its objects ({@code run
 * --keep}: removable even from the long-lived process that made them), kills its workers that still run, removes the objects it
 * lists — only if they are still ours ({@link Ownership#ours}: never someone else's object that
 * got the same id) — and deletes the file. Called at every start of ipclab
 * and by {@code ipclab clean}.
 */
public final class Cleaner {
    private Cleaner() {}

    /**
     * What was done.
     *
     * @param removed objects and files removed, workers killed, e.g. {@code msg id=3 key=0x00000000 (run of race, pid 1234)}
     * @param skipped listed objects left alone, with why ({@code gone}, {@code not ours: ...})
     * @param runs    the stale registry files deleted
     */
    public record Result(List<String> removed, List<String> skipped, List<Path> runs) {}

    public static Result cleanStale() { return cleanStale(Registry.dir()); }

    public static Result cleanStale(Path dir) {
        List<String> removed = new ArrayList<>(), skipped = new ArrayList<>();
        List<Path> runs = new ArrayList<>();
        int uid = Proc.uid();
        ProcSysvipc proc = new ProcSysvipc();
        for (var fe : Registry.files(dir)) {
            Registry.RunFile f = fe.getValue();
            if (!f.removable()) continue;
            String run = " (run of " + f.scenario() + ", pid " + f.supervisorPid() + ")";
            for (Registry.WorkerEntry w : f.workers()) {
                if (!Proc.alive(w.pid(), w.startTime())) continue;
                Optional<ProcessHandle> h = ProcessHandle.of(w.pid());
                if (h.isEmpty()) continue;
                h.get().destroyForcibly();
                try {
                    h.get().onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    // reported as removed anyway; the kernel will reap it
                }
                removed.add("worker " + w.name() + " pid " + w.pid() + " killed" + run);
            }
            for (Registry.Entry e : f.objects()) {
                String what = Leaks.describe(e);
                if (e.kind() == ObjectKind.FILE) {
                    Path p = Path.of(e.path());
                    try {
                        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) { skipped.add(what + ": gone"); continue; }
                        int owner = (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
                        if (owner != uid) { skipped.add(what + ": not ours (owner uid " + owner + ")"); continue; }
                        Files.delete(p);
                        removed.add(what + run);
                    } catch (IOException | RuntimeException ex) {
                        skipped.add(what + ": " + ex.getMessage());
                    }
                    continue;
                }
                SysvObject.Kind kind = e.kind().sysv();
                SysvObject match = null;
                SysvObject sameId = null;
                for (SysvObject o : proc.list(kind)) {
                    if (o.id() != e.id()) continue;
                    sameId = o;
                    if (Ownership.ours(e, o, uid)) match = o;
                }
                if (match == null) {
                    skipped.add(what + (sameId == null ? ": gone" : ": not ours (id reused: key=0x"
                            + String.format("%08x", sameId.key()) + " uid=" + sameId.uid() + ")"));
                    continue;
                }
                try {
                    kind.remove(e.id());
                    removed.add(what + run);
                } catch (RuntimeException ex) {
                    skipped.add(what + ": " + ex.getMessage());
                }
            }
            try {
                Files.deleteIfExists(fe.getKey());
                runs.add(fe.getKey());
            } catch (IOException ex) {
                skipped.add("registry file " + fe.getKey() + ": " + ex.getMessage());
            }
        }
        return new Result(removed, skipped, runs);
    }
}
