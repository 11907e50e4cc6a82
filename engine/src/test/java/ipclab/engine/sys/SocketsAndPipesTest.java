package ipclab.engine.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.engine.testkit.ChildJvm;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SocketsAndPipesTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    /**
     * One child JVM makes a ping/pong round trip over each kind in turn; this process serves them.
     * The serving runs on a daemon thread so that a failed child cannot hang the suite.
     */
    @Test
    void eachKindCarriesARoundTripBetweenTwoProcesses() throws Exception {
        List<Integer> fds = new ArrayList<>();
        Path us = dir.resolve("s.sock"), ud = dir.resolve("d.sock"), udc = dir.resolve("dc.sock");
        Path req = dir.resolve("req.fifo"), resp = dir.resolve("resp.fifo");
        try {
            int unixStream = add(fds, Sockets.socket(Sockets.AF_UNIX, Sockets.SOCK_STREAM | Sockets.SOCK_CLOEXEC, 0));
            Sockets.bindUnix(unixStream, us);
            Sockets.listen(unixStream, 4);
            int unixDgram = add(fds, Sockets.socket(Sockets.AF_UNIX, Sockets.SOCK_DGRAM, 0));
            Sockets.bindUnix(unixDgram, ud);
            int tcp = add(fds, Sockets.socket(Sockets.AF_INET, Sockets.SOCK_STREAM, 0));
            SocketOptions.setReuseAddress(tcp, true);
            Sockets.bindInet(tcp, 0);
            Sockets.listen(tcp, 4);
            int tcpPort = Sockets.localPort(tcp);
            int udp = add(fds, Sockets.socket(Sockets.AF_INET, Sockets.SOCK_DGRAM, 0));
            Sockets.bindInet(udp, 0);
            int udpPort = Sockets.localPort(udp);
            assertTrue(tcpPort > 0 && udpPort > 0);
            Pipes.mkfifo(req, 0600);
            Pipes.mkfifo(resp, 0600);

            CompletableFuture<List<String>> served = new CompletableFuture<>();
            Thread.ofPlatform().daemon().start(() -> {
                try (Arena arena = Arena.ofConfined()) {
                    List<String> got = new ArrayList<>();
                    MemorySegment buf = arena.allocate(64);
                    MemorySegment pong = arena.allocateFrom("pong");
                    int c = Sockets.accept(unixStream);
                    got.add("unix-stream " + SysChild.text(buf, SocketIo.recvFully(c, buf, 4, 0)));
                    SocketIo.sendFully(c, pong, 4, 0);
                    Sockets.close(c);
                    long n = SocketIo.recv(unixDgram, buf, 64, 0);
                    got.add("unix-dgram " + SysChild.text(buf, n));
                    Sockets.connectUnix(unixDgram, udc);
                    SocketIo.send(unixDgram, pong, 4, 0);
                    c = Sockets.accept(tcp);
                    SocketOptions.setTcpNoDelay(c, true);
                    got.add("tcp " + SysChild.text(buf, SocketIo.recvFully(c, buf, 4, 0)));
                    SocketIo.sendFully(c, pong, 4, 0);
                    Sockets.close(c);
                    n = SocketIo.recv(udp, buf, 64, 0);
                    String hello = SysChild.text(buf, n);
                    got.add("udp " + hello.substring(0, 4));
                    Sockets.connectInet(udp, Integer.parseInt(hello.substring(5)));
                    SocketIo.send(udp, pong, 4, 0);
                    int in = Pipes.open(req, Pipes.O_RDONLY);
                    int out = Pipes.open(resp, Pipes.O_WRONLY);
                    got.add("fifo " + SysChild.text(buf, Pipes.readFully(in, buf, 4)));
                    Pipes.writeFully(out, pong, 4);
                    Pipes.close(in);
                    Pipes.close(out);
                    served.complete(got);
                } catch (Throwable t) {
                    served.completeExceptionally(t);
                }
            });
            try (ChildJvm child = ChildJvm.start(
                    SysChild.class,
                    "client",
                    "unix-stream," + us,
                    "unix-dgram," + ud + "," + udc,
                    "tcp," + tcpPort,
                    "udp," + udpPort,
                    "fifo," + req + "," + resp)) {
                child.awaitSuccess(TIMEOUT);
                assertEquals("unix-stream pong\nunix-dgram pong\ntcp pong\nudp pong\nfifo pong\n", child.stdout());
            }
            assertEquals(
                    List.of("unix-stream ping", "unix-dgram ping", "tcp ping", "udp ping", "fifo ping"),
                    served.get(10, TimeUnit.SECONDS));
        } finally {
            for (int fd : fds) {
                Sockets.close(fd);
            }
            for (Path p : List.of(us, ud, udc, req, resp)) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void aPipeCarriesBytesAndReportsEagainAndEpipe() {
        int[] p = Pipes.pipe2(Pipes.O_NONBLOCK | Pipes.O_CLOEXEC);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(16);
            assertEquals(-Errno.EAGAIN, Pipes.tryRead(p[0], buf, 16), "empty non-blocking pipe");
            Pipes.writeFully(p[1], arena.allocateFrom("abc"), 3);
            assertEquals(3, Pipes.read(p[0], buf, 16));
            assertEquals("abc", buf.getString(0));
            Pipes.close(p[0]);
            p[0] = -1;
            IpcException e = assertThrows(IpcException.class, () -> Pipes.write(p[1], buf, 3));
            assertEquals("write(fd=" + p[1] + ", size=3) failed: EPIPE (Broken pipe)", e.getMessage());
        } finally {
            for (int fd : p) {
                if (fd >= 0) {
                    Pipes.close(fd);
                }
            }
        }
    }

    @Test
    void errorsNameTheAddress() throws Exception {
        int fd = Sockets.socket(Sockets.AF_UNIX, Sockets.SOCK_STREAM, 0);
        try {
            Path missing = dir.resolve("nobody-listens.sock");
            IpcException e = assertThrows(IpcException.class, () -> Sockets.connectUnix(fd, missing));
            assertEquals(
                    "connect(fd=" + fd + ", path=" + missing + ") failed: ENOENT (No such file or directory)",
                    e.getMessage());
            IllegalArgumentException tooLong = assertThrows(
                    IllegalArgumentException.class, () -> Sockets.bindUnix(fd, Path.of("/tmp/" + "x".repeat(110))));
            assertTrue(
                    tooLong.getMessage()
                            .startsWith("unix socket path is 115 bytes; sun_path holds 1 to 107 bytes: /tmp/xxx"),
                    tooLong.getMessage());
        } finally {
            Sockets.close(fd);
        }
        int tcp = Sockets.socket(Sockets.AF_INET, Sockets.SOCK_STREAM, 0);
        try {
            Sockets.bindInet(tcp, 0);
            int port = Sockets.localPort(tcp); // bound, not listening: nobody accepts there
            int client = Sockets.socket(Sockets.AF_INET, Sockets.SOCK_STREAM, 0);
            try {
                IpcException e = assertThrows(IpcException.class, () -> Sockets.connectInet(client, port));
                assertEquals(
                        "connect(fd=" + client + ", addr=127.0.0.1:" + port
                                + ") failed: ECONNREFUSED (Connection refused)",
                        e.getMessage());
            } finally {
                Sockets.close(client);
            }
            SocketOptions.setSendBufferSize(tcp, 65536);
            assertEquals(
                    131072,
                    SocketOptions.getIntOption(tcp, Sockets.SOL_SOCKET, Sockets.SO_SNDBUF),
                    "Linux doubles SO_SNDBUF");
        } finally {
            Sockets.close(tcp);
        }
        IpcException e = assertThrows(
                IpcException.class, () -> Pipes.open(dir.resolve("no-fifo"), Pipes.O_RDONLY | Pipes.O_NONBLOCK));
        assertEquals(
                "open(path=" + dir.resolve("no-fifo")
                        + ", flags=O_RDONLY|O_NONBLOCK) failed: ENOENT (No such file or directory)",
                e.getMessage());
    }

    private static int add(List<Integer> fds, int fd) {
        fds.add(fd);
        return fd;
    }
}
