package ipclab.engine.sys;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;

/**
 * The process's identity: getpid, getuid, setuid, setgid. Dropping privileges (setgid then setuid
 * to an unprivileged id) is irreversible and applies to every thread (glibc signals each thread
 * to make the call), so do it only in a process made for it.
 */
public final class Credentials {
    private Credentials() {}

    /** The uid of "nobody" on Debian, for dropping root in a child process. */
    public static final int NOBODY = 65534;

    private static final class GetUid {
        static final MethodHandle H = Native.plain("getuid", FunctionDescriptor.of(JAVA_INT));
    }

    private static final class GetPid {
        static final MethodHandle H = Native.plain("getpid", FunctionDescriptor.of(JAVA_INT));
    }

    private static final class SetUid {
        static final MethodHandle H = Native.withErrno("setuid", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    }

    private static final class SetGid {
        static final MethodHandle H = Native.withErrno("setgid", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    }

    /** The real uid (0 = root, whom IPC permission checks do not stop). */
    public static int getuid() {
        Syscalls.count(Syscalls.GETUID);
        try {
            return (int) GetUid.H.invokeExact();
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
    }

    /** This process's pid, as the kernel sees it (msg_lspid, shm_cpid...). */
    public static int getpid() {
        Syscalls.count(Syscalls.GETPID);
        try {
            return (int) GetPid.H.invokeExact();
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
    }

    /** setuid(2). */
    public static void setuid(int uid) {
        idCall(SetUid.H, Syscalls.SETUID, "setuid", "uid=" + uid, uid);
    }

    /** setgid(2); call before {@link #setuid} when dropping root. */
    public static void setgid(int gid) {
        idCall(SetGid.H, Syscalls.SETGID, "setgid", "gid=" + gid, gid);
    }

    private static void idCall(MethodHandle h, int counter, String call, String args, int id) {
        Native.PerThread t = Syscalls.count(counter);
        int rc;
        try {
            rc = (int) h.invokeExact(t.capture, id);
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
        if (rc == -1) {
            throw new IpcException(call, args, Native.errno(t.capture));
        }
    }
}
