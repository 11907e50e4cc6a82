package ipclab.dsl.plan;

/**
 * One thing wrong with a scenario, before it is given a file position: the dotted path of the
 * offending key or value and a message for the user.
 *
 * @param path    e.g. {@code processes.producer.size}, {@code expect[1]}, {@code sweep.channels.ring.sync[0]}
 * @param atKey   true to point at the key itself (a missing or misplaced key), false at its value
 * @param message what is wrong and what would be valid
 * @param missingPartner a channel lacks a writer, a reader or any process: often the consequence of
 *                       another error on a process, so left out when the reader reported one
 * @param limit   for a limit of this machine rather than a mistake (a message beyond msgmax), what a
 *                comparison's cell says instead of a figure: {@code not possible on this machine (msgmax = 8192)};
 *                null otherwise. A sweep skips a combination whose only problems are such limits.
 */
public record Problem(String path, boolean atKey, String message, boolean missingPartner, String limit) {
    public Problem(String path, boolean atKey, String message) {
        this(path, atKey, message, false, null);
    }

    public Problem(String path, boolean atKey, String message, boolean missingPartner) {
        this(path, atKey, message, missingPartner, null);
    }

    /** A limit of this machine at a value (see {@link #limit()}). */
    public static Problem limit(String path, String message, String limit) {
        return new Problem(path, false, message, false, limit);
    }

    public static Problem value(String path, String message) {
        return new Problem(path, false, message);
    }

    public static Problem key(String path, String message) {
        return new Problem(path, true, message);
    }

    /** A channel without a partner process (see {@link #missingPartner()}). */
    public static Problem partner(String path, String message) {
        return new Problem(path, true, message, true);
    }
}
