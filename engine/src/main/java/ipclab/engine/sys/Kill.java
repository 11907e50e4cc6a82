package ipclab.engine.sys;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;

/**
 * kill(2): the signals a fault sends. SIGKILL ends a process with no clean-up of its own (no
 * shmdt, no semop to give back what it held: only what the kernel undoes, SEM_UNDO adjustments and
 * attachments); SIGSTOP freezes it holding whatever it held; SIGCONT lets it go on.
 * See <a href="https://man7.org/linux/man-pages/man2/kill.2.html">kill(2)</a>.
 */
public final class Kill {
    private Kill() {}

    public static final int SIGKILL = 9;
    public static final int SIGCONT = 18;
    public static final int SIGSTOP = 19;

    private static final class H {
        static final MethodHandle KILL = Native.withErrno("kill", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    }

    /** Sends {@code signal} to {@code pid}; ESRCH (no such process) and EPERM are thrown as {@link IpcException}. */
    public static void kill(long pid, int signal) {
        if (pid <= 0)
            throw new IllegalArgumentException("kill: pid=" + pid + " must be positive (0 and -1 would signal groups)");
        Native.PerThread t = Syscalls.count(Syscalls.KILL);
        int rc;
        try {
            rc = (int) H.KILL.invokeExact(t.capture, (int) pid, signal);
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
        if (rc == -1) throw new IpcException("kill", "pid=" + pid + ", sig=" + signal, Native.errno(t.capture));
    }
}
