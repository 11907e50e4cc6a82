package ipclab.engine.sys;

import java.io.Serializable;

/**
 * The facts of a failed system call, as an {@link IpcException} carries them (serializable, as
 * the exception is).
 *
 * @param call      the C function, e.g. {@code msgsnd}
 * @param arguments the arguments as {@code name=value, ...}
 * @param errno     the errno value the call left, e.g. 11
 */
public record SyscallFailure(String call, String arguments, int errno) implements Serializable {
    /** The errno symbol, e.g. {@code EAGAIN}. */
    public String errnoName() {
        return Errno.name(errno);
    }

    /** {@code shmat(shmid=42, flags=0) failed: EACCES (Permission denied)}. */
    @Override
    public String toString() {
        return call + "(" + arguments + ") failed: " + Errno.name(errno) + " (" + Errno.describe(errno) + ")";
    }
}
