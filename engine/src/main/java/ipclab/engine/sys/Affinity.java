package ipclab.engine.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU affinity: sched_setaffinity(2) and sched_getaffinity(2), which pin a thread to a set of
 * CPUs and read that set back.
 *
 * <p>On Linux affinity belongs to a <em>thread</em>: id 0 is the calling thread, a process id is
 * that process's main thread, and a new thread starts with its creator's set. A JVM already runs
 * a dozen threads (JIT compilers, GC) when {@code main} starts, so {@link #setThread} pins only
 * the caller (and the threads it starts afterwards), while {@link #setProcess} pins every thread
 * of this process, as {@code taskset -a} does.
 *
 * <p>The mask is glibc's {@code cpu_set_t}: an array of 64-bit words, CPU n at bit n % 64 of word
 * n / 64; 1024 CPUs (16 words) unless the set needs more. Set-up calls, made once per process:
 * not counted in {@link Syscalls}, whose figures are per message.
 */
public final class Affinity {
    private Affinity() {}

    /** glibc's CPU_SETSIZE: the mask size tried first, in CPUs. */
    static final int CPU_SETSIZE = 1024;

    private static final class SetAffinity {
        static final MethodHandle H =
                Native.withErrno("sched_setaffinity", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS));
    }

    private static final class GetAffinity {
        static final MethodHandle H =
                Native.withErrno("sched_getaffinity", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS));
    }

    /** {@code cpu_set_t} holding {@code cpus} CPUs (a multiple of 64). */
    static StructLayout cpuSet(int cpus) {
        return MemoryLayout.structLayout(
                        MemoryLayout.sequenceLayout(cpus / 64, JAVA_LONG).withName("__bits"))
                .withName("cpu_set_t");
    }

    /** Pins the calling thread (and the threads it starts from now on) to {@code cpus}. */
    public static void setThread(CpuSet cpus) {
        set(0, cpus);
    }

    /** The CPUs the calling thread may run on. */
    public static CpuSet ofThread() {
        return of(0);
    }

    /**
     * sched_setaffinity: pins thread {@code tid} (0: the caller; a pid: that process's main thread).
     * A set with no CPU the thread may use (offline, outside its cpuset cgroup) fails with EINVAL.
     */
    public static void set(int tid, CpuSet cpus) {
        if (cpus.isEmpty())
            throw new IllegalArgumentException("cpus is empty: a thread must be allowed at least one CPU");
        int size = Math.max(CPU_SETSIZE, (cpus.length() + 63) / 64 * 64);
        StructLayout layout = cpuSet(size);
        MemorySegment capture = Native.state().capture;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment mask = arena.allocate(layout);
            long[] words = cpus.bits().toLongArray();
            MemorySegment.copy(words, 0, mask, JAVA_LONG, 0, words.length);
            int rc = (int) SetAffinity.H.invokeExact(capture, tid, layout.byteSize(), mask);
            if (rc == -1) {
                throw new IpcException("sched_setaffinity", "tid=" + tid + ", cpus=" + cpus, Native.errno(capture));
            }
        } catch (IpcException e) {
            throw e;
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
    }

    /**
     * sched_getaffinity: the CPUs thread {@code tid} may run on (0: the caller). Retries with a
     * larger mask while the kernel's is larger (EINVAL), up to {@link CpuSet#LIMIT} CPUs.
     */
    public static CpuSet of(int tid) {
        MemorySegment capture = Native.state().capture;
        for (int size = CPU_SETSIZE; ; size *= 2) {
            StructLayout layout = cpuSet(size);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment mask = arena.allocate(layout);
                int rc = (int) GetAffinity.H.invokeExact(capture, tid, layout.byteSize(), mask);
                if (rc == 0) return CpuSet.of(BitSet.valueOf(mask.toArray(JAVA_LONG)));
                int errno = Native.errno(capture);
                if (errno != Errno.EINVAL || size * 2 > CpuSet.LIMIT) {
                    throw new IpcException(
                            "sched_getaffinity", "tid=" + tid + ", cpusetsize=" + layout.byteSize(), errno);
                }
            } catch (IpcException e) {
                throw e;
            } catch (Throwable e) {
                throw Native.unexpected(e);
            }
        }
    }

    /**
     * Pins every thread of this process to {@code cpus} (those listed in {@code /proc/self/task};
     * one that ends meanwhile, ESRCH, is skipped; threads started later inherit their creator's
     * set). Returns how many threads it pinned.
     */
    public static int setProcess(CpuSet cpus) {
        int pinned = 0;
        for (int tid : threads()) {
            try {
                set(tid, cpus);
                pinned++;
            } catch (IpcException e) {
                if (e.failure().errno() != Errno.ESRCH) throw e;
            }
        }
        return pinned;
    }

    /** The ids of this process's threads now. */
    static List<Integer> threads() {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.map(p -> Integer.parseInt(p.getFileName().toString()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot list this process's threads in /proc/self/task: " + e.getMessage(), e);
        }
    }
}
