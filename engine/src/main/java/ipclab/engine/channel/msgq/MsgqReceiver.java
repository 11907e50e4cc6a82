package ipclab.engine.channel.msgq;

import ipclab.engine.channel.MessageHeader;
import ipclab.engine.channel.ReceivePort;
import ipclab.engine.sys.Errno;
import ipclab.engine.sys.Ipc;
import ipclab.engine.sys.IpcException;
import ipclab.engine.sys.MsgBuf;
import ipclab.engine.sys.SysvMsgQueue;
import ipclab.engine.protocol.StepGate;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Receives from a System V message queue with a type selector (0: any, n: type n, -n: the lowest
 * type up to n first). With {@code mode: nowait} an empty queue gives ENOMSG, counted, and poll
 * returns 0. The stream ends at the end marker addressed to this receiver; a marker addressed to
 * another receiver (a selector can match another's marker) is sent back to the queue.
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

    public MsgqReceiver(int msqId, boolean nowait, long selector, int self, long maxMessage, StepGate gate,
                        String channel, Arena arena) {
        this.msqId = msqId;
        this.flags = nowait ? Ipc.IPC_NOWAIT : 0;
        this.selector = selector;
        this.self = self;
        this.gate = gate;
        this.channel = channel;
        this.buf = MsgBuf.allocate(arena, maxMessage);
        this.text = buf.text();
    }

    @Override public MemorySegment buffer() { return text; }

    @Override public long offset() { return 0; }

    @Override public long maxMessage() { return text.byteSize(); }

    @Override
    public int poll() {
        gate.before("msgrcv", channel);
        long n = SysvMsgQueue.tryReceive(msqId, buf, text.byteSize(), selector, flags);
        if (n == -Errno.ENOMSG) {
            enomsg++;
            return 0;
        }
        if (n == -Errno.EINTR) return 0;
        if (n < 0) {
            throw new IpcException("msgrcv", "msqid=" + msqId + ", size=" + text.byteSize() + ", mtype=" + selector
                    + ", flags=" + Ipc.msgFlags(flags), (int) -n);
        }
        if (n >= MessageHeader.BYTES && MessageHeader.seq(text, 0) == MessageHeader.END_SEQ) {
            if (MessageHeader.writer(text, 0) == self) return -1;
            foreignEnds++;
            gate.before("msgsnd", channel);
            SysvMsgQueue.send(msqId, buf, n, 0);
            Thread.yield();
            return 0;
        }
        return n == 0 ? 1 : (int) n;
    }

    @Override public void release() { }

    /** ENOMSG results so far (nowait, nothing matching). */
    public long enomsg() { return enomsg; }

    /** End markers for other receivers this one took and sent back. */
    public long foreignEnds() { return foreignEnds; }

    @Override public void close() { }
}
