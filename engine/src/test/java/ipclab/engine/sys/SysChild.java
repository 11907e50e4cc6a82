package ipclab.engine.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The second process of the binding tests, run in a child JVM by {@code ChildJvm}. Each command
 * prints what it saw on stdout, one fact per line, so the parent test can assert it.
 */
public final class SysChild {
    private SysChild() {}

    public static void main(String[] args) {
        try (Arena arena = Arena.ofConfined()) {
            switch (args[0]) {
                case "shm-read" -> shmRead(arena, Integer.parseInt(args[1]), Long.parseLong(args[2]));
                case "msg-select" -> msgSelect(arena, Integer.parseInt(args[1]));
                case "msg-block" -> msgBlock(arena, Integer.parseInt(args[1]));
                case "sem-wait" -> semWait(arena, Integer.parseInt(args[1]));
                case "eacces" -> eacces(arena, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
                case "client" -> {
                    for (int i = 1; i < args.length; i++) {
                        client(arena, args[i]);
                    }
                }
                default -> throw new IllegalArgumentException("unknown command " + args[0]);
            }
        }
        System.out.flush();
    }

    private static void shmRead(Arena arena, int shmid, long size) {
        MemorySegment seg = SysvShm.attach(shmid, size, arena);
        System.out.println("read " + seg.getString(0));
        seg.setString(1024, "ack from " + ProcessHandle.current().pid());
        System.out.println("nattch " + SysvShm.stat(shmid).nattch());
    }

    private static void msgSelect(Arena arena, int msqid) {
        MsgBuf buf = MsgBuf.allocate(arena, 64);
        long r1 = SysvMsgQueue.tryReceive(msqid, buf, 64, 1, Ipc.IPC_NOWAIT);
        System.out.println("select1 " + (r1 < 0 ? Errno.name((int) -r1) : "got " + r1));
        long n = SysvMsgQueue.receive(msqid, buf, 64, 2, Ipc.IPC_NOWAIT);
        System.out.println("select2 mtype=" + buf.mtype() + " text=" + text(buf.text(), n));
    }

    private static void msgBlock(Arena arena, int msqid) {
        MsgBuf buf = MsgBuf.allocate(arena, 64);
        System.out.println("blocking");
        try {
            SysvMsgQueue.receive(msqid, buf, 64, 0, 0);
            System.out.println("received?!");
        } catch (IpcException e) {
            System.out.println(e.failure().errnoName() + " " + e.getMessage());
        }
    }

    private static void semWait(Arena arena, int semid) {
        System.out.println("waiting");
        SysvSemaphore.semop(semid, SemOps.of(arena, 0, -1, 0));
        System.out.println("passed");
        // +5 on semaphore 1 with SEM_UNDO: the kernel takes it back when this process exits.
        SysvSemaphore.semop(semid, SemOps.of(arena, 1, 5, Ipc.SEM_UNDO));
        System.out.println("undo-value " + SysvSemaphore.getVal(semid, 1));
    }

    private static void eacces(Arena arena, int msqid, int shmid) {
        MsgBuf buf = MsgBuf.allocate(arena, 8).mtype(1);
        if (Credentials.getuid() == 0) {
            // Nobody may not be able to read the class path (a clone under root's mode-0700 home, the
            // jars in ~/.m2): take every class and call site the two calls below need while still
            // root, by making each fail once on an id that does not exist (EINVAL).
            rehearse(buf);
            // root bypasses IPC permission checks (CAP_IPC_OWNER): become nobody, for good, in this process only
            Credentials.setgid(Credentials.NOBODY);
            Credentials.setuid(Credentials.NOBODY);
        }
        System.out.println("uid " + Credentials.getuid());
        try {
            SysvMsgQueue.send(msqid, buf, 8, Ipc.IPC_NOWAIT);
            System.out.println("msgsnd succeeded?!");
        } catch (IpcException e) {
            System.out.println(e.getMessage());
        }
        try {
            SysvShm.shmat(shmid, 0);
            System.out.println("shmat succeeded?!");
        } catch (IpcException e) {
            System.out.println(e.getMessage());
        }
    }

    private static void rehearse(MsgBuf buf) {
        String seen = "";
        try {
            SysvMsgQueue.send(-1, buf, 8, Ipc.IPC_NOWAIT);
        } catch (IpcException e) {
            seen = e.getMessage();
        }
        try {
            SysvShm.shmat(-1, 0);
        } catch (IpcException e) {
            seen += e.getMessage();
        }
        if (seen.isEmpty()) throw new IllegalStateException("msgsnd and shmat on id -1 succeeded?!");
    }

    /** One round trip: send "ping", expect "pong". */
    private static void client(Arena arena, String spec) {
        String[] p = spec.split(",");
        MemorySegment buf = arena.allocate(64);
        switch (p[0]) {
            case "unix-stream", "tcp" -> {
                boolean unix = p[0].equals("unix-stream");
                int fd = Sockets.socket(unix ? Sockets.AF_UNIX : Sockets.AF_INET, Sockets.SOCK_STREAM, 0);
                if (unix) {
                    Sockets.connectUnix(fd, Path.of(p[1]));
                } else {
                    SocketOptions.setTcpNoDelay(fd, true);
                    Sockets.connectInet(fd, Integer.parseInt(p[1]));
                }
                buf.setString(0, "ping");
                SocketIo.sendFully(fd, buf, 4, 0);
                long n = SocketIo.recvFully(fd, buf, 4, 0);
                System.out.println(p[0] + " " + text(buf, n));
                Sockets.close(fd);
            }
            case "unix-dgram" -> {
                int fd = Sockets.socket(Sockets.AF_UNIX, Sockets.SOCK_DGRAM, 0);
                Sockets.bindUnix(fd, Path.of(p[2]));
                Sockets.connectUnix(fd, Path.of(p[1]));
                buf.setString(0, "ping");
                SocketIo.send(fd, buf, 4, 0);
                long n = SocketIo.recv(fd, buf, 64, 0);
                System.out.println(p[0] + " " + text(buf, n));
                Sockets.close(fd);
            }
            case "udp" -> {
                int fd = Sockets.socket(Sockets.AF_INET, Sockets.SOCK_DGRAM, 0);
                Sockets.bindInet(fd, 0);
                Sockets.connectInet(fd, Integer.parseInt(p[1]));
                String hello = "ping:" + Sockets.localPort(fd);
                buf.setString(0, hello);
                SocketIo.send(fd, buf, hello.length(), 0);
                long n = SocketIo.recv(fd, buf, 64, 0);
                System.out.println(p[0] + " " + text(buf, n));
                Sockets.close(fd);
            }
            case "fifo" -> {
                int out = Pipes.open(Path.of(p[1]), Pipes.O_WRONLY);
                int in = Pipes.open(Path.of(p[2]), Pipes.O_RDONLY);
                buf.setString(0, "ping");
                Pipes.writeFully(out, buf, 4);
                long n = Pipes.readFully(in, buf, 4);
                System.out.println(p[0] + " " + text(buf, n));
                Pipes.close(out);
                Pipes.close(in);
            }
            default -> throw new IllegalArgumentException("unknown client kind " + p[0]);
        }
    }

    static String text(MemorySegment seg, long n) {
        return new String(seg.asSlice(0, n).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
    }
}
