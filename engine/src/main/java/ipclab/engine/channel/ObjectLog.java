package ipclab.engine.channel;

/**
 * Told of every kernel object or file the supervisor creates, so that the run registry can remove
 * it after any crash. A System V object is announced before the call that makes it
 * ({@link #intent}: kind and the fresh key it will be made with, IPC_EXCL), then confirmed with
 * what identifies it ({@link #created(ObjectKind, int, int, long, long)}); a file is logged before
 * it is made. A log whose write fails throws, and the object is then not made.
 */
public interface ObjectLog {
    /** @param kind for a file, id is -1 and path names it */
    void created(ObjectKind kind, int id, int key, String path);

    /** The object is gone (removed by the supervisor, or found gone). */
    void removed(ObjectKind kind, int id, String path);

    /**
     * A System V object of this kind is about to be made with this key; {@code notBefore} (s since
     * the epoch) is no later than its ctime will be. Durable when this returns.
     */
    default void intent(ObjectKind kind, int key, long notBefore) {}

    /** The object announced by {@link #intent} exists: its id, its ctime and (shm) creator pid from IPC_STAT. */
    default void created(ObjectKind kind, int id, int key, long ctime, long cpid) {
        created(kind, id, key, null);
    }

    /** The object announced by {@link #intent} was not made (the get call failed, e.g. EEXIST for a taken key). */
    default void abandoned(ObjectKind kind, int key) {}

    /**
     * The segment was marked IPC_RMID and goes at its last detach: it stays in the log (still
     * listed by the kernel, with key 0, until then) so that {@code ipclab ipcs --mine} knows it.
     */
    default void markedForRemoval(ObjectKind kind, int id) {}
}
