package ipclab.repl.cli;

import ipclab.engine.inspect.SysvObject;
import ipclab.engine.run.Ownership;
import ipclab.engine.run.Proc;
import ipclab.engine.run.Registry;
import java.util.List;

/**
 * ipclab's objects according to its run registry ({@link Registry#knownObjects()}, read once):
 * an object counts when it is ours by the engine's one rule, {@link Ownership#ours}.
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
        return new RegistryObjects(
                Registry.knownObjects().stream()
                        .map(Registry.KnownObject::object)
                        .toList(),
                Proc.uid());
    }

    @Override
    public boolean madeByIpclab(SysvObject o) {
        for (Registry.Entry e : entries) if (Ownership.ours(e, o, uid)) return true;
        return false;
    }
}
