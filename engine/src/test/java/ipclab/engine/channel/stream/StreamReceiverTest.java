package ipclab.engine.channel.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.engine.channel.MessageHeader;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.sys.Pipes;
import ipclab.engine.sys.SocketIo;
import ipclab.engine.sys.SocketOptions;
import ipclab.engine.sys.Sockets;
import ipclab.engine.sys.Syscalls;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A free run's stream receiver frames messages from its buffer: on a socket it reads what is
 * there, up to its window, so messages waiting cost one recv for all of them; a FIFO of fixed-size
 * messages is read one message a call, as a C reader does; a message cut by the end of a read is
 * completed by the next one; every message comes out whole and in order, at its own offset. Real
 * pipes (pipe2) and a loopback TCP connection, written before the receiver reads, so that what a
 * read finds is known.
 */
class StreamReceiverTest {
    private interface Out {
        void write(MemorySegment m, int n);
    }

    /** Writes messages of the given sizes (seq 0, 1, ...) into {@code fd}, each with its header and a tail mark. */
    private static void writeMessages(int fd, Arena arena, int... sizes) {
        writeMessages((m, n) -> assertEquals(n, Pipes.write(fd, m, n)), arena, sizes);
    }

    private static void writeMessages(Out out, Arena arena, int... sizes) {
        for (int i = 0; i < sizes.length; i++) {
            MemorySegment m = arena.allocate(sizes[i], 8);
            MessageHeader.write(m, 0, i, 3, sizes[i], 1000 + i, 0);
            m.set(java.lang.foreign.ValueLayout.JAVA_BYTE, sizes[i] - 1, (byte) i);
            out.write(m, sizes[i]);
        }
    }

    private static void assertMessage(StreamReceiver r, int seq, int size) {
        assertEquals(size, r.poll(), "message " + seq);
        MemorySegment b = r.buffer();
        long at = r.offset();
        assertEquals(seq, MessageHeader.seq(b, at));
        assertEquals(3, MessageHeader.writer(b, at));
        assertEquals(1000 + seq, MessageHeader.timestamp(b, at));
        assertEquals((byte) seq, b.get(java.lang.foreign.ValueLayout.JAVA_BYTE, at + size - 1), "the tail of " + seq);
    }

    @Test
    void messagesWaitingOnASocketTakeOneRecvAndComeOutWholeInOrder() {
        int listener = -1, tx = -1, rx = -1;
        try (Arena arena = Arena.ofConfined()) {
            listener = Sockets.socket(Sockets.AF_INET, Sockets.SOCK_STREAM | Sockets.SOCK_CLOEXEC, 0);
            Sockets.bindInet(listener, 0);
            Sockets.listen(listener, 1);
            tx = Sockets.socket(Sockets.AF_INET, Sockets.SOCK_STREAM | Sockets.SOCK_CLOEXEC, 0);
            Sockets.connectInet(tx, Sockets.localPort(listener));
            rx = Sockets.accept(listener);
            StreamReceiver r = new StreamReceiver(rx, true, 4096, StepGate.FREE, "sock", arena);
            r.messageSize(4096);
            int[] sizes = new int[12];
            java.util.Arrays.fill(sizes, 4096);
            int sender = tx;
            writeMessages((m, n) -> SocketIo.sendFully(sender, m, n, SocketIo.MSG_NOSIGNAL), arena, sizes); // 48 KiB
            Sockets.shutdown(tx, Sockets.SHUT_WR);
            long recvs0 = Syscalls.count("recvfrom");
            for (int i = 0; i < 12; i++) assertMessage(r, i, 4096);
            long recvs = Syscalls.count("recvfrom") - recvs0;
            // loopback TCP queues all 48 KiB before the first recv, which takes them (a second one at most)
            assertTrue(recvs >= 1 && recvs <= 2, recvs + " recvs for the twelve messages waiting");
            assertEquals(-1, r.poll(), "end of file at a message boundary ends the stream");
            assertEquals(4096, r.maxMessage(), "the largest message, not the buffer's size");
        } finally {
            for (int fd : new int[] {rx, tx, listener}) if (fd >= 0) Sockets.close(fd);
        }
    }

    @Test
    void largeMessagesWaitingOnAUnixSocketTakeOneRecvOfAStreamReader(@TempDir Path dir) {
        // three 64 KiB messages, about all that a unix socket's default send buffer holds: a
        // stream reader's window of four messages takes them with one recv
        assertEquals(1, recvsForThreeLargeMessages(dir, StreamReceiver.READER_WINDOW_MESSAGES));
    }

    @Test
    void anEchosReceiverTakesOneLargeMessageARecv(@TempDir Path dir) {
        // a round trip has one message in flight: one MSG_WAITALL recv for each, never part of one
        assertEquals(3, recvsForThreeLargeMessages(dir, 1));
    }

