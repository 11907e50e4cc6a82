package ipclab.engine.inspect;

import ipclab.engine.sys.SysvMsgQueue;
import ipclab.engine.sys.SysvSemaphore;
import ipclab.engine.sys.SysvShm;
import java.util.Locale;

/**
 * One System V IPC object as the kernel lists it in {@code /proc/sysvipc/{shm,msg,sem}}.
 * Fields that do not apply to the object's kind hold {@code -1}.
 *
 * @param kind   shared memory segment, message queue or semaphore set
 * @param key    the IPC key ({@code 0} is IPC_PRIVATE, also shown by a segment marked for removal)
 * @param id     shmid, msqid or semid
 * @param mode   the full {@code perms} field: permission bits plus, for shm, SHM_DEST and SHM_LOCKED
 * @param uid    owner
 * @param gid    owner's group
 * @param cuid   creator
 * @param cgid   creator's group
 * @param bytes  shm: segment size; msg: bytes now queued (cbytes); sem: -1
 * @param messages msg: messages now queued (qnum); else -1
 * @param nsems  sem: semaphores in the set; else -1
 * @param nattch shm: processes attached; else -1
 * @param cpid   shm: creator pid; else -1
 * @param lpid   shm: pid of the last shmat/shmdt; else -1
 * @param lspid  msg: pid of the last msgsnd; else -1
 * @param lrpid  msg: pid of the last msgrcv; else -1
 * @param ctime  creation or last change (IPC_SET, SETVAL), seconds since the epoch
 */
public record SysvObject(
        Kind kind,
        int key,
        int id,
        int mode,
        int uid,
        int gid,
        int cuid,
        int cgid,
        long bytes,
        long messages,
        int nsems,
        long nattch,
        int cpid,
        int lpid,
        int lspid,
        int lrpid,
        long ctime) {

    /** SHM_DEST: the segment is marked for removal and goes when the last process detaches. */
    public static final int SHM_DEST = 01000;
    /** SHM_LOCKED: the segment is locked in memory (shmctl SHM_LOCK). */
    public static final int SHM_LOCKED = 02000;

    /** The three System V facilities, named as in {@code /proc/sysvipc}. */
    public enum Kind {
        SHM("shmid"),
        MSG("msqid"),
        SEM("semid");

        private final String idColumn;

        Kind(String idColumn) {
            this.idColumn = idColumn;
        }

        /** {@code shm}, {@code msg} or {@code sem}: the file name under /proc/sysvipc and the kind's short name. */
        public String procName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The header column holding the object's id. */
        public String idColumn() {
            return idColumn;
        }

        /** Removes the object of this kind with that id (IPC_RMID); throws IpcException (naming the call and errno) if the kernel refuses. */
        public void remove(int id) {
            switch (this) {
                case SHM -> SysvShm.remove(id);
                case MSG -> SysvMsgQueue.remove(id);
                case SEM -> SysvSemaphore.remove(id);
            }
        }

        /** The kind for a short name (shm, msg, sem). */
        public static Kind of(String procName) {
            for (Kind k : values()) if (k.procName().equals(procName)) return k;
            throw new IllegalArgumentException("kind=" + procName + " is not one of shm, msg, sem");
        }
    }

    /** The permission bits alone (the low nine bits of {@link #mode}). */
    public int permissions() {
        return mode & 0777;
    }

    /** The key as ipcs prints it: {@code 0x0001e240}. */
    public String keyHex() {
        return String.format("0x%08x", key);
    }

    /** The permission bits in octal, as ipcs prints them: {@code 600}. */
    public String modeOctal() {
        return Integer.toOctalString(permissions());
    }

    /** shm only: marked for removal (IPC_RMID done, still attached). */
    public boolean markedForRemoval() {
        return kind == Kind.SHM && (mode & SHM_DEST) != 0;
    }

    /** shm only: locked in memory. */
    public boolean locked() {
        return kind == Kind.SHM && (mode & SHM_LOCKED) != 0;
    }
}
