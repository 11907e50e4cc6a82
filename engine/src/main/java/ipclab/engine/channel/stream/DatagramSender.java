package ipclab.engine.channel.stream;

import ipclab.engine.channel.MessageHeader;
import ipclab.engine.channel.SendPort;
import ipclab.engine.channel.Steps;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.StepOp;
import ipclab.engine.protocol.StepResult;
import ipclab.engine.sys.Errno;
import ipclab.engine.sys.IpcException;
import ipclab.engine.sys.SocketIo;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Sends one datagram per message on a connected datagram socket (unix datagram or UDP). An
 * unreliable transport's refusals (UDP: ECONNREFUSED after an ICMP port unreachable) are counted
 * as dropped, not hidden. {@link #finish()} sends an end marker from this writer (three times over
 * UDP, where one may be lost). Stepped, every send is made with MSG_DONTWAIT: a full socket buffer
 * is the step's result ({@link StepResult#WOULD_BLOCK}) and the send is retried at a later step.
 */
public final class DatagramSender implements SendPort {
    private final int fd;
    private final boolean udp;
    private final int writer;
    private final StepGate gate;
    private final String channel;
    private final MemorySegment buf;
    private long refused;

    public DatagramSender(
            int fd, boolean udp, int writer, long maxMessage, StepGate gate, String channel, Arena arena) {
        this.fd = fd;
        this.udp = udp;
        this.writer = writer;
        this.gate = gate;
        this.channel = channel;
        this.buf = arena.allocate(Math.max(maxMessage, MessageHeader.BYTES), 8);
    }

    @Override
    public MemorySegment buffer() {
        return buf;
    }

    @Override
    public boolean publish(int length) {
        return send(StepOp.SEND, length);
    }

    private boolean send(StepOp op, int length) {
        for (; ; ) {
            gate.before(op, channel);
            boolean stepped = gate.stepped();
            long rc = SocketIo.trySend(
                    fd, buf, length, stepped ? SocketIo.MSG_NOSIGNAL | SocketIo.MSG_DONTWAIT : SocketIo.MSG_NOSIGNAL);
            Steps.message(gate, buf, 0, length);
            if (rc >= 0) return true;
            if (rc == -Errno.EINTR) continue;
            if (rc == -Errno.EAGAIN && stepped) {
                gate.result(StepResult.WOULD_BLOCK);
                return false;
            }
            if (udp && (rc == -Errno.ECONNREFUSED || rc == -Errno.ENOBUFS)) {
                refused++;
                gate.result(StepResult.REFUSED);
                return true;
            }
            gate.result(StepResult.ERROR);
            throw new IpcException("send", "fd=" + fd + ", size=" + length, (int) -rc);
        }
    }

    /** Sends refused by the transport (UDP), so lost. */
    public long refused() {
        return refused;
    }

    @Override
    public void finish() {
        MessageHeader.writeEnd(buf, 0, writer);
        for (int i = udp ? 3 : 1; i > 0; i--) {
            while (!send(StepOp.END, MessageHeader.BYTES)) {} // stepped: one try per step
        }
    }

    @Override
    public void close() {}
}
