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
 */
public record Problem(String path, boolean atKey, String message, boolean missingPartner) {
    public Problem(String path, boolean atKey, String message) { this(path, atKey, message, false); }

    public static Problem value(String path, String message) { return new Problem(path, false, message); }

    public static Problem key(String path, String message) { return new Problem(path, true, message); }

    /** A channel without a partner process (see {@link #missingPartner()}). */
    public static Problem partner(String path, String message) { return new Problem(path, true, message, true); }
}
