package ipclab.engine.channel.stream;

import ipclab.engine.channel.MessageHeader;
import ipclab.engine.channel.ReceivePort;
import ipclab.engine.sys.Pipes;
import ipclab.engine.sys.Sockets;
import ipclab.engine.worker.StepGate;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Receives whole messages from a byte stream (stream socket with MSG_WAITALL, or FIFO): the
 * 32-byte header first, then the rest of the message as its length says. End of file at a
 * message boundary ends the stream; end of file inside a message, or a length outside
 * [32, maxMessage], means the stream lost its framing, which is an error.
 */
public final class StreamReceiver implements ReceivePort {
    private final int fd;
    private final boolean socket;
    private final StepGate gate;
    private final String channel;
    private final String op;
    private final MemorySegment buf;
    private final MemorySegment body;

    public StreamReceiver(int fd, boolean socket, long maxMessage, StepGate gate, String channel, Arena arena) {
        this.fd = fd;
        this.socket = socket;
        this.gate = gate;
        this.channel = channel;
        this.op = socket ? "recv" : "read";
        this.buf = arena.allocate(Math.max(maxMessage, MessageHeader.BYTES), 8);
        this.body = buf.asSlice(MessageHeader.BYTES);
    }

    @Override public MemorySegment buffer() { return buf; }

    @Override public long offset() { return 0; }

    @Override public long maxMessage() { return buf.byteSize(); }

    @Override
    public int poll() {
        gate.before(op, channel);
        long n = read(buf, MessageHeader.BYTES);
        if (n == 0) return -1;
        if (n < MessageHeader.BYTES) throw framing("end of file after " + n + " bytes of a message header");
        int length = MessageHeader.length(buf, 0);
        if (length < MessageHeader.BYTES || length > buf.byteSize()) {
            throw framing("a message header says length=" + length + ", not in [" + MessageHeader.BYTES + ", "
                    + buf.byteSize() + "]");
        }
        int rest = length - MessageHeader.BYTES;
        if (rest > 0) {
            long m = read(body, rest);
            if (m < rest) throw framing("end of file after " + (MessageHeader.BYTES + m) + " of " + length + " bytes");
        }
        return length;
    }

    private long read(MemorySegment into, long len) {
        return socket ? Sockets.recvFully(fd, into, len, Sockets.MSG_WAITALL) : Pipes.readFully(fd, into, len);
    }

    private IllegalStateException framing(String what) {
        return new IllegalStateException(channel + ": stream framing lost: " + what);
    }

    @Override public void release() { }

    @Override public void close() { }
}
