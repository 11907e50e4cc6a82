package ipclab.dsl.model;

/** Several readers of one shm ring: share the messages (each read once) or each see every message. YAML spelling: {@link Names#yaml}. */
public enum Fanout {
    SHARED,
    BROADCAST
}
