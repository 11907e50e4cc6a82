package ipclab.engine.transport;

import ipclab.engine.channel.ObjectKind;
import ipclab.engine.channel.ObjectLog;
import ipclab.engine.inspect.SysvObject;
import ipclab.engine.sys.Errno;
import ipclab.engine.sys.IpcException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One channel's removal: tries every object, treats one already gone as removed, tells the log
 * of each removal, and keeps the first other failure for {@link #throwIfFailed()}. With
 * {@code keepKernelObjects} ({@code run --keep}) System V objects stay and only files go.
 */
public final class Removal {
    private final ObjectLog log;
    private final boolean keepKernelObjects;
    private RuntimeException failure;

    Removal(ObjectLog log, boolean keepKernelObjects) {
        this.log = log;
        this.keepKernelObjects = keepKernelObjects;
    }

    /** IPC_RMID on a System V object (not for {@code --keep}). */
    void sysv(SysvObject.Kind kind, int id) {
        if (keepKernelObjects) return;
        try {
            kind.remove(id);
            log.removed(ObjectKind.of(kind), id, null);
        } catch (IpcException e) {
            // gone already (a marked segment freed at its last detach): no longer the run's to remove
            if (gone(e)) log.removed(ObjectKind.of(kind), id, null);
            else failed(e);
        }
    }

    /** A file of the channel's private directory, its pinger/echo twin {@code path + ".back"}, and the directory. */
    void privateFiles(String path) {
        Path p = Path.of(path);
        for (Path f : new Path[] {p, Path.of(path + ".back"), p.getParent()}) {
            try {
                if (f == null) continue;
                Files.deleteIfExists(f);
                log.removed(ObjectKind.FILE, -1, f.toString()); // gone either way (a socket never bound, no .back)
            } catch (IOException e) {
                failed(new UncheckedIOException("cannot delete " + f + ": " + e.getMessage(), e));
            }
        }
    }

    void failed(RuntimeException e) {
        if (failure == null) failure = e;
    }

    void throwIfFailed() {
        if (failure != null) throw failure;
    }

    /** The kernel's answer for an object that no longer exists. */
    static boolean gone(IpcException e) {
        int errno = e.failure().errno();
        return errno == Errno.EINVAL || errno == Errno.EIDRM;
    }
}
