package ipclab.engine.channel;

import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.StepOp;
import java.lang.foreign.MemorySegment;

/**
 * A receive port whose system call copies each message into the port's own buffer (msgrcv,
 * recv of a datagram): it announces every receive to the step gate as one {@code op} on its
 * channel, then makes the call ({@link #receive()}); there is nothing to release or close.
 */
public abstract class CopyingReceiver implements ReceivePort {
    protected final StepGate gate;
    protected final String channel;
    private final StepOp op;
    private final MemorySegment buffer;

    protected CopyingReceiver(StepOp op, MemorySegment buffer, StepGate gate, String channel) {
        this.op = op;
        this.buffer = buffer;
        this.gate = gate;
        this.channel = channel;
    }

    @Override
    public final MemorySegment buffer() {
        return buffer;
    }

    @Override
    public final int poll() {
        gate.before(op, channel);
        return receive();
    }

    /** The announced receive: as {@link #poll()} returns (length, 0 for nothing now, -1 at the end). */
    protected abstract int receive();

    @Override
    public void release() {}

    @Override
    public void close() {}
}
