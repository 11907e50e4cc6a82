package ipclab.engine.channel.shm;

import ipclab.engine.sys.Errno;
import ipclab.engine.sys.IpcException;
import ipclab.engine.sys.SemOps;
import ipclab.engine.sys.SysvSemaphore;

/** A blocking semop on the ring's set, retried on EINTR; a removed set (EIDRM) or any other failure throws. */
final class Sem {
    private Sem() {}

    static void op(int semId, SemOps ops) {
        int rc;
        do {
            rc = SysvSemaphore.trySemop(semId, ops);
        } while (rc == -Errno.EINTR);
        if (rc != 0) throw new IpcException("semop", "semid=" + semId + ", ops=" + ops, -rc);
    }
}
