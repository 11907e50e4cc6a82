package ipclab.engine.channel.stream;

import ipclab.engine.channel.MessageHeader;
import ipclab.engine.channel.ReceivePort;
import ipclab.engine.channel.Steps;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.StepNumber;
import ipclab.engine.protocol.StepOp;
import ipclab.engine.protocol.StepResult;
import ipclab.engine.sys.Errno;
import ipclab.engine.sys.IpcException;
import ipclab.engine.sys.Pipes;
import ipclab.engine.sys.Sockets;
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
 *
 * <p>Stepped, each step is one recv (MSG_DONTWAIT) or one read (the FIFO is made O_NONBLOCK) of
 * what the current message still lacks: nothing there is {@link StepResult#WOULD_BLOCK}, a part
 * is an "ok" step whose value is the bytes read, and the step that completes the message
 * reports it.
 */
public final class StreamReceiver extends StreamPort implements ReceivePort {
    private int messageSize;
    /** Bytes of the current message read so far by steps. */
    private long have;

    public StreamReceiver(int fd, boolean socket, long maxMessage, StepGate gate, String channel, Arena arena) {
        super(
                fd,
                socket,
                socket ? StepOp.RECV : StepOp.READ,
                arena.allocate(Math.max(maxMessage, MessageHeader.BYTES), 8),
                gate,
                channel);
    }

    /**
     * Every message on this stream is {@code size} bytes (0: unknown, read the header first). A
     * size outside [32, maxMessage] counts as unknown.
     */
    public void messageSize(int size) {
        this.messageSize = size >= MessageHeader.BYTES && size <= buf.byteSize() ? size : 0;
    }

    @Override
    public int poll() {
        gate.before(op, channel);
        if (gate.stepped()) return pollStep();
        blocking();
        int want = messageSize > 0 ? messageSize : MessageHeader.BYTES;
        long n = have; // bytes that steps read before the run went free
        have = 0;
        if (n < want) n += read(buf, n, want - n);
        if (n == 0) return -1;
        if (n < MessageHeader.BYTES) throw framing("end of file after " + n + " bytes of a message header");
        int length = checkedLength(n);
        if (length > n) {
            long m = read(buf, n, length - n);
            if (m < length - n) throw framing("end of file after " + (n + m) + " of " + length + " bytes");
        }
        return length;
    }

    /** The current message's length from its header, checked against the buffer and the bytes already read. */
    private int checkedLength(long n) {
        int length = MessageHeader.length(buf, 0);
        if (length < MessageHeader.BYTES || length > buf.byteSize()) {
            throw framing("a message header says length=" + length + ", not in [" + MessageHeader.BYTES + ", "
                    + buf.byteSize() + "]");
        }
        if (length < n) {
            throw framing("a message header says length=" + length + " but the plan's message size is " + messageSize
                    + " (" + n + " bytes read)");
        }
        return length;
    }

    /** One non-blocking recv or read of what the current message still lacks. */
    private int pollStep() {
        long want = messageSize > 0 ? messageSize : MessageHeader.BYTES;
        if (have >= MessageHeader.BYTES) want = checkedLength(have);
        MemorySegment at = have == 0 ? buf : buf.asSlice(have);
        long n = socket
                ? Sockets.tryRecv(fd, at, want - have, Sockets.MSG_DONTWAIT)
                : Pipes.tryRead(fd, at, want - have);
        if (n == -Errno.EAGAIN) {
            gate.result(StepResult.WOULD_BLOCK);
            return 0;
        }
        if (n == -Errno.EINTR) return 0;
        if (n < 0) {
            gate.result(StepResult.ERROR);
            throw new IpcException(op.wireName(), "fd=" + fd + ", size=" + (want - have), (int) -n);
        }
        if (n == 0) {
            if (have == 0) {
                gate.result(StepResult.END_OF_STREAM);
                return -1;
            }
            throw framing("end of file after " + have + " bytes of a message");
        }
        gate.number(StepNumber.VALUE, n);
        have += n;
        if (have < MessageHeader.BYTES) return 0;
        int length = checkedLength(have);
        if (have < length) return 0;
        have = 0;
        Steps.message(gate, buf, 0, length);
        return length;
    }

    private long read(MemorySegment into, long from, long len) {
        MemorySegment at = from == 0 ? into : into.asSlice(from);
        return socket ? Sockets.recvFully(fd, at, len, Sockets.MSG_WAITALL) : Pipes.readFully(fd, at, len);
    }

    private IllegalStateException framing(String what) {
        return new IllegalStateException(channel + ": stream framing lost: " + what);
    }

    @Override
    public void release() {}

    @Override
    public void close() {}
}
