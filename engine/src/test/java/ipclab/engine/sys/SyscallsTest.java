package ipclab.engine.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyscallsTest {

    @Test
    void countsExactlyTheCallsOfAKnownSequenceIncludingFailedAttempts() throws Exception {
        try (Arena arena = Arena.ofConfined()) {
            MsgBuf buf = MsgBuf.allocate(arena, 16).mtype(1);
            Syscalls.reset();
            int q = SysvMsgQueue.msgget(Ipc.IPC_PRIVATE, Ipc.IPC_CREAT | 0600); // msgget 1
            try {
                for (int i = 0; i < 5; i++) {
                    SysvMsgQueue.send(q, buf, 16, 0); // msgsnd 5
                }
                for (int i = 0; i < 5; i++) {
                    SysvMsgQueue.receive(q, buf, 16, 0, Ipc.IPC_NOWAIT); // msgrcv 5
                }
                SysvMsgQueue.tryReceive(q, buf, 16, 0, Ipc.IPC_NOWAIT); // msgrcv 6 (ENOMSG still counts)
                SysvMsgQueue.stat(q); // msgctl 1
            } finally {
                SysvMsgQueue.remove(q); // msgctl 2
            }
            Map<String, Long> expected = new LinkedHashMap<>();
            expected.put("msgget", 1L);
            expected.put("msgsnd", 5L);
            expected.put("msgrcv", 6L);
            expected.put("msgctl", 2L);
            assertEquals(expected, Syscalls.snapshot());
            assertEquals(14, Syscalls.total());

            // Another thread's calls are summed in, exactly (each thread counts in its own array).
            Thread t = Thread.ofPlatform().start(() -> {
                java.lang.foreign.MemorySegment one = Arena.ofAuto().allocate(1);
                for (int i = 0; i < 1000; i++) {
                    Pipes.tryRead(-1, one, 1); // read 1000, all EBADF
                }
            });
            t.join();
            assertEquals(1000, Syscalls.count("read"));
            assertEquals(0, Syscalls.count("write"));
            Syscalls.reset();
            assertEquals(Map.of(), Syscalls.snapshot());
        }
    }
}
