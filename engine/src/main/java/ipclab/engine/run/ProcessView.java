package ipclab.engine.run;

/**
 * A snapshot of one worker.
 *
 * @param op        step mode: the operation it waits to do (msgsnd, load, ...), or null
 * @param channel   the channel it uses
 * @param blockedIn the system call it is blocked in, or null
 * @param exitCode  null while it runs
 */
public record ProcessView(
        String name,
        String role,
        long pid,
        ProcessState state,
        String op,
        String channel,
        String blockedIn,
        Integer exitCode) {
    @Override
    public String toString() {
        return switch (state) {
            case WAITING_FOR_GRANT -> name + " waiting for a grant: " + op + "(" + channel + ")";
            case BLOCKED -> name + " blocked on " + op + "(" + channel + ")";
            case BLOCKED_IN_KERNEL -> name + " blocked in " + blockedIn + "(" + channel + ")";
            case EXITED -> name + " exited (" + exitCode + ")";
            default ->
                name + " " + state.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        };
    }
}
