package ipclab.repl.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConditionsCollectorTest {
    @TempDir
    Path root;

    private void file(String path, String text) throws Exception {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void readsAFakeProc() throws Exception {
        file(
                "proc/cpuinfo",
                "processor\t: 0\nmodel name\t: Test CPU @ 1.00GHz\n\nprocessor\t: 1\nmodel name\t: Test CPU @ 1.00GHz\n");
        file("proc/loadavg", "0.50 0.40 0.30 1/100 1234\n");
        file("proc/self/status", "Name:\tjava\nCpus_allowed_list:\t1\n");
        file("proc/sys/kernel/osrelease", "6.1.0-test\n");
        file("proc/sys/kernel/msgmax", "8192\n");
        file("proc/sys/kernel/msgmnb", "16384\n");
        file("proc/sys/kernel/shmmax", "18446744073692774399\n");
        file("proc/sys/kernel/sem", "32000\t1024000000\t500\t32000\n");
        ConditionsCollector collector = ConditionsCollector.start(root, "9.9.9");
        file("proc/loadavg", "1.50 0.60 0.35 2/100 1240\n");
        Conditions c = collector.finish();
        assertEquals("Test CPU @ 1.00GHz", c.cpuModel());
        assertEquals(2, c.cpus());
        assertEquals("CPUs 1 only (of 2)", c.pinning());
        assertEquals("6.1.0-test", c.kernel());
        assertEquals(List.of(0.5, 0.4, 0.3), c.loadBefore());
        assertEquals(List.of(1.5, 0.6, 0.35), c.loadAfter());
        assertEquals("9.9.9", c.ipclabVersion());
        assertEquals(
                List.of("msgmax", "msgmnb", "shmmax", "shmall", "sem"),
                List.copyOf(c.limits().keySet()));
        assertEquals("32000 1024000000 500 32000", c.limits().get("sem"));
        assertEquals("unknown", c.limits().get("shmall"), "a file that is missing reads as unknown");
        assertEquals("Test CPU @ 1.00GHz × 2", c.rows().get("CPU"));
    }

    @Test
    void readsThisMachine() {
        Conditions c = ConditionsCollector.start("test").finish();
        assertTrue(c.cpus() >= 1);
        assertFalse(c.kernel().equals("unknown"));
        assertTrue(
                c.limits().get("msgmax").matches("[0-9]+"),
                "msgmax from /proc: " + c.limits().get("msgmax"));
        assertEquals(3, c.loadBefore().size());
        assertTrue(c.pinning().startsWith("none") || c.pinning().startsWith("CPUs"), c.pinning());
        assertTrue(c.jdk().startsWith(Runtime.version().toString()));
    }
}
