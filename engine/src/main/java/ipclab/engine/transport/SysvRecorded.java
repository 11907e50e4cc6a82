package ipclab.engine.transport;

import ipclab.engine.channel.ObjectKind;
import ipclab.engine.channel.ObjectLog;
import ipclab.engine.sys.Errno;
import ipclab.engine.sys.IpcException;
import ipclab.engine.sys.SysvMsgQueue;
import ipclab.engine.sys.SysvSemaphore;
import ipclab.engine.sys.SysvShm;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * Makes one System V object with no window in which it exists unrecorded: (1) a fresh key is
 * written to the run registry as an intent, synced, (2) the get call makes the object with that
 * key and IPC_EXCL, (3) the registry entry is confirmed with the id and what proves the object is
 * this one (ctime, and for a segment the creator pid, from IPC_STAT). A supervisor killed between
 * (1) and (3) leaves an intent that {@code ipclab clean} resolves by key. A key someone else holds
 * (EEXIST) is dropped and another drawn; if the intent cannot be written nothing is made; if the
 * confirmation cannot be written the object is removed again before the failure is thrown.
 */
final class SysvRecorded {
    private static final int ATTEMPTS = 16;

    private SysvRecorded() {}

    /**
     * @param step  the setup step the get call is timed as ({@code shmget}, {@code msgget}, {@code semget})
     * @param kind  a System V kind
     * @param get   the get call for a key: IPC_CREAT | IPC_EXCL, mode 0600; returns the id
     */
    static int create(String step, ObjectKind kind, Map<String, Long> setup, ObjectLog log, IntUnaryOperator get) {
        for (int attempt = 1; ; attempt++) {
            int key = FreshKeys.next();
            log.intent(kind, key, System.currentTimeMillis() / 1000);
            int id;
            long t0 = System.nanoTime();
            try {
                id = get.applyAsInt(key);
            } catch (RuntimeException e) {
                log.abandoned(kind, key);
                if (e instanceof IpcException ie && ie.failure().errno() == Errno.EEXIST && attempt < ATTEMPTS)
                    continue;
                throw e;
            }
            setup.put(step, System.nanoTime() - t0);
            try {
                long ctime;
                long cpid = 0;
                switch (kind) {
                    case SHM -> {
                        var st = SysvShm.stat(id);
                        ctime = st.ctime();
                        cpid = st.cpid();
                    }
                    case MSG -> ctime = SysvMsgQueue.stat(id).ctime();
                    default -> ctime = SysvSemaphore.ctime(id);
                }
                log.created(kind, id, key, ctime, cpid);
            } catch (RuntimeException e) {
                try {
                    switch (kind) {
                        case SHM -> SysvShm.remove(id);
                        case MSG -> SysvMsgQueue.remove(id);
                        default -> SysvSemaphore.remove(id);
                    }
                    log.abandoned(kind, key);
                } catch (RuntimeException again) {
                    e.addSuppressed(again);
                }
                throw e;
            }
            return id;
        }
    }
}
