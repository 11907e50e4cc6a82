package ipclab.engine.run;

import ipclab.engine.inspect.SysvObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;

/**
 * The one rule for "is this ours", used by the leak check at the end of a run, by {@link Cleaner}
 * before it removes what a dead run left, and by {@code ipclab ipcs --mine}.
 *
 * <p>A kernel object: ids are reused by the kernel, so an id alone proves nothing. ipclab makes
 * every object with a fresh random key and IPC_EXCL, and records kind, key, ctime and (shm) the
 * creator pid: the object must be of that kind, belong to (or have been created by) this user,
 * still have the recorded key (unless it is a segment marked for removal, whose key the kernel
 * has reset to 0), a ctime no earlier than recorded (ctime only moves forward: IPC_SET, SETVAL)
 * and, for a segment, the recorded creator pid. A pending entry (recorded before the call that
 * made it, the id unknown) matches by key, owner and ctime.
 *
 * <p>A file: only inside one of ipclab's own private directories ({@code ipclab-*}, mode 0700,
 * ours, directly under the temp directory), never through a symbolic link.
 */
public final class Ownership {
    private Ownership() {}

    /** True if o is the object that entry e of a run registry records, and uid owns or created it. */
    public static boolean ours(Registry.Entry e, SysvObject o, int uid) {
        if (e.kind().sysv() != o.kind()) return false;
        if (o.uid() != uid && o.cuid() != uid) return false;
        if (e.ctime() > 0 && o.ctime() < e.ctime() - 1)
            return false; // 1 s: the clock read before the call may lag the kernel's
        if (e.pending()) return e.key() != 0 && o.key() == e.key();
        if (e.id() != o.id()) return false;
        if (e.cpid() > 0 && o.cpid() > 0 && o.cpid() != e.cpid()) return false;
        return e.key() == o.key() || (o.key() == 0 && o.markedForRemoval());
    }

    /** The temp directories ipclab makes its private directories in: this JVM's, and /tmp. */
    static Set<Path> tempRoots() {
        return new java.util.TreeSet<>(List.of(
                Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize(), Path.of("/tmp")));
    }

    /**
     * Why ipclab must not touch path p (a registry's file entry), or null if p is one of its own:
     * a private directory {@code <tmp>/ipclab-*} that is ours and 0700, or a file directly in one.
     */
    static String notOurPath(Path p, int uid) {
        if (!p.isAbsolute() || !p.normalize().equals(p)) return "not a plain absolute path";
        if (p.startsWith(Registry.stateDir().toAbsolutePath().normalize())) return "inside ipclab's state directory";
        Path dir = p.getFileName() != null
                        && p.getFileName().toString().startsWith("ipclab-")
                        && p.getParent() != null
                        && tempRoots().contains(p.getParent())
                ? p
                : p.getParent();
        if (dir == null
                || dir.getParent() == null
                || !tempRoots().contains(dir.getParent())
                || !dir.getFileName().toString().startsWith("ipclab-")) {
            return "outside ipclab's own directories ("
                    + String.join(
                            ", ",
                            tempRoots().stream()
                                    .map(r -> r + "/ipclab-*")
                                    .sorted()
                                    .toList()) + ")";
        }
        try {
            if (Files.isSymbolicLink(dir) || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS))
                return "its directory " + dir + " is not a directory";
            int owner = (Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            if (owner != uid) return "its directory " + dir + " is owned by uid " + owner;
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
            if (!perms.equals(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"))) {
                return "its directory " + dir + " is not mode 0700";
            }
            if (!p.equals(dir) && Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                int fo = (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
                if (fo != uid) return "owned by uid " + fo;
            }
        } catch (IOException e) {
            return e.getMessage();
        }
        return null;
    }
}
