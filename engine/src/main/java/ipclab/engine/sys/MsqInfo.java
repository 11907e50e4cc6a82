package ipclab.engine.sys;

/**
 * A message queue as {@code msgctl(IPC_STAT)} reports it.
 *
 * @param key    the key it was made with (0 for IPC_PRIVATE)
 * @param uid    the owner's uid
 * @param mode   permission bits ({@code mode & 0777})
 * @param qnum   messages in the queue
 * @param qbytes the most bytes of text the queue holds (msgmnb unless changed with IPC_SET)
 * @param cbytes bytes of text in the queue now
 * @param lspid  pid of the last msgsnd
 * @param lrpid  pid of the last msgrcv
 * @param stime  last msgsnd, seconds since the epoch (0 = never)
 * @param rtime  last msgrcv, seconds since the epoch (0 = never)
 * @param ctime  creation or last change, seconds since the epoch
 */
public record MsqInfo(
        int key,
        int uid,
        int mode,
        long qnum,
        long qbytes,
        long cbytes,
        int lspid,
        int lrpid,
        long stime,
        long rtime,
        long ctime) {}
