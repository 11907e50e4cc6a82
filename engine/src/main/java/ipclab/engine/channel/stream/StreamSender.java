package ipclab.engine.channel.stream;

import ipclab.engine.channel.SendPort;
import ipclab.engine.sys.Pipes;
import ipclab.engine.sys.Sockets;
import ipclab.engine.protocol.StepGate;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Sends whole messages on a byte stream: a stream socket (unix, TCP: one send, MSG_NOSIGNAL,
 * looping on short sends) or a FIFO (one write, looping on short writes). The message header's
 * length field frames the stream. {@link #finish()} shuts the socket's sending side down (the
 * peer reads end of file) or closes the FIFO.
 */
public final class StreamSender implements SendPort {
    private final int fd;
    private final boolean socket;
    private final StepGate gate;
    private final String channel;
    private final String op;
    private final MemorySegment buf;
    private boolean finished;

    public StreamSender(int fd, boolean socket, long maxMessage, StepGate gate, String channel, Arena arena) {
        this.fd = fd;
        this.socket = socket;
        this.gate = gate;
        this.channel = channel;
        this.op = socket ? "send" : "write";
        this.buf = arena.allocate(maxMessage, 8);
    }

    @Override public MemorySegment buffer() { return buf; }

    @Override public long claim() { return 0; }

    @Override
    public boolean publish(int length) {
        gate.before(op, channel);
        if (socket) Sockets.sendFully(fd, buf, length, Sockets.MSG_NOSIGNAL);
        else Pipes.writeFully(fd, buf, length);
        return true;
    }

    @Override
    public void finish() {
        if (finished) return;
        finished = true;
        if (socket) Sockets.shutdown(fd, Sockets.SHUT_WR);
        else Pipes.close(fd);
    }

    /** True when {@link #finish()} closed the descriptor (FIFO). */
    public boolean closedFd() { return finished && !socket; }

    public int fd() { return fd; }

    @Override public void close() { }
}
