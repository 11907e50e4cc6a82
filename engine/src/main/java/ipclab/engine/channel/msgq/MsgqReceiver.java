package ipclab.engine.channel.msgq;

import ipclab.engine.channel.MessageHeader;
import ipclab.engine.channel.ReceivePort;
import ipclab.engine.channel.Steps;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.StepOp;
import ipclab.engine.protocol.StepResult;
import ipclab.engine.sys.Errno;
import ipclab.engine.sys.Ipc;
import ipclab.engine.sys.IpcException;
import ipclab.engine.sys.MsgBuf;
import ipclab.engine.sys.SysvMsgQueue;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Receives from a System V message queue with a type selector (0: any, n: type n, -n: the lowest
 * type up to n first). With {@code mode: nowait} an empty queue gives ENOMSG, counted, and poll
 * returns 0. The stream ends at the end marker addressed to this receiver; a marker addressed to
 * another receiver (a selector can match another's marker) is sent back to the queue.
 *
 * <p>Stepped, every msgrcv is made with IPC_NOWAIT: an empty queue is the step's result
 * ({@link StepResult#WOULD_BLOCK}, or {@link StepResult#EAGAIN} in nowait mode). A foreign end
 * marker is sent back at the next step, and retried until the queue takes it.
 */
public final class MsgqReceiver implements ReceivePort {
    private final int msqId;
    private final int flags;
    private final long selector;
    private final int self;
    private final StepGate gate;
    private final String channel;
    private final MsgBuf buf;
    private final MemorySegment text;
    private long enomsg;
    private long foreignEnds;
    /** Stepped: a foreign end marker (its length) taken and not yet sent back. */
    private long foreignPending;

    public MsgqReceiver(
            int msqId,
            boolean nowait,
            long selector,
            int self,
            long maxMessage,
            StepGate gate,
            String channel,
            Arena arena) {
        this.msqId = msqId;
        this.flags = nowait ? Ipc.IPC_NOWAIT : 0;
        this.selector = selector;
        this.self = self;
        this.gate = gate;
        this.channel = channel;
        this.buf = MsgBuf.allocate(arena, maxMessage);
        this.text = buf.text();
    }

    @Override
    public MemorySegment buffer() {
        return text;
    }

    @Override
    public int poll() {
        if (foreignPending > 0) return sendBack(foreignPending);
        gate.before(StepOp.MSGRCV, channel);
        int f = gate.stepped() ? flags | Ipc.IPC_NOWAIT : flags;
        long n = SysvMsgQueue.tryReceive(msqId, buf, text.byteSize(), selector, f);
        if (n == -Errno.ENOMSG) {
            gate.mtype(selector);
            if (flags == Ipc.IPC_NOWAIT) {
                enomsg++;
                gate.result(StepResult.EAGAIN);
            } else {
                gate.result(StepResult.WOULD_BLOCK);
            }
            return 0;
        }
        if (n == -Errno.EINTR) return 0;
        if (n < 0) {
            gate.result(n == -Errno.EIDRM ? StepResult.EIDRM : StepResult.ERROR);
            throw new IpcException(
                    "msgrcv",
                    "msqid=" + msqId + ", size=" + text.byteSize() + ", mtype=" + selector + ", flags="
                            + Ipc.msgFlags(f),
                    (int) -n);
        }
        gate.mtype(buf.mtype());
        Steps.message(gate, text, 0, n);
        if (n >= MessageHeader.BYTES && MessageHeader.seq(text, 0) == MessageHeader.END_SEQ) {
            if (MessageHeader.writer(text, 0) == self) {
                gate.result(StepResult.END_OF_STREAM);
                return -1;
            }
            foreignEnds++;
            if (gate.stepped()) {
                foreignPending = n;
                return 0;
            }
            SysvMsgQueue.send(msqId, buf, n, 0);
            Thread.yield();
            return 0;
        }
        return n == 0 ? 1 : (int) n;
    }

    /** Stepped: one try to send a foreign end marker back to the queue. */
    private int sendBack(long n) {
        gate.before(StepOp.MSGSND, channel);
        int rc = SysvMsgQueue.trySend(msqId, buf, n, Ipc.IPC_NOWAIT);
        gate.mtype(buf.mtype());
        Steps.message(gate, text, 0, n);
        if (rc == 0) {
            foreignPending = 0;
        } else if (rc == -Errno.EAGAIN) {
            gate.result(StepResult.WOULD_BLOCK);
        } else if (rc != -Errno.EINTR) {
            gate.result(rc == -Errno.EIDRM ? StepResult.EIDRM : StepResult.ERROR);
            throw new IpcException("msgsnd", "msqid=" + msqId + ", size=" + n + ", flags=IPC_NOWAIT", -rc);
        }
        return 0;
    }

    @Override
    public void release() {}

    /** ENOMSG results so far (nowait, nothing matching). */
    public long enomsg() {
        return enomsg;
    }

    /** End markers for other receivers this one took and sent back. */
    public long foreignEnds() {
        return foreignEnds;
    }

    @Override
    public void close() {}
}
