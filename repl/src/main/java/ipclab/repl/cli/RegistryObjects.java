package ipclab.repl.cli;

import ipclab.engine.inspect.SysvObject;
import ipclab.engine.run.Proc;
import ipclab.engine.run.Registry;
import java.util.List;

/**
 * ipclab's objects according to its run registry ({@link Registry#knownObjects()}, read once).
 * An object counts when kind and id match a registry entry, it belongs to this user, and its key
 * matches — or it is a segment marked for removal, whose key the kernel has reset to 0.
 */
public final class RegistryObjects implements IpclabObjects {
    private final List<Registry.Entry> entries;
    private final int uid;

    private RegistryObjects(List<Registry.Entry> entries, int uid) {
        this.entries = entries;
        this.uid = uid;
    }

    /** The registry of this user's runs (live and stale). */
    public static RegistryObjects load() {
        return new RegistryObjects(Registry.knownObjects().stream().map(Registry.KnownObject::object).toList(), Proc.uid());
    }

    @Override
    public boolean madeByIpclab(SysvObject o) {
        if (o.uid() != uid && o.cuid() != uid) return false;
        for (Registry.Entry e : entries) {
            if (!e.kind().equals(o.kind().procName()) || e.id() != o.id()) continue;
            if (e.key() == o.key() || (o.key() == 0 && o.markedForRemoval())) return true;
        }
        return false;
    }
}
