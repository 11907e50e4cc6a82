package ipclab.engine.worker;

import ipclab.engine.sys.Syscalls;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The system calls a worker made in its run window: {@link Syscalls#snapshot()} at "go" subtracted
 * from the one at the end of the role's work. Calls before (setup) and after (teardown) are not
 * in it. A window never opened (the run was stopped before "go") is empty.
 */
final class SyscallWindow {
    private Map<String, Long> atOpen;
    private Map<String, Long> atClose;

    /** "go": from here on calls count. */
    void open() {
        atOpen = Syscalls.snapshot();
    }

    /** The role's work is over (idempotent: the first call counts). */
    void close() {
        if (atOpen != null && atClose == null) atClose = Syscalls.snapshot();
    }

    /** By call name, only non-zero counts, in the bindings' order. */
    Map<String, Long> calls() {
        Map<String, Long> out = new LinkedHashMap<>();
        if (atOpen == null) return out;
        Map<String, Long> end = atClose != null ? atClose : Syscalls.snapshot();
        end.forEach((k, v) -> {
            long n = v - atOpen.getOrDefault(k, 0L);
            if (n != 0) out.put(k, n);
        });
        return out;
    }
}
