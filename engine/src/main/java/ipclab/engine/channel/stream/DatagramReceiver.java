package ipclab.engine.channel.stream;

import ipclab.engine.channel.MessageHeader;
import ipclab.engine.channel.ReceivePort;
import ipclab.engine.sys.Errno;
import ipclab.engine.sys.IpcException;
import ipclab.engine.sys.Sockets;
import ipclab.engine.worker.StepGate;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Receives datagrams (unix datagram: blocking recv; UDP: MSG_DONTWAIT, poll returns 0 when there
 * is nothing). The stream ends when every writer's end marker arrived, or, over UDP, where markers
 * can be lost, after {@code quietNanos} without any datagram once something arrived.
 */
public final class DatagramReceiver implements ReceivePort {
    private final int fd;
    private final boolean udp;
    private final boolean[] ended;
    private final int writers;
    private final long quietNanos;
    private final StepGate gate;
    private final String channel;
    private final MemorySegment buf;
    private int endedCount;
    private long lastActivity;
    private long eagain;

    /**
     * @param writerIndexes indexes of the processes that send to this socket
     * @param quietNanos    UDP: give up after this long without a datagram (once one arrived)
     */
    public DatagramReceiver(int fd, boolean udp, int[] writerIndexes, long quietNanos, long maxMessage, StepGate gate,
                            String channel, Arena arena) {
        this.fd = fd;
        this.udp = udp;
        int max = 0;
        for (int w : writerIndexes) max = Math.max(max, w + 1);
        this.ended = new boolean[max];
        this.writers = writerIndexes.length;
        this.quietNanos = quietNanos;
        this.gate = gate;
        this.channel = channel;
        this.buf = arena.allocate(Math.max(maxMessage, MessageHeader.BYTES), 8);
    }

    @Override public MemorySegment buffer() { return buf; }

    @Override public long offset() { return 0; }

    @Override public long maxMessage() { return buf.byteSize(); }

    @Override
    public int poll() {
        gate.before("recv", channel);
        long n = Sockets.tryRecv(fd, buf, buf.byteSize(), udp ? Sockets.MSG_DONTWAIT : 0);
        long now = System.nanoTime();
        if (n == -Errno.EAGAIN || n == -Errno.EINTR) {
            eagain++;
            if (lastActivity == 0) lastActivity = now;
            if (udp && quietNanos > 0 && now - lastActivity > quietNanos) return -1;
            return 0;
        }
        if (n < 0) throw new IpcException("recv", "fd=" + fd + ", size=" + buf.byteSize(), (int) -n);
        lastActivity = now;
        if (n >= MessageHeader.BYTES && MessageHeader.seq(buf, 0) == MessageHeader.END_SEQ) {
            int w = MessageHeader.writer(buf, 0);
            if (w >= 0 && w < ended.length && !ended[w]) {
                ended[w] = true;
                endedCount++;
            }
            return endedCount >= writers ? -1 : 0;
        }
        return n == 0 ? 1 : (int) n;
    }

    /** Polls that found nothing (UDP). */
    public long eagain() { return eagain; }

    @Override public boolean lossy() { return udp; }

    @Override public void release() { }

    @Override public void close() { }
}
