package ipclab.engine.run;

import ipclab.engine.sys.SysvMsgQueue;
import ipclab.engine.sys.SysvSemaphore;
import ipclab.engine.sys.SysvShm;

/** Removes a System V object by id (IPC_RMID). */
final class KernelObjects {
    private KernelObjects() {}

    /** kind: shm, msg or sem; throws IpcException (naming the call and errno) if the kernel refuses. */
    static void remove(String kind, int id) {
        switch (kind) {
            case "shm" -> SysvShm.remove(id);
            case "msg" -> SysvMsgQueue.remove(id);
            case "sem" -> SysvSemaphore.remove(id);
            default -> throw new IllegalArgumentException("kind=" + kind + " must be shm, msg or sem");
        }
    }
}
