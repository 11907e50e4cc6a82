package ipclab.engine.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** getrusage(2): the CPU time, page faults and context switches of this process or thread. */
public final class Rusage {
    private Rusage() {}

    public static final int RUSAGE_SELF = 0, RUSAGE_CHILDREN = -1, RUSAGE_THREAD = 1;

    /**
     * Resource usage figures.
     *
     * @param userMicros              CPU time in user mode, microseconds
     * @param sysMicros               CPU time in the kernel, microseconds
     * @param minorFaults             page faults served without I/O
     * @param majorFaults             page faults that needed I/O
     * @param voluntaryCtxSwitches    the process gave up the CPU (blocked, e.g. in msgrcv)
     * @param involuntaryCtxSwitches  the scheduler took the CPU away
     */
    public record Usage(
            long userMicros,
            long sysMicros,
            long minorFaults,
            long majorFaults,
            long voluntaryCtxSwitches,
            long involuntaryCtxSwitches) {
        /** This minus an earlier reading. */
        public Usage minus(Usage earlier) {
            return new Usage(
                    userMicros - earlier.userMicros,
                    sysMicros - earlier.sysMicros,
                    minorFaults - earlier.minorFaults,
                    majorFaults - earlier.majorFaults,
                    voluntaryCtxSwitches - earlier.voluntaryCtxSwitches,
                    involuntaryCtxSwitches - earlier.involuntaryCtxSwitches);
        }
    }

    private static final class GetRusage {
        static final MethodHandle H = Native.withErrno("getrusage", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
    }

    /** getrusage(RUSAGE_SELF): the whole process, all threads. */
    public static Usage self() {
        return of(RUSAGE_SELF);
    }

    /** getrusage(RUSAGE_THREAD): the calling thread only. */
    public static Usage thread() {
        return of(RUSAGE_THREAD);
    }

    private static Usage of(int who) {
        Native.PerThread t = Syscalls.count(Syscalls.GETRUSAGE);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ru = arena.allocate(Structs.RUSAGE);
            int rc = (int) GetRusage.H.invokeExact(t.capture, who, ru);
            if (rc == -1) {
                throw new IpcException("getrusage", "who=" + who, Native.errno(t.capture));
            }
            var l = Structs.RUSAGE;
            long user = Structs.getLong(ru, l, "ru_utime", "tv_sec") * 1_000_000
                    + Structs.getLong(ru, l, "ru_utime", "tv_usec");
            long sys = Structs.getLong(ru, l, "ru_stime", "tv_sec") * 1_000_000
                    + Structs.getLong(ru, l, "ru_stime", "tv_usec");
            return new Usage(
                    user,
                    sys,
                    Structs.getLong(ru, l, "ru_minflt"),
                    Structs.getLong(ru, l, "ru_majflt"),
                    Structs.getLong(ru, l, "ru_nvcsw"),
                    Structs.getLong(ru, l, "ru_nivcsw"));
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
    }
}
