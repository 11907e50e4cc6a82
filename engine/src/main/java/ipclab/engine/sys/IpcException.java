package ipclab.engine.sys;

/**
 * A system call failed. The one exception type of this package: it names the call, the errno
 * symbol, glibc's description and the arguments, e.g.
 * {@code shmat(shmid=42, flags=0) failed: EACCES (Permission denied)}.
 *
 * <p>Expected conditions on hot paths (EAGAIN, ENOMSG) are not raised as exceptions: the
 * {@code try...} variants return {@code -errno} instead.
 */
public final class IpcException extends RuntimeException {
    private final String call;
    private final int errno;

    /**
     * @param call      the C function, e.g. {@code msgsnd}
     * @param arguments the arguments as {@code name=value, ...}
     * @param errno     the errno value the call left
     */
    public IpcException(String call, String arguments, int errno) {
        super(call + "(" + arguments + ") failed: " + Errno.name(errno) + " (" + Errno.describe(errno) + ")");
        this.call = call;
        this.errno = errno;
    }

    /** The C function that failed, e.g. {@code msgrcv}. */
    public String call() {
        return call;
    }

    /** The errno value, e.g. 11. */
    public int errno() {
        return errno;
    }

    /** The errno symbol, e.g. {@code EAGAIN}. */
    public String errnoName() {
        return Errno.name(errno);
    }
}
