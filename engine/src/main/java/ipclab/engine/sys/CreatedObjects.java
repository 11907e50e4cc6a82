package ipclab.engine.sys;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The System V objects this process got from shmget/msgget/semget with IPC_CREAT, so that a
 * leak check can tell its own objects from those of other processes on the machine (message
 * queues and semaphore sets carry no creator pid in /proc/sysvipc). Recorded at setup, never on a
 * hot path. An id stays here after removal; ids are not reused soon (the kernel adds a sequence).
 */
public final class CreatedObjects {
    private CreatedObjects() {}

    /** The three kinds, named as the files in /proc/sysvipc. */
    public enum Kind {
        SHM,
        MSG,
        SEM
    }

    private static final Set<Long> IDS = ConcurrentHashMap.newKeySet();

    static void record(Kind kind, int id, int flags) {
        if ((flags & Ipc.IPC_CREAT) != 0) {
            IDS.add(((long) kind.ordinal() << 32) | (id & 0xffffffffL));
        }
    }

    /** True when this process got {@code id} of {@code kind} from a get call with IPC_CREAT. */
    public static boolean contains(Kind kind, int id) {
        return IDS.contains(((long) kind.ordinal() << 32) | (id & 0xffffffffL));
    }
}
