package ipclab.engine.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry directory's trust check: it must be a real directory (not a symbolic link),
 * owned by the user running ipclab, and mode 0700. A directory of ours that is more open (an
 * older ipclab made it with the umask's 0755) is tightened to 0700; one owned by someone else,
 * or a link, is refused with the reason, since its files would decide what ipclab removes.
 */
final class RegistryDir {
    private static final Set<Path> CHECKED = ConcurrentHashMap.newKeySet();

    private RegistryDir() {}

    /** Makes the directory (0700) if missing, then {@link #check}s it. */
    static void ensure(Path dir) throws IOException {
        if (CHECKED.contains(dir)) return;
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Path parent = dir.getParent();
            if (parent != null) Files.createDirectories(parent);
            try {
                Files.createDirectory(
                        dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another ipclab made it: checked below
            }
        }
        check(dir);
    }

    /** @throws IllegalStateException naming the directory and what is wrong with it */
    static void check(Path dir) {
        if (CHECKED.contains(dir)) return;
        try {
            if (Files.isSymbolicLink(dir)) throw refuse(dir, "it is a symbolic link");
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) throw refuse(dir, "it is not a directory");
            int owner = (Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            int me = Proc.uid();
            if (owner != me) throw refuse(dir, "it is owned by uid " + owner + ", not by you (uid " + me + ")");
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
            Set<PosixFilePermission> want = PosixFilePermissions.fromString("rwx------");
            if (!perms.equals(want)) Files.setPosixFilePermissions(dir, want);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check the run registry directory " + dir + ": " + e.getMessage(), e);
        }
        CHECKED.add(dir);
    }

    private static IllegalStateException refuse(Path dir, String why) {
        return new IllegalStateException(
                "the run registry directory " + dir + " is not safe to use: " + why
                        + "; ipclab trusts its files to decide what to remove. Remove or fix it (mkdir -m 0700), or set XDG_STATE_HOME");
    }

    /** fsync of the directory itself, so that a rename or delete in it survives a crash. */
    static void sync(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some file systems refuse a directory fsync; the rename is still atomic
        }
    }
}
