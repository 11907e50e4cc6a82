package ipclab.engine.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ErrnoTest {

    @Test
    void namesAndCLocaleTexts() {
        assertEquals("EAGAIN", Errno.name(Errno.EAGAIN));
        assertEquals("EIDRM", Errno.name(43));
        assertEquals("ECONNREFUSED", Errno.name(Errno.ECONNREFUSED));
        assertEquals("EHWPOISON", Errno.name(133));
        assertEquals("errno=9999", Errno.name(9999));
        assertEquals(Errno.ENOMSG, Errno.valueOf("ENOMSG"));
        assertEquals("Identifier removed", Errno.describe(Errno.EIDRM));
        assertEquals("Unknown error 9999", Errno.describe(9999));
        for (int e = 1; e <= 133; e++) {
            if (e != 41 && e != 58) {
                assertTrue(Errno.name(e).startsWith("E"), "errno " + e);
            }
        }
    }

    @Test
    void ftokNamesThePathOnFailureAndIsStableOnSuccess() {
        IpcException e = org.junit.jupiter.api.Assertions.assertThrows(
                IpcException.class, () -> Ipc.ftok(Path.of("/nonexistent/ipclab"), 7));
        assertEquals(
                "ftok(path=/nonexistent/ipclab, projId=7) failed: ENOENT (No such file or directory)", e.getMessage());
        assertEquals(Ipc.ftok(Path.of("/tmp"), 7), Ipc.ftok(Path.of("/tmp"), 7));
    }

    @Test
    void rusageGrowsWithWork() {
        Rusage.Usage before = Rusage.self();
        long x = 0;
        for (int i = 0; i < 50_000_000; i++) {
            x += i ^ (x >>> 3);
        }
        Rusage.Usage d = Rusage.self().minus(before);
        assertTrue(d.userMicros() + d.sysMicros() > 0, d + " " + x);
        assertTrue(Rusage.self().minorFaults() > 0);
    }
}
