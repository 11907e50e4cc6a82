package ipclab.engine.channel.stream;

import ipclab.engine.channel.MessageHeader;
import ipclab.engine.channel.ReceivePort;
import ipclab.engine.sys.Pipes;
import ipclab.engine.sys.Sockets;
import ipclab.engine.protocol.StepGate;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Receives whole messages from a byte stream (stream socket with MSG_WAITALL, or FIFO). When the
 * plan fixes the channel's message size ({@link #messageSize(int)}: one writer per stream, so one
 * size), each message is read whole in one call, as a C program would (one recv, or one read
 * unless the pipe hands over less); else, or when a header says more than that size, the 32-byte
 * header first, then the rest of the message as its length says. End of file at a message
 * boundary ends the stream; end of file inside a message, or a length outside [32, maxMessage]
 * (or, with a fixed size, below what was read), means the stream lost its framing, which is an error.
 */
public final class StreamReceiver implements ReceivePort {
    private final int fd;
    private final boolean socket;
    private final StepGate gate;
    private final String channel;
    private final String op;
    private final MemorySegment buf;
    private int messageSize;

    public StreamReceiver(int fd, boolean socket, long maxMessage, StepGate gate, String channel, Arena arena) {
        this.fd = fd;
        this.socket = socket;
        this.gate = gate;
        this.channel = channel;
        this.op = socket ? "recv" : "read";
        this.buf = arena.allocate(Math.max(maxMessage, MessageHeader.BYTES), 8);
    }

    /**
     * Every message on this stream is {@code size} bytes (0: unknown, read the header first). A
     * size outside [32, maxMessage] counts as unknown.
     */
    public void messageSize(int size) {
        this.messageSize = size >= MessageHeader.BYTES && size <= buf.byteSize() ? size : 0;
    }

    @Override public MemorySegment buffer() { return buf; }

    @Override public long offset() { return 0; }

    @Override public long maxMessage() { return buf.byteSize(); }

    @Override
    public int poll() {
        gate.before(op, channel);
        int want = messageSize > 0 ? messageSize : MessageHeader.BYTES;
        long n = read(buf, 0, want);
        if (n == 0) return -1;
        if (n < MessageHeader.BYTES) throw framing("end of file after " + n + " bytes of a message header");
        int length = MessageHeader.length(buf, 0);
        if (length < MessageHeader.BYTES || length > buf.byteSize()) {
            throw framing("a message header says length=" + length + ", not in [" + MessageHeader.BYTES + ", "
                    + buf.byteSize() + "]");
        }
        if (length < n) {
            throw framing("a message header says length=" + length + " but the plan's message size is " + messageSize
                    + " (" + n + " bytes read)");
        }
        if (length > n) {
            long m = read(buf, n, length - n);
            if (m < length - n) throw framing("end of file after " + (n + m) + " of " + length + " bytes");
        }
        return length;
    }

    private long read(MemorySegment into, long from, long len) {
        MemorySegment at = from == 0 ? into : into.asSlice(from);
        return socket ? Sockets.recvFully(fd, at, len, Sockets.MSG_WAITALL) : Pipes.readFully(fd, at, len);
    }

    private IllegalStateException framing(String what) {
        return new IllegalStateException(channel + ": stream framing lost: " + what);
    }

    @Override public void release() { }

    @Override public void close() { }
}
