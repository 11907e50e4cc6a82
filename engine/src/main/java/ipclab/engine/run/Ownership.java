package ipclab.engine.run;

import ipclab.engine.inspect.SysvObject;

/**
 * The one rule for "is this kernel object ours", used by the leak check at the end of a run, by
 * {@link Cleaner} before it removes what a dead run left, and by {@code ipclab ipcs --mine}.
 * Ids are reused by the kernel, so an id alone proves nothing: the object must be of the kind and
 * id the registry wrote down, belong to (or have been created by) this user, and still have the
 * recorded key, unless it is a segment marked for removal, whose key the kernel has reset to 0.
 */
public final class Ownership {
    private Ownership() {}

    /** True if o is the object that entry e of a run registry records, and uid owns or created it. */
    public static boolean ours(Registry.Entry e, SysvObject o, int uid) {
        if (e.kind().sysv() != o.kind() || e.id() != o.id()) return false;
        if (o.uid() != uid && o.cuid() != uid) return false;
        return e.key() == o.key() || (o.key() == 0 && o.markedForRemoval());
    }
}
