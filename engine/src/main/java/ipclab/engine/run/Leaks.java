package ipclab.engine.run;

import ipclab.engine.channel.ObjectKind;
import ipclab.engine.inspect.ProcSysvipc;
import ipclab.engine.inspect.SysvObject;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the kernel (or the file system) still holds of a run's objects. */
final class Leaks {
    private Leaks() {}

    /** Objects of the list still present: System V ones in /proc/sysvipc ({@link Ownership#ours}), files by path. */
    static List<String> of(List<Registry.Entry> objects) {
        List<String> out = new ArrayList<>();
        ProcSysvipc proc = new ProcSysvipc();
        int uid = Proc.uid();
        for (Registry.Entry e : objects) {
            if (e.kind() == ObjectKind.FILE) {
                if (!e.path().isEmpty() && Files.exists(Path.of(e.path()), LinkOption.NOFOLLOW_LINKS))
                    out.add("file " + e.path());
                continue;
            }
            for (SysvObject o : proc.list(e.kind().sysv())) {
                if (Ownership.ours(e, o, uid)) out.add(describe(e));
            }
        }
        return out;
    }

    static String describe(Registry.Entry e) {
        if (e.kind() == ObjectKind.FILE) return "file " + e.path();
        return e.kind() + " id=" + e.id() + " key=0x" + String.format("%08x", e.key());
    }
}
