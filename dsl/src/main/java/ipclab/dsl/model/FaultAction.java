package ipclab.dsl.model;

/**
 * What a fault does. To a process: {@code kill} (SIGKILL), {@code stop} (SIGSTOP), {@code cont}
 * (SIGCONT), {@code delay} (each of its operations held for {@code for}). To a channel:
 * {@code remove} (IPC_RMID of its kernel object while in use: the others see EIDRM) and
 * {@code fill} (the queue filled to its capacity).
 */
public enum FaultAction {
    KILL,
    STOP,
    CONT,
    DELAY,
    REMOVE,
    FILL;

    /** True for the actions that act on a channel rather than a process. */
    public boolean onChannel() {
        return this == REMOVE || this == FILL;
    }
}
