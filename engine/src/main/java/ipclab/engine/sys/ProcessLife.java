package ipclab.engine.sys;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * A process's tie to its parent: prctl(PR_SET_PDEATHSIG) (man 2 prctl) and getppid (man 2
 * getppid); and the mode of what it creates, umask (man 2 umask). Setup calls made once per
 * process, before any measurement: not counted in {@link Syscalls}, whose figures are per message.
 */
public final class ProcessLife {
    private ProcessLife() {}

    static final int PR_SET_PDEATHSIG = 1;
    public static final int SIGKILL = 9;

    private static final class Prctl {
        static final MethodHandle H =
                Native.withErrnoVariadic("prctl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG), 1);
    }

    private static final class Umask {
        static final MethodHandle H = Native.plain("umask", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    }

    private static final class GetPpid {
        static final MethodHandle H = Native.plain("getppid", FunctionDescriptor.of(JAVA_INT));
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
     * umask(mask): the permission bits that files, directories, FIFOs and sockets this process (and
     * the children it starts from now on) creates will not have. umask cannot fail.
     *
     * @return the mask before
     */
    public static int umask(int mask) {
        try {
            return (int) Umask.H.invokeExact(mask);
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
    }
}
