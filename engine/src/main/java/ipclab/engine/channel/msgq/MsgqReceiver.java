package ipclab.engine.channel.msgq;

import ipclab.engine.channel.CopyingReceiver;
import ipclab.engine.channel.MessageHeader;
import ipclab.engine.channel.Steps;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.StepNumber;
import ipclab.engine.protocol.StepOp;
import ipclab.engine.protocol.StepResult;
import ipclab.engine.sys.Errno;
import ipclab.engine.sys.Ipc;
import ipclab.engine.sys.IpcException;
import ipclab.engine.sys.MsgBuf;
import ipclab.engine.sys.SysvMsgQueue;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Receives from a System V message queue with a type selector (0: any, n: type n, -n: the lowest
 * type up to n first). With {@code mode: nowait} an empty queue gives ENOMSG, counted, and poll
 * returns 0. The stream ends at the end marker addressed to this receiver; a marker addressed to
 * another receiver (a selector can match another's marker) is sent back to the queue.
 *
 * <p>Stepped, every msgrcv is made with IPC_NOWAIT: an empty queue is the step's result
 * ({@link StepResult#WOULD_BLOCK}, or {@link StepResult#EAGAIN} in nowait mode). Foreign end
 * markers are looked past within the step: taken, held, and put back once the step has found a
 * message, its own marker or nothing else ({@link StepResult#PASSED_ON}: blocked until another
 * process acts on the queue; in nowait mode {@link StepResult#EAGAIN}, counted as the ENOMSG its
 * last msgrcv was; either way the step's value is how many foreign markers it looked past). One
 * step, several calls, because only the whole is an operation
 * that depends on the schedule alone: a marker put back one step and taken again the next lets
 * a scheduler that always prefers this receiver (PCT) pass it on forever, and two receivers each
 * holding the other's marker at the head of the queue would look deadlocked.
 */
public final class MsgqReceiver extends CopyingReceiver {
    private final int msqId;
    private final int flags;
    private final long selector;
    private final int self;
    private final MsgBuf buf;
    private final MemorySegment text;
    private long enomsg;
    private long foreignEnds;
    /** Stepped: where foreign end markers wait while the step looks past them (made on first use). */
    private MsgBuf held;

    private final Arena arena;

    public MsgqReceiver(
            int msqId,
            boolean nowait,
            long selector,
            int self,
            long maxMessage,
            StepGate gate,
            String channel,
            Arena arena) {
        MsgBuf buf = MsgBuf.allocate(arena, maxMessage);
        super(StepOp.MSGRCV, buf.text(), gate, channel);
        this.msqId = msqId;
        this.flags = nowait ? Ipc.IPC_NOWAIT : 0;
        this.selector = selector;
        this.self = self;
        this.arena = arena;
        this.buf = buf;
        this.text = buf.text();
    }

    @Override
    protected int receive() {
        int f = gate.stepped() ? flags | Ipc.IPC_NOWAIT : flags;
        long n = SysvMsgQueue.tryReceive(msqId, buf, text.byteSize(), selector, f);
        if (n == -Errno.ENOMSG) return nothingForThisReceiver(StepResult.WOULD_BLOCK, 0);
        if (n == -Errno.EINTR) return 0;
        if (n < 0) {
            gate.result(n == -Errno.EIDRM ? StepResult.EIDRM : StepResult.ERROR);
            throw new IpcException(
                    "msgrcv",
                    "msqid=" + msqId + ", size=" + text.byteSize() + ", mtype=" + selector + ", flags="
                            + Ipc.msgFlags(f),
                    (int) -n);
        }
        if (foreign(n)) {
            foreignEnds++;
            if (gate.stepped()) return lookPastForeign(n, f);
            SysvMsgQueue.send(msqId, buf, n, 0);
            Thread.yield();
            return 0;
        }
        return received(n);
    }

    /**
     * The queue held nothing for this receiver. With IPC_NOWAIT that is the ENOMSG the call came to
     * (counted, also when a stepped call looked past other readers' end markers to find it);
     * otherwise the receiver waits, as {@code waiting} says why. A step's value is how many other
     * readers' end markers it looked past, if any.
     */
    private int nothingForThisReceiver(StepResult waiting, int markersLookedPast) {
        gate.number(StepNumber.MTYPE, selector);
        if (markersLookedPast > 0) gate.number(StepNumber.VALUE, markersLookedPast);
        if (flags == Ipc.IPC_NOWAIT) {
            enomsg++;
            gate.result(StepResult.EAGAIN);
        } else {
            gate.result(waiting);
        }
        return 0;
    }

    /** The message in {@code buf}: data, or this receiver's end marker. */
    private int received(long n) {
        gate.number(StepNumber.MTYPE, buf.mtype());
        Steps.message(gate, text, 0, n);
        if (isEnd(n)) {
            gate.result(StepResult.END_OF_STREAM);
            return -1;
        }
        return n == 0 ? 1 : (int) n;
    }

    private boolean isEnd(long n) {
        return n >= MessageHeader.BYTES && MessageHeader.seq(text, 0) == MessageHeader.END_SEQ;
    }

    private boolean foreign(long n) {
        return isEnd(n) && MessageHeader.writer(text, 0) != self;
    }

    /**
     * Stepped: {@code buf} holds a foreign end marker. Takes further messages until one that is
     * not a foreign marker, or none is left, holding the markers aside; then puts them back in the
     * order taken. Nothing else acts meanwhile, so the room they left takes them again.
     */
    private int lookPastForeign(long first, int f) {
        if (held == null) held = MsgBuf.allocate(arena, text.byteSize());
        List<byte[]> markers = new ArrayList<>();
        List<Long> types = new ArrayList<>();
        long n = first;
        while (true) {
            markers.add(text.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE));
            types.add(buf.mtype());
            n = SysvMsgQueue.tryReceive(msqId, buf, text.byteSize(), selector, f);
            if (n < 0 || !foreign(n)) break;
            foreignEnds++;
        }
        for (int i = 0; i < markers.size(); i++) {
            byte[] m = markers.get(i);
            MemorySegment.copy(m, 0, held.text(), ValueLayout.JAVA_BYTE, 0, m.length);
            held.mtype(types.get(i));
            int rc = SysvMsgQueue.trySend(msqId, held, m.length, Ipc.IPC_NOWAIT);
            if (rc != 0) {
                gate.result(rc == -Errno.EIDRM ? StepResult.EIDRM : StepResult.ERROR);
                throw new IpcException("msgsnd", "msqid=" + msqId + ", size=" + m.length + ", flags=IPC_NOWAIT", -rc);
            }
        }
        if (n >= 0) return received(n);
        if (n == -Errno.ENOMSG || n == -Errno.EINTR) {
            return nothingForThisReceiver(StepResult.PASSED_ON, markers.size());
        }
        gate.result(n == -Errno.EIDRM ? StepResult.EIDRM : StepResult.ERROR);
        throw new IpcException(
                "msgrcv", "msqid=" + msqId + ", size=" + text.byteSize() + ", mtype=" + selector, (int) -n);
    }

    /** ENOMSG results so far (nowait, nothing matching; stepped, also a step that found only others' end markers). */
    public long enomsg() {
        return enomsg;
    }

    /** End markers for other receivers this one took and sent back. */
    public long foreignEnds() {
        return foreignEnds;
    }
}
