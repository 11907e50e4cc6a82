package ipclab.engine.channel.stream;

import ipclab.engine.channel.SendPort;
import ipclab.engine.channel.Steps;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.StepNumber;
import ipclab.engine.protocol.StepOp;
import ipclab.engine.protocol.StepResult;
import ipclab.engine.sys.Errno;
import ipclab.engine.sys.IpcException;
import ipclab.engine.sys.Pipes;
import ipclab.engine.sys.SocketIo;
import ipclab.engine.sys.Sockets;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Sends whole messages on a byte stream: a stream socket (unix, TCP: one send, MSG_NOSIGNAL,
 * looping on short sends) or a FIFO (one write, looping on short writes). The message header's
 * length field frames the stream. {@link #finish()} shuts the socket's sending side down (the
 * peer reads end of file) or closes the FIFO.
 *
 * <p>Stepped, each step is one send (MSG_DONTWAIT) or one write (the FIFO is made O_NONBLOCK):
 * a full buffer is {@link StepResult#WOULD_BLOCK}; a short send moves part of the message (the
 * step's value: bytes moved) and the rest goes at later steps. The role must not restamp a
 * message between those steps (roles do not restamp in step mode).
 */
public final class StreamSender extends StreamPort implements SendPort {
    private boolean finished;
    /** Stepped: bytes of the current message already sent. */
    private long off;

    public StreamSender(int fd, boolean socket, long maxMessage, StepGate gate, String channel, Arena arena) {
        super(fd, socket, socket ? StepOp.SEND : StepOp.WRITE, arena.allocate(maxMessage, 8), gate, channel);
    }

    @Override
    public boolean publish(int length) {
        gate.before(op, channel);
        if (gate.stepped()) return publishStep(length);
        blocking();
        MemorySegment from = off == 0 ? buf : buf.asSlice(off);
        if (socket) SocketIo.sendFully(fd, from, length - off, SocketIo.MSG_NOSIGNAL);
        else Pipes.writeFully(fd, from, length - off);
        off = 0;
        return true;
    }

    private boolean publishStep(int length) {
        MemorySegment from = off == 0 ? buf : buf.asSlice(off);
        long n = socket
                ? SocketIo.trySend(fd, from, length - off, SocketIo.MSG_NOSIGNAL | SocketIo.MSG_DONTWAIT)
                : Pipes.tryWrite(fd, from, length - off);
        if (off == 0) Steps.message(gate, buf, 0, length);
        if (n == -Errno.EAGAIN) {
            gate.result(StepResult.WOULD_BLOCK);
            return false;
        }
        if (n == -Errno.EINTR) return false;
        if (n < 0) {
            gate.result(StepResult.ERROR);
            throw new IpcException(op.wireName(), "fd=" + fd + ", size=" + (length - off), (int) -n);
        }
        gate.number(StepNumber.VALUE, n);
        off += n;
        if (off < length) return false;
        off = 0;
        return true;
    }

    @Override
    public void finish() {
        if (finished) return;
        gate.before(StepOp.END, channel);
        finished = true;
        if (socket) Sockets.shutdown(fd, Sockets.SHUT_WR);
        else Pipes.close(fd);
    }

    /** True when {@link #finish()} closed the descriptor (FIFO). */
    public boolean closedFd() {
        return finished && !socket;
    }

    public int fd() {
        return fd;
    }

    @Override
    public void close() {}
}
