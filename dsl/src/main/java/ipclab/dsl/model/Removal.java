package ipclab.dsl.model;

/**
 * When the supervisor marks an shm channel's segment for removal (IPC_RMID). YAML spelling:
 * {@link Names#yaml}. after-attach: as soon as every worker attached, so the kernel frees it at
 * the last detach even after a crash (key turns to 0); at-end: once every worker exited, so the
 * segment keeps its key (and is listed by 'ipcs') for the whole run; never: not at all, as a C
 * program that forgets shmctl(IPC_RMID): the segment (and its semaphore set) outlive the run, and 'ipclab clean' removes them.
 */
public enum Removal {
    NEVER,
    AFTER_ATTACH,
    AT_END
}
