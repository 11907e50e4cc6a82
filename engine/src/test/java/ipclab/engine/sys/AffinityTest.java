package ipclab.engine.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipclab.engine.testkit.ChildJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AffinityTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** The last CPU this process may use: on a 2-CPU machine CPU 1, so that the pin changes something. */
    private static int lastAllowedCpu() {
        int[] cpus = Affinity.ofThread().cpus();
        return cpus[cpus.length - 1];
    }

    @Test
    void aThreadPinnedToOneCpuReadsItBack() throws Exception {
        int cpu = lastAllowedCpu();
        AtomicReference<Object> seen = new AtomicReference<>();
        // a thread of its own, so that surefire's threads keep their CPUs
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                Affinity.setThread(CpuSet.of(cpu));
                seen.set(Affinity.ofThread());
            } catch (RuntimeException e) {
                seen.set(e);
            }
        });
        t.join(TIMEOUT.toMillis());
        assertEquals(CpuSet.of(cpu), seen.get());
        assertTrue(CpuSet.of(cpu).isSubsetOf(CpuSet.online()));
    }

    @Test
    void theCallingThreadsSetIsWithinTheOnlineCpus() {
        CpuSet mine = Affinity.ofThread();
        assertTrue(mine.isSubsetOf(CpuSet.online()), mine + " within " + CpuSet.online());
        CpuSet main = Affinity.of((int) ProcessHandle.current().pid());
        assertTrue(main.isSubsetOf(CpuSet.online()), "the main thread's set, read by pid: " + main);
    }

    @Test
    void aChildJvmPinnedToOneCpuRunsEveryThreadThere() {
        int cpu = lastAllowedCpu();
        String list = Integer.toString(cpu);
        try (ChildJvm child = ChildJvm.start(AffinityChild.class, list)) {
            assertEquals("pinned many", child.readLine(TIMEOUT), "a JVM has more than one thread: " + child.stderr());
            assertEquals("thread " + list, child.readLine(TIMEOUT));
            assertEquals("status " + list, child.readLine(TIMEOUT));
            assertEquals("others " + list, child.readLine(TIMEOUT));
            assertEquals("started " + list, child.readLine(TIMEOUT));
            child.awaitSuccess(TIMEOUT);
        }
    }

    @Test
    void aCpuThatIsNotOnlineIsRefusedWithEinval() {
        int offline = CpuSet.online().length() + 7; // a CPU number the machine does not have
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                Affinity.setThread(CpuSet.of(offline));
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        assertTrue(join(t));
        IpcException e = assertInstanceOf(IpcException.class, thrown.get());
        assertEquals("sched_setaffinity", e.failure().call());
        assertEquals("EINVAL", e.failure().errnoName());
        assertEquals(
                "sched_setaffinity(tid=0, cpus=" + offline + ") failed: EINVAL (Invalid argument)", e.getMessage());
    }

    @Test
    void anEmptySetIsABadArgumentNotASystemCall() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Affinity.setThread(CpuSet.parse("")));
        assertEquals("cpus is empty: a thread must be allowed at least one CPU", e.getMessage());
    }

    @Test
    void anUnknownThreadIsEsrch() {
        IpcException e = assertThrows(IpcException.class, () -> Affinity.of(Integer.MAX_VALUE));
        assertEquals(
                "sched_getaffinity(tid=2147483647, cpusetsize=128) failed: ESRCH (No such process)", e.getMessage());
    }

    @Test
    void theMaskIsGlibcsCpuSetT() {
        assertEquals(128, Affinity.cpuSet(Affinity.CPU_SETSIZE).byteSize(), "sizeof(cpu_set_t) on x86-64 glibc");
        assertTrue(Path.of("/proc/self/task").toFile().isDirectory());
        assertTrue(Affinity.threads().contains((int) ProcessHandle.current().pid()), "the main thread's id is the pid");
    }

    private static boolean join(Thread t) {
        try {
            t.join(TIMEOUT.toMillis());
            return !t.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
