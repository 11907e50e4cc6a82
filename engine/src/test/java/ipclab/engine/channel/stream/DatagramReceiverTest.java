package ipclab.engine.channel.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.engine.channel.MessageHeader;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.sys.IpcException;
import ipclab.engine.sys.SocketIo;
import ipclab.engine.sys.SocketOptions;
import ipclab.engine.sys.Sockets;
import ipclab.engine.sys.Syscalls;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/**
 * A UDP receiver blocks in recv with SO_RCVTIMEO instead of polling with MSG_DONTWAIT: a quiet
 * period costs one recvfrom per {@link DatagramReceiver#UDP_WAIT_NANOS}, and the stream still
 * ends after the quiet time.
 */
class DatagramReceiverTest {
    @Test
    void aQuietUdpReaderWaitsInTheKernelAndEndsAfterTheQuietTime() {
        int rx = -1, tx = -1;
        try (Arena arena = Arena.ofConfined()) {
            rx = Sockets.socket(Sockets.AF_INET, Sockets.SOCK_DGRAM | Sockets.SOCK_CLOEXEC, 0);
            Sockets.bindInet(rx, 0);
            tx = Sockets.socket(Sockets.AF_INET, Sockets.SOCK_DGRAM | Sockets.SOCK_CLOEXEC, 0);
            Sockets.connectInet(tx, Sockets.localPort(rx));
            long quiet = 350_000_000L;
            DatagramReceiver r = new DatagramReceiver(rx, true, new int[] {0}, quiet, 64, StepGate.FREE, "udp", arena);
            assertEquals(
                    DatagramReceiver.UDP_WAIT_NANOS,
                    SocketOptions.receiveTimeout(rx),
                    "SO_RCVTIMEO as the kernel holds it");

            MemorySegment msg = arena.allocate(MessageHeader.BYTES, 8); // seq 0 from writer 0: a message, not the end
            assertEquals(MessageHeader.BYTES, SocketIo.send(tx, msg, MessageHeader.BYTES, 0));
            long t0 = System.nanoTime(); // before the receive: the quiet time counts from its end, which is later
            assertEquals(MessageHeader.BYTES, r.poll(), "the datagram waiting is received");

            long calls0 = Syscalls.count("recvfrom");
            int polls = 0, n;
            while ((n = r.poll()) == 0) polls++;
            long took = System.nanoTime() - t0;
            long calls = Syscalls.count("recvfrom") - calls0;
            assertEquals(-1, n, "the stream ends after the quiet time");
            assertTrue(took >= quiet, "ended after " + took + " ns, quiet time " + quiet);
            assertTrue(
                    took < quiet + 3 * DatagramReceiver.UDP_WAIT_NANOS + 500_000_000L, "ended after " + took + " ns");
            // 350 ms of quiet in 100 ms waits: one receive per wait that ran out (a loaded machine
            // wakes late, so fewer), never thousands of empty polls
            long waits = took / DatagramReceiver.UDP_WAIT_NANOS;
            assertTrue(
                    calls >= 1 && calls <= waits + 2,
                    calls + " recvfrom calls for " + took / 1_000_000 + " ms of quiet");
            assertEquals(calls, polls + 1);
            assertEquals(polls + 1, r.eagain(), "every timed-out wait is counted");
        } finally {
            if (rx >= 0) Sockets.close(rx);
            if (tx >= 0) Sockets.close(tx);
        }
    }

    @Test
    void aReceiveTimeoutIsAStructTimevalAndZeroMeansForEver() {
        int fd = Sockets.socket(Sockets.AF_INET, Sockets.SOCK_DGRAM | Sockets.SOCK_CLOEXEC, 0);
        try {
            assertEquals(0, SocketOptions.receiveTimeout(fd));
            SocketOptions.setReceiveTimeout(fd, 1_250_000_000L);
            long held = SocketOptions.receiveTimeout(fd); // the kernel keeps it in clock ticks, rounded up
            assertTrue(held >= 1_250_000_000L && held <= 1_260_000_000L, "SO_RCVTIMEO held: " + held + " ns");
            SocketOptions.setReceiveTimeout(fd, 0);
            assertEquals(0, SocketOptions.receiveTimeout(fd));
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> SocketOptions.setReceiveTimeout(fd, -5));
            assertEquals("receive timeout must be >= 0 ns (0: wait for ever), not -5", e.getMessage());
            IpcException bad = assertThrows(IpcException.class, () -> SocketOptions.setReceiveTimeout(-1, 1000));
            assertEquals(
                    "setsockopt(fd=-1, option=SO_RCVTIMEO, value=1us) failed: EBADF (Bad file descriptor)",
                    bad.getMessage());
        } finally {
            Sockets.close(fd);
        }
    }
}
