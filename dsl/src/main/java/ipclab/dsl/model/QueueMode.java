package ipclab.dsl.model;

/** msgsnd/msgrcv block, or use IPC_NOWAIT and retry with back-off (EAGAIN/ENOMSG counted). YAML spelling: {@link Names#yaml}. */
public enum QueueMode {
    BLOCKING,
    NOWAIT
}
