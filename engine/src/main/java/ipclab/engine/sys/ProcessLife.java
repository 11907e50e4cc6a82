package ipclab.engine.sys;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * A process's ties to its parent and its IPC namespace: prctl(PR_SET_PDEATHSIG) (man 2 prctl),
 * getppid (man 2 getppid) and unshare(CLONE_NEWIPC) (man 2 unshare). Setup calls made once per
 * process, before any measurement: not counted in {@link Syscalls}, whose figures are per message.
 */
public final class ProcessLife {
    private ProcessLife() {}

    static final int PR_SET_PDEATHSIG = 1;
    /** unshare flag: a new System V IPC namespace (sched.h). */
    public static final int CLONE_NEWIPC = 0x08000000;
    public static final int SIGKILL = 9;

    private static final class Prctl {
        static final MethodHandle H = Native.withErrnoVariadic("prctl",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG), 1);
    }

    private static final class GetPpid {
        static final MethodHandle H = Native.plain("getppid", FunctionDescriptor.of(JAVA_INT));
    }

    private static final class Unshare {
        static final MethodHandle H = Native.withErrno("unshare", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    }

    /**
     * prctl(PR_SET_PDEATHSIG, sig): the kernel sends sig to this process when the thread that
     * created it exits (so the supervisor spawns its workers from one thread that lives as long
     * as it does). Checked with {@link #parentPid()} afterwards: a parent that died before the
     * call left this process to init already.
     */
    public static void dieWithParent(int sig) {
        MemorySegment capture = Native.state().capture;
        int rc;
        try {
            rc = (int) Prctl.H.invokeExact(capture, PR_SET_PDEATHSIG, (long) sig);
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
        if (rc == -1) throw new IpcException("prctl", "option=PR_SET_PDEATHSIG, sig=" + sig, Native.errno(capture));
    }

    /** getppid(): the parent's pid (1, or a subreaper's, once the parent is gone). */
    public static int parentPid() {
        try {
            return (int) GetPpid.H.invokeExact();
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
    }

    /**
     * unshare(CLONE_NEWIPC) for the calling thread: from now on the thread (and processes it
     * starts) sees a System V IPC namespace of its own, empty. Needs CAP_SYS_ADMIN in the current
     * user namespace: EPERM otherwise.
     */
    public static void unshareIpc() {
        MemorySegment capture = Native.state().capture;
        int rc;
        try {
            rc = (int) Unshare.H.invokeExact(capture, CLONE_NEWIPC);
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
        if (rc == -1) throw new IpcException("unshare", "flags=CLONE_NEWIPC", Native.errno(capture));
    }
}
