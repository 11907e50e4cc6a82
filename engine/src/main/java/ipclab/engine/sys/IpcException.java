package ipclab.engine.sys;

/**
 * A system call failed. The one exception type of this package: its {@link SyscallFailure} names
 * the call, the errno and the arguments, and its message adds glibc's description, e.g.
 * {@code shmat(shmid=42, flags=0) failed: EACCES (Permission denied)}.
 *
 * <p>Expected conditions on hot paths (EAGAIN, ENOMSG) are not raised as exceptions: the
 * {@code try...} variants return {@code -errno} instead.
 */
public final class IpcException extends RuntimeException {
    private final SyscallFailure failure;

    /**
     * @param call      the C function, e.g. {@code msgsnd}
     * @param arguments the arguments as {@code name=value, ...}
     * @param errno     the errno value the call left
     */
    public IpcException(String call, String arguments, int errno) {
        this(new SyscallFailure(call, arguments, errno));
    }

    private IpcException(SyscallFailure failure) {
        super(failure.toString());
        this.failure = failure;
    }

    /** What failed: the call, its arguments and errno. */
    public SyscallFailure failure() {
        return failure;
    }
}
