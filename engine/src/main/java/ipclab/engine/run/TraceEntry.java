package ipclab.engine.run;

/**
 * One grant of a stepped run: the n-th step went to {@code process}, which then did {@code op} on
 * {@code channel}. The list of these is the schedule a replay reproduces.
 *
 * @param atNanos ns after the start barrier opened
 */
public record TraceEntry(int seq, String process, String op, String channel, long atNanos) {}