    /** Three 64 KiB messages sent on a unix socket, then received whole and in order: the recvs it took. */
    private static long recvsForThreeLargeMessages(Path dir, int windowMessages) {
        int listener = -1, tx = -1, rx = -1;
        Path path = dir.resolve("s");
        try (Arena arena = Arena.ofConfined()) {
            listener = Sockets.socket(Sockets.AF_UNIX, Sockets.SOCK_STREAM | Sockets.SOCK_CLOEXEC, 0);
            Sockets.bindUnix(listener, path);
            Sockets.listen(listener, 1);
            tx = Sockets.socket(Sockets.AF_UNIX, Sockets.SOCK_STREAM | Sockets.SOCK_CLOEXEC, 0);
            SocketOptions.setSendBufferSize(tx, 1 << 20); // so that the three sends never wait for the reader
            Sockets.connectUnix(tx, path);
            rx = Sockets.accept(listener);
            int size = 64 * 1024;
            StreamReceiver r = new StreamReceiver(rx, true, windowMessages, size, StepGate.FREE, "sock", arena);
            r.messageSize(size);
            int sender = tx;
            writeMessages((m, n) -> SocketIo.sendFully(sender, m, n, SocketIo.MSG_NOSIGNAL), arena, size, size, size);
            Sockets.shutdown(tx, Sockets.SHUT_WR);
            long recvs0 = Syscalls.count("recvfrom");
            for (int i = 0; i < 3; i++) assertMessage(r, i, size);
            long recvs = Syscalls.count("recvfrom") - recvs0;
            assertEquals(-1, r.poll(), "end of file at a message boundary ends the stream");
            return recvs;
        } finally {
            for (int fd : new int[] {rx, tx, listener}) if (fd >= 0) Sockets.close(fd);
        }
    }

    @Test
    void aFifoOfFixedSizeMessagesIsReadOneMessageACall() {
        onPipe("fifo", 4096, 4096, (r, w, arena) -> {
            int[] sizes = new int[12];
            java.util.Arrays.fill(sizes, 4096);
            writeMessages(w.fd, arena, sizes); // 48 KiB: the pipe (64 KiB) holds them all
            w.close();
            long reads0 = Syscalls.count("read");
            for (int i = 0; i < 12; i++) assertMessage(r, i, 4096);
            assertEquals(12, Syscalls.count("read") - reads0, "one read a message");
            assertEquals(-1, r.poll());
        });
    }

    @Test
    void aMessageCutByTheEndOfAReadMovesToTheFrontAndIsCompleted() {
        // sizes vary (no fixed size): the 64 KiB window ends inside the fourth message, whose
        // first part is moved to the front of the buffer when its rest is read
        int[] sizes = {20_000, 24_000, 100, 30_000, 33, 20_000, 4096};
        onPipe("fifo", 30_000, 0, (r, w, arena) -> {
            Thread writer = Thread.ofPlatform().start(() -> {
                try (Arena a = Arena.ofConfined()) {
                    writeMessages(w.fd, a, sizes);
                }
                w.close();
            });
            for (int i = 0; i < sizes.length; i++) assertMessage(r, i, sizes[i]);
            assertEquals(-1, r.poll());
            writer.join();
        });
    }

    @Test
    void aWrongSizeLosesTheFraming() {
        onPipe("link", 4096, 512, (r, w, arena) -> {
            writeMessages(w.fd, arena, 512, 256);
            w.close();
            assertMessage(r, 0, 512);
            IllegalStateException e = assertThrows(IllegalStateException.class, r::poll);
            assertEquals(
                    "link: stream framing lost: a message header says length=256 but the plan's message size is 512"
                            + " (256 bytes read)",
                    e.getMessage());
        });
    }

    @Test
    void endOfFileInsideAMessageLosesTheFraming() {
        onPipe("link", 4096, 512, (r, w, arena) -> {
            MemorySegment m = arena.allocate(512, 8);
            MessageHeader.write(m, 0, 0, 3, 512, 0, 0);
            assertEquals(300, Pipes.write(w.fd, m, 300));
            w.close();
            IllegalStateException e = assertThrows(IllegalStateException.class, r::poll);
            assertEquals("link: stream framing lost: end of file after 300 bytes of a message", e.getMessage());
        });
    }

    /** A pipe's write end, closed once (by the test or, if it failed first, after it). */
    private static final class WriteEnd {
        final int fd;
        private boolean closed;

        WriteEnd(int fd) {
            this.fd = fd;
        }

        synchronized void close() {
            if (closed) return;
            closed = true;
            Pipes.close(fd);
        }
    }

    private interface OnPipe {
        void run(StreamReceiver r, WriteEnd w, Arena arena) throws Exception;
    }

    /** A pipe, a free-run receiver on its read end ({@code size}: the plan's fixed size, 0 none), both ends closed after. */
    private static void onPipe(String channel, long maxMessage, int size, OnPipe body) {
        int[] p = Pipes.pipe2(Pipes.O_CLOEXEC);
        WriteEnd w = new WriteEnd(p[1]);
        try (Arena arena = Arena.ofConfined()) {
            StreamReceiver r = new StreamReceiver(p[0], false, maxMessage, StepGate.FREE, channel, arena);
            r.messageSize(size);
            body.run(r, w, arena);
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            w.close();
            Pipes.close(p[0]);
        }
    }
}
