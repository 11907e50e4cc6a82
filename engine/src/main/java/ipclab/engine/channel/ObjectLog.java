package ipclab.engine.channel;

/**
 * Told of every kernel object or file the supervisor creates, before anything else happens to
 * it, so that the run registry can remove it after any crash.
 */
public interface ObjectLog {
    /** @param kind for a file, id is -1 and path names it */
    void created(ObjectKind kind, int id, int key, String path);

    /** The object is gone (removed by the supervisor). */
    void removed(ObjectKind kind, int id, String path);

    /**
     * The segment was marked IPC_RMID and goes at its last detach: it stays in the log (still
     * listed by the kernel, with key 0, until then) so that {@code ipclab ipcs --mine} knows it.
     */
    default void markedForRemoval(ObjectKind kind, int id) {}
}
