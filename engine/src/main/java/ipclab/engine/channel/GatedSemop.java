package ipclab.engine.channel;

import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.StepResult;
import ipclab.engine.sys.Errno;
import ipclab.engine.sys.Ipc;
import ipclab.engine.sys.IpcException;
import ipclab.engine.sys.SemOps;
import ipclab.engine.sys.SysvSemaphore;
import java.lang.foreign.Arena;

/**
 * A semop that may block in a free run and never does in a stepped one: the same operations
 * twice, as given and with IPC_NOWAIT, and {@link #run} picks by the gate. Retries EINTR; a
 * removed set (EIDRM) or any other failure throws, after telling the gate.
 */
public final class GatedSemop {
    private final int semId;
    private final SemOps blocking;
    private final SemOps nowait;

    public GatedSemop(int semId, SemOps ops, Arena arena) {
        this.semId = semId;
        this.blocking = ops;
        this.nowait = ops.withFlag(arena, Ipc.IPC_NOWAIT);
    }

    /**
     * Does the operations (the caller has passed the gate).
     *
     * @return true when done; false in a stepped run when they would have blocked (the step's result is then
     *         {@link StepResult#WOULD_BLOCK})
     */
    public boolean run(StepGate gate) {
        boolean stepped = gate.stepped();
        SemOps ops = stepped ? nowait : blocking;
        int rc;
        do {
            rc = SysvSemaphore.trySemop(semId, ops);
        } while (rc == -Errno.EINTR);
        if (rc == 0) return true;
        if (rc == -Errno.EAGAIN && stepped) {
            gate.result(StepResult.WOULD_BLOCK);
            return false;
        }
        gate.result(rc == -Errno.EIDRM ? StepResult.EIDRM : StepResult.ERROR);
        throw new IpcException("semop", "semid=" + semId + ", ops=" + ops, -rc);
    }

    @Override
    public String toString() {
        return blocking.toString();
    }
}
