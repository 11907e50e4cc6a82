package ipclab.engine.channel.stream;

import ipclab.engine.channel.CopyingReceiver;
import ipclab.engine.channel.MessageHeader;
import ipclab.engine.channel.Steps;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.StepOp;
import ipclab.engine.protocol.StepResult;
import ipclab.engine.sys.Errno;
import ipclab.engine.sys.IpcException;
import ipclab.engine.sys.SocketIo;
import ipclab.engine.sys.SocketOptions;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Receives datagrams (unix datagram: blocking recv; UDP: a blocking recv that gives up after
 * {@link #UDP_WAIT_NANOS} (SO_RCVTIMEO, set here, before the run), and poll returns 0 then). The
 * stream ends when every writer's end marker arrived, or, over UDP, where markers can be lost,
 * after {@code quietNanos} without any datagram: a recv that timed out is a quiet period, so a
 * quiet reader makes one recvfrom per {@link #UDP_WAIT_NANOS}, not one per spin of a poll loop.
 * Stepped, every recv is made with MSG_DONTWAIT (nothing there: {@link StepResult#WOULD_BLOCK})
 * and no clock counts: the stream ends at the writers' end markers only (loopback UDP delivers
 * a datagram within its send, so none is lost while one process acts at a time).
 */
public final class DatagramReceiver extends CopyingReceiver {
    /** UDP: how long one recv blocks at most; also how soon a stop request is seen by a quiet reader. */
    public static final long UDP_WAIT_NANOS = 100_000_000L;

    private final int fd;
    private final boolean udp;
    private final boolean[] ended;
    private final int writers;
    private final long quietNanos;
    private int endedCount;
    private long lastActivity;
    private long eagain;

    /**
     * @param writerIndexes indexes of the processes that send to this socket
     * @param quietNanos    UDP: give up after this long without a datagram (0: never)
     */
    public DatagramReceiver(
            int fd,
            boolean udp,
            int[] writerIndexes,
            long quietNanos,
            long maxMessage,
            StepGate gate,
            String channel,
            Arena arena) {
        super(StepOp.RECV, arena.allocate(Math.max(maxMessage, MessageHeader.BYTES), 8), gate, channel);
        this.fd = fd;
        this.udp = udp;
        int max = 0;
        for (int w : writerIndexes) max = Math.max(max, w + 1);
        this.ended = new boolean[max];
        this.writers = writerIndexes.length;
        this.quietNanos = quietNanos;
        if (udp)
            SocketOptions.setReceiveTimeout(fd, quietNanos > 0 ? Math.min(quietNanos, UDP_WAIT_NANOS) : UDP_WAIT_NANOS);
    }

    @Override
    protected int receive() {
        MemorySegment buf = buffer();
        boolean stepped = gate.stepped();
        long n = SocketIo.tryRecv(fd, buf, buf.byteSize(), stepped ? SocketIo.MSG_DONTWAIT : 0);
        if (stepped) {
            if (n == -Errno.EAGAIN) {
                gate.result(StepResult.WOULD_BLOCK);
                return 0;
            }
            if (n == -Errno.EINTR) return 0;
        }
        long now = System.nanoTime();
        if (n == -Errno.EAGAIN || n == -Errno.EINTR) {
            eagain++;
            if (lastActivity == 0) lastActivity = now;
            if (udp && quietNanos > 0 && now - lastActivity > quietNanos) return -1;
            return 0;
        }
        if (n < 0) {
            gate.result(StepResult.ERROR);
            throw new IpcException("recv", "fd=" + fd + ", size=" + buf.byteSize(), (int) -n);
        }
        lastActivity = now;
        Steps.message(gate, buf, 0, n);
        if (n >= MessageHeader.BYTES && MessageHeader.seq(buf, 0) == MessageHeader.END_SEQ) {
            int w = MessageHeader.writer(buf, 0);
            if (w >= 0 && w < ended.length && !ended[w]) {
                ended[w] = true;
                endedCount++;
            }
            if (endedCount < writers) return 0;
            gate.result(StepResult.END_OF_STREAM);
            return -1;
        }
        return n == 0 ? 1 : (int) n;
    }

    /** Receives that found nothing: UDP waits that timed out (SO_RCVTIMEO), interrupted receives. */
    public long eagain() {
        return eagain;
    }

    @Override
    public boolean lossy() {
        return udp;
    }
}
