package ipclab.engine.sys;

/**
 * A shared memory segment as {@code shmctl(IPC_STAT)} reports it.
 *
 * @param key              the key it was made with (0 for IPC_PRIVATE)
 * @param uid              the owner's uid
 * @param mode             permission bits only ({@code mode & 0777})
 * @param markedForRemoval {@code SHM_DEST}: IPC_RMID was called while attached; freed at the last detach
 * @param segsz            size in bytes as requested at shmget
 * @param cpid             the creator's pid
 * @param lpid             the pid of the last shmat/shmdt
 * @param nattch           current number of attaches
 * @param atime            last attach, seconds since the epoch (0 = never)
 * @param dtime            last detach, seconds since the epoch (0 = never)
 * @param ctime            creation or last change, seconds since the epoch
 */
public record ShmInfo(
        int key,
        int uid,
        int mode,
        boolean markedForRemoval,
        long segsz,
        int cpid,
        int lpid,
        long nattch,
        long atime,
        long dtime,
        long ctime) {}
