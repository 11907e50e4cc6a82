package ipclab.dsl.model;

/** How processes sharing memory coordinate: not at all (races are counted), System V semaphores, spinning on sequence numbers with acquire/release, or atomic read-modify-write (incrementers). YAML spelling: {@link Names#yaml}. */
public enum Sync {
    NONE,
    SEMAPHORE,
    SPIN,
    ATOMIC
}
