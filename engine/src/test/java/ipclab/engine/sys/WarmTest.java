package ipclab.engine.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The warm-up calls made before timed setup steps fail in the kernel without side effects and
 * are not counted: the report's syscalls stay what the role did.
 */
class WarmTest {
    @Test
    void warmingMakesNothingAndCountsNothing() throws Exception {
        long fds = openFds();
        Map<String, Long> before = Syscalls.snapshot();
        for (int i = 0; i < 2; i++) { // twice: idempotent
            SysvShm.warm();
            SysvMsgQueue.warm();
            SysvSemaphore.warm();
            Sockets.warm();
            Pipes.warm();
        }
        assertEquals(before, Syscalls.snapshot(), "warm-up calls are not counted");
        // nothing made: no descriptor here; the class's LeakGuard checks /proc/sysvipc
        assertEquals(fds, openFds(), "no descriptor left open");
    }

    static long openFds() throws Exception {
        try (var s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        }
    }
}
