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
import ipclab.engine.sys.SocketIo;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Receives whole messages from a byte stream (a stream socket or a FIFO; one writer, one reader).
 * A free run on a socket reads as much as is there, up to a window of {@link #SOCKET_WINDOW}
 * bytes (a one-way stream's reader: or {@link #READER_WINDOW_MESSAGES} messages, if more), into the
 * receive buffer and frames messages from it: a reader that falls behind takes every message
 * waiting with one recv (unix 4 KiB stream: ~12 messages a call on average; 64 KiB: what the
 * socket holds, up to four), so it catches up instead of staying behind. A FIFO is read one message a call when the plan fixes the
 * size, as a C program reads it: a pipe reader that drains the pipe finds it empty at its next
 * read and sleeps, and every write then has to wake it (perf, issue 12, session 6: with the
 * window, a 4 KiB pipe reader switched context 2-3 times as often and its writer spent ~9% of its
 * time in the wake-up). With a fixed message size (the plan's, {@link #messageSize(int)}) the
 * window is a whole number of messages, so a read never ends inside one when the writer's
 * messages arrive whole, and a recv that can only complete the current message waits for all of
 * it (MSG_WAITALL: one call for a 64 KiB message). A message stays where it arrived (the role
 * reads it at {@link #offset()}); the bytes of a message cut by the end of a read move to the
 * front of the buffer only when the rest would not fit behind them.
 *
 * <p>End of file at a message boundary ends the stream; end of file inside a message, or a length
 * outside [32, maxMessage] (or other than the fixed size), means the stream lost its framing,
 * which is an error.
 *
 * <p>Stepped, each step is one recv (MSG_DONTWAIT) or one read (the FIFO is made O_NONBLOCK) of
 * what the current message still lacks, never more: nothing there is {@link
 * StepResult#WOULD_BLOCK}, a part is an "ok" step whose value is the bytes read, and the step that
 * completes the message reports it.
 */
public final class StreamReceiver extends StreamPort implements ReceivePort {
    /** The least a free run reads from a socket at once (the default capacity of a Linux pipe). */
    static final int SOCKET_WINDOW = 64 * 1024;
    /**
     * A one-way stream's socket reader ({@link #StreamReceiver(int, boolean, int, long, StepGate,
     * String, Arena)}) reads a window of at least this many fixed-size messages: a reader of 64 KiB
     * messages then takes all that a unix socket holds (its default send buffer, 208 KiB, is about
     * three of them) with one recv, instead of one recv a message, each waiting for its whole
     * message (issue 12, session 8: unix 64 KiB stream +9-10%, bench/HISTORY.md "Session 8:
     * byte-64k"). An echo or a pinger keeps one message: a round trip has one in flight, and a recv
     * that asks for more than that returns as soon as part of it is there (a 64 KiB message comes
     * in two or more pieces), where MSG_WAITALL takes it whole in one call.
     */
    public static final int READER_WINDOW_MESSAGES = 4;
    /** The most a socket reader's buffer holds for its window of several messages. */
    static final long SOCKET_BUFFER_MAX = 256 * 1024;

    private final long maxMessage;
    /** A socket's window holds at least this many fixed-size messages (and at least {@link #SOCKET_WINDOW} bytes). */
    private final int windowMessages;

    private int messageSize;
    /** Free run: where reads end, a whole number of fixed-size messages (else the buffer's size). */
    private long limit;
    /** The current message (the last one {@link #poll()} returned). */
    private long current;
    /** The first byte not yet framed: the next message starts here. */
    private long start;
    /** The end of the bytes read. */
    private long end;
    /**
     * With a fixed message size, the buffer from each message boundary of the window on: reads
     * start there without making a slice (no allocation a message).
     */
    private MemorySegment[] boundaries = new MemorySegment[0];

    /** A receiver whose socket window holds one message at least, as an echo's or a pinger's. */
    public StreamReceiver(int fd, boolean socket, long maxMessage, StepGate gate, String channel, Arena arena) {
        this(fd, socket, 1, maxMessage, gate, channel, arena);
    }

    /**
     * @param windowMessages on a socket, the least number of fixed-size messages a free run's read
     *     may take at once ({@link #READER_WINDOW_MESSAGES} for a one-way stream's reader)
     */
    public StreamReceiver(
            int fd, boolean socket, int windowMessages, long maxMessage, StepGate gate, String channel, Arena arena) {
        super(
                fd,
                socket,
                socket ? StepOp.RECV : StepOp.READ,
                arena.allocate(bufferSize(socket ? windowMessages : 1, maxMessage), 4096),
                gate,
                channel);
        this.maxMessage = Math.max(maxMessage, MessageHeader.BYTES);
        this.windowMessages = socket ? Math.max(1, windowMessages) : 1;
        this.limit = buf.byteSize();
    }

    /**
     * The window of 64 KiB or the largest message, and room for {@code windowMessages} of the
     * largest messages, up to {@link #SOCKET_BUFFER_MAX}.
     */
    static long bufferSize(int windowMessages, long maxMessage) {
        long message = Math.max(maxMessage, MessageHeader.BYTES);
        long window = Math.min(SOCKET_BUFFER_MAX, windowMessages * message);
        return Math.max(Math.max(message, SOCKET_WINDOW), window);
    }

    /**
     * Every message on this stream is {@code size} bytes (0: unknown, each message's header says).
     * A size outside [32, maxMessage] counts as unknown.
     */
    public void messageSize(int size) {
        this.messageSize = size >= MessageHeader.BYTES && size <= maxMessage ? size : 0;
        long window = socket
                ? Math.min(buf.byteSize(), Math.max(SOCKET_WINDOW, (long) windowMessages * messageSize))
                : messageSize; // a FIFO: one message a read (see above)
        this.limit = messageSize > 0 ? Math.max(1, window / messageSize) * messageSize : buf.byteSize();
        this.boundaries = new MemorySegment[messageSize > 0 ? (int) (limit / messageSize) : 0];
        for (int i = 0; i < boundaries.length; i++) boundaries[i] = buf.asSlice((long) i * messageSize);
    }

    /** The buffer from {@code at} on: a boundary's slice made once, else a new one (a read that ended inside a message). */
    private MemorySegment from(long at) {
        if (at == 0) return buf;
        if (messageSize > 0 && at % messageSize == 0 && at < limit) return boundaries[(int) (at / messageSize)];
        return buf.asSlice(at);
    }

    @Override
    public long offset() {
        return current;
    }

    @Override
    public long maxMessage() {
        return maxMessage;
    }

    @Override
    public int poll() {
        gate.before(op, channel);
        if (gate.stepped()) return pollStep();
        blocking();
        while (true) {
            long have = end - start;
            long need = have >= MessageHeader.BYTES
                    ? checkedLength(start, have)
                    : messageSize > 0 ? messageSize : MessageHeader.BYTES;
            if (have >= need) return framed((int) need);
            if (have == 0) start = end = 0;
            else if (start + need > limit) compact();
            long missing = start + need - end;
            long room = limit - end;
            long n = socket
                    ? SocketIo.recv(fd, from(end), room, room == missing ? SocketIo.MSG_WAITALL : 0)
                    : Pipes.read(fd, from(end), room);
            if (n == 0) {
                if (have == 0) return -1;
                throw framing("end of file after " + have + " bytes of a message");
            }
            end += n;
        }
    }

    /** The message at {@code start}, {@code length} bytes, all read: it becomes the current one. */
    private int framed(int length) {
        current = start;
        start += length;
        return length;
    }

    /** Moves the bytes of the message cut by the end of the last read to the front of the buffer. */
    private void compact() {
        MemorySegment.copy(buf, start, buf, 0, end - start);
        end -= start;
        start = 0;
    }

    /** The length in the header at {@code at}, checked against the limits and the bytes read so far. */
    private int checkedLength(long at, long have) {
        int length = MessageHeader.length(buf, at);
        if (length < MessageHeader.BYTES || length > maxMessage) {
            throw framing("a message header says length=" + length + ", not in [" + MessageHeader.BYTES + ", "
                    + maxMessage + "]");
        }
        if (messageSize > 0 && length != messageSize) {
            throw framing("a message header says length=" + length + " but the plan's message size is " + messageSize
                    + " (" + have + " bytes read)");
        }
        return length;
    }

    /** One non-blocking recv or read of what the current message still lacks. */
    private int pollStep() {
        long have = end - start;
        if (have == 0) start = end = 0;
        long want = have >= MessageHeader.BYTES
                ? checkedLength(start, have)
                : messageSize > 0 ? messageSize : MessageHeader.BYTES;
        if (start + want > buf.byteSize()) {
            compact();
        }
        MemorySegment at = from(end);
        long n = socket
                ? SocketIo.tryRecv(fd, at, start + want - end, SocketIo.MSG_DONTWAIT)
                : Pipes.tryRead(fd, at, start + want - end);
        if (n == -Errno.EAGAIN) {
            gate.result(StepResult.WOULD_BLOCK);
            return 0;
        }
        if (n == -Errno.EINTR) return 0;
        if (n < 0) {
            gate.result(StepResult.ERROR);
            throw new IpcException(op.wireName(), "fd=" + fd + ", size=" + (start + want - end), (int) -n);
        }
        if (n == 0) {
            if (have == 0) {
                gate.result(StepResult.END_OF_STREAM);
                return -1;
            }
            throw framing("end of file after " + have + " bytes of a message");
        }
        gate.number(StepNumber.VALUE, n);
        end += n;
        have += n;
        if (have < MessageHeader.BYTES) return 0;
        int length = checkedLength(start, have);
        if (have < length) return 0;
        Steps.message(gate, buf, start, length);
        return framed(length);
    }

    private IllegalStateException framing(String what) {
        return new IllegalStateException(channel + ": stream framing lost: " + what);
    }

    @Override
    public void release() {}

    @Override
    public void close() {}
}
