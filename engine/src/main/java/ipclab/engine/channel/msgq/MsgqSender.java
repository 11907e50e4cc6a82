package ipclab.engine.channel.msgq;

import ipclab.engine.channel.MessageHeader;
import ipclab.engine.channel.SendPort;
import ipclab.engine.channel.Steps;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.StepNumber;
import ipclab.engine.protocol.StepOp;
import ipclab.engine.protocol.StepResult;
import ipclab.engine.sys.Errno;
import ipclab.engine.sys.Ipc;
import ipclab.engine.sys.IpcException;
import ipclab.engine.sys.MsgBuf;
import ipclab.engine.sys.SemOps;
import ipclab.engine.sys.SysvMsgQueue;
import ipclab.engine.sys.SysvSemaphore;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Sends on a System V message queue: one msgsnd per message, with the writer's mtype (or, for an
 * echo, the reply type of the pinger that sent the message). With {@code mode: nowait} a full
 * queue gives EAGAIN, which is counted and reported to the caller (who backs off and retries).
 *
 * <p>End of stream (a queue has no shared state to count finished writers in): the channel's
 * semaphore set holds {@code [senders still running, end token = 1]}. A finishing sender takes
 * one from the first; then, in one atomic semop, it waits for zero on the first and takes the
 * token, with IPC_NOWAIT. Exactly one sender, the last, gets the token; it sends one end marker
 * per receiver, typed so that receiver's selector matches it and after all data (FIFO per type).
 *
 * <p>Stepped, every msgsnd is made with IPC_NOWAIT: a full queue is the step's result
 * ({@link StepResult#WOULD_BLOCK}, or {@link StepResult#EAGAIN} in nowait mode) and the send is
 * retried at a later step.
 */
public final class MsgqSender implements SendPort {
    /** Reply types (pinger/echo): REPLY_BASE + the pinger's index. Senders' and readers' types stay below. */
    public static final long REPLY_BASE = 1L << 32;

    private final int msqId;
    private final int semId;
    private final int flags;
    private final long mtype;
    private final boolean reply;
    private final StepGate gate;
    private final String channel;
    private final MsgBuf buf;
    private final MemorySegment text;
    private final SemOps leave;
    private final SemOps token;
    private final int[] receivers;
    private final long[] receiverTypes;
    private long eagain;

    /**
     * @param mtype         type of every message sent; 0 in reply mode (echo)
     * @param receivers     the channel's receivers' indexes (for end markers)
     * @param receiverTypes their selectors (0, n or -n)
     */
    public MsgqSender(
            int msqId,
            int semId,
            boolean nowait,
            long mtype,
            long maxMessage,
            int[] receivers,
            long[] receiverTypes,
            StepGate gate,
            String channel,
            Arena arena) {
        this.msqId = msqId;
        this.semId = semId;
        this.flags = nowait ? Ipc.IPC_NOWAIT : 0;
        this.reply = mtype == 0;
        this.mtype = mtype;
        this.gate = gate;
        this.channel = channel;
        this.buf = MsgBuf.allocate(arena, maxMessage);
        this.text = buf.text();
        this.receivers = receivers.clone();
        this.receiverTypes = receiverTypes.clone();
        this.leave = SemOps.of(arena, 0, -1, Ipc.IPC_NOWAIT);
        this.token = SemOps.allocate(arena, 2);
        token.set(0, 0, 0, Ipc.IPC_NOWAIT);
        token.set(1, 1, -1, Ipc.IPC_NOWAIT);
    }

    /** The type an end marker for a receiver with this selector gets. */
    public static long endType(long selector) {
        if (selector == 0) return 1;
        return Math.abs(selector);
    }

    @Override
    public MemorySegment buffer() {
        return text;
    }

    @Override
    public boolean publish(int length) {
        long type = reply ? REPLY_BASE + MessageHeader.writer(text, 0) : mtype;
        buf.mtype(type);
        for (; ; ) {
            gate.before(StepOp.MSGSND, channel);
            boolean stepped = gate.stepped();
            int f = stepped ? flags | Ipc.IPC_NOWAIT : flags;
            int rc = SysvMsgQueue.trySend(msqId, buf, length, f);
            gate.number(StepNumber.MTYPE, type);
            Steps.message(gate, text, 0, length);
            if (rc == 0) return true;
            if (rc == -Errno.EAGAIN) {
                if (flags == Ipc.IPC_NOWAIT) {
                    eagain++;
                    gate.result(StepResult.EAGAIN);
                } else {
                    gate.result(StepResult.WOULD_BLOCK);
                }
                return false;
            }
            if (rc != -Errno.EINTR) {
                gate.result(rc == -Errno.EIDRM ? StepResult.EIDRM : StepResult.ERROR);
                throw new IpcException(
                        "msgsnd", "msqid=" + msqId + ", size=" + length + ", flags=" + Ipc.msgFlags(f), -rc);
            }
        }
    }

    /** EAGAIN results so far (nowait, queue full). */
    public long eagain() {
        return eagain;
    }

    @Override
    public void finish() {
        if (semId < 0) return;
        gate.before(StepOp.SEMOP, channel);
        SysvSemaphore.semop(semId, leave); // takes one of at least one (this sender's own): never waits
        gate.before(StepOp.SEMOP, channel);
        int rc = SysvSemaphore.trySemop(semId, token);
        if (rc != 0) {
            gate.result(StepResult.DECLINED); // another sender is still running, or took the token
            return;
        }
        gate.number(StepNumber.VALUE, 1);
        for (int i = 0; i < receivers.length; i++) sendEnd(receivers[i], endType(receiverTypes[i]));
    }

    /** Sends an end marker addressed to {@code receiver} with type {@code type}: blocking, or, stepped, one try per step. */
    void sendEnd(int receiver, long type) {
        MessageHeader.writeEnd(text, 0, receiver);
        buf.mtype(type);
        for (; ; ) {
            gate.before(StepOp.END, channel);
            if (!gate.stepped()) {
                SysvMsgQueue.send(msqId, buf, MessageHeader.BYTES, 0);
                return;
            }
            int rc = SysvMsgQueue.trySend(msqId, buf, MessageHeader.BYTES, Ipc.IPC_NOWAIT);
            gate.number(StepNumber.MTYPE, type);
            gate.message(receiver, MessageHeader.END_SEQ, MessageHeader.BYTES);
            if (rc == 0) return;
            if (rc == -Errno.EAGAIN) {
                gate.result(StepResult.WOULD_BLOCK);
            } else if (rc != -Errno.EINTR) {
                gate.result(rc == -Errno.EIDRM ? StepResult.EIDRM : StepResult.ERROR);
                throw new IpcException(
                        "msgsnd", "msqid=" + msqId + ", size=" + MessageHeader.BYTES + ", flags=IPC_NOWAIT", -rc);
            }
        }
    }

    @Override
    public void close() {}
}
