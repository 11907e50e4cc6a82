package ipclab.engine.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/**
 * System V IPC constants shared by the three facilities ({@code <sys/ipc.h>}, {@code <sys/msg.h>},
 * {@code <sys/sem.h>}, {@code <sys/shm.h>}, x86-64), {@code ftok}, and the flag renderings used in
 * error messages.
 */
public final class Ipc {
    private Ipc() {}

    /** The key that always makes a new object. */
    public static final int IPC_PRIVATE = 0;

    public static final int IPC_CREAT = 01000, IPC_EXCL = 02000, IPC_NOWAIT = 04000;
    public static final int IPC_RMID = 0, IPC_SET = 1, IPC_STAT = 2, IPC_INFO = 3;
    public static final int MSG_NOERROR = 010000, MSG_EXCEPT = 020000;
    /**
     * msgrcv: copy the message at index {@code msgtyp} (0-based) without taking it off the queue.
     * Needs IPC_NOWAIT, and a kernel built with CONFIG_CHECKPOINT_RESTORE (ENOSYS otherwise).
     */
    public static final int MSG_COPY = 040000;

    public static final int SEM_UNDO = 0x1000;
    public static final int GETPID = 11, GETVAL = 12, GETALL = 13, GETNCNT = 14, GETZCNT = 15, SETVAL = 16, SETALL = 17;

    public static final int SHM_RDONLY = 010000;
    /** In {@code shm_perm.mode}: the segment is marked for removal (IPC_RMID while attached). */
    public static final int SHM_DEST = 01000;

    private static final class Ftok {
        static final MethodHandle H = Native.withErrno("ftok", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    }

    /**
     * A key from an existing file and a project id (glibc stats the file: counted as {@code newfstatat}).
     *
     * @throws IpcException ENOENT when the file does not exist
     */
    public static int ftok(Path path, int projId) {
        Native.PerThread t = Syscalls.count(Syscalls.NEWFSTATAT);
        int key;
        try (Arena arena = Arena.ofConfined()) {
            key = (int) Ftok.H.invokeExact(t.capture, Native.cString(arena, path), projId);
        } catch (Throwable e) {
            throw Native.unexpected(e);
        }
        if (key == -1) {
            throw new IpcException("ftok", "path=" + path + ", projId=" + projId, Native.errno(t.capture));
        }
        return key;
    }

    /** Flags of shmget/msgget/semget as text: {@code IPC_CREAT|IPC_EXCL|0600}. */
    public static String getFlags(int flags) {
        return render(flags, new int[] {IPC_CREAT, IPC_EXCL}, new String[] {"IPC_CREAT", "IPC_EXCL"});
    }

    /** Flags of msgsnd/msgrcv as text: {@code IPC_NOWAIT|MSG_NOERROR}, or {@code 0}. */
    public static String msgFlags(int flags) {
        return render(flags, new int[] {IPC_NOWAIT, MSG_NOERROR, MSG_EXCEPT, MSG_COPY}, new String[] {
            "IPC_NOWAIT", "MSG_NOERROR", "MSG_EXCEPT", "MSG_COPY"
        });
    }

    /** Flags of one semop operation as text: {@code IPC_NOWAIT|SEM_UNDO}, or {@code 0}. */
    public static String semFlags(int flags) {
        return render(flags, new int[] {IPC_NOWAIT, SEM_UNDO}, new String[] {"IPC_NOWAIT", "SEM_UNDO"});
    }

    /** Flags of shmat as text: {@code SHM_RDONLY}, or {@code 0}. */
    public static String shmatFlags(int flags) {
        return render(flags, new int[] {SHM_RDONLY}, new String[] {"SHM_RDONLY"});
    }

    /** A key as ipcs prints it: {@code 0x0000002a}. */
    public static String keyHex(int key) {
        return String.format("0x%08x", key);
    }

    static String render(int flags, int[] bits, String[] names) {
        StringBuilder sb = new StringBuilder();
        int rest = flags;
        for (int i = 0; i < bits.length; i++) {
            if ((flags & bits[i]) != 0) {
                if (!sb.isEmpty()) {
                    sb.append('|');
                }
                sb.append(names[i]);
                rest &= ~bits[i];
            }
        }
        if (rest != 0) {
            if (!sb.isEmpty()) {
                sb.append('|');
            }
            sb.append(String.format("0%o", rest));
        }
        return sb.isEmpty() ? "0" : sb.toString();
    }
}
