package ipclab.engine.channel;

/**
 * An incrementer channel's outcome: the counter in shared memory after the run, the increments
 * the incrementers did, and the updates lost to races ({@code expected - finalValue}).
 */
public record CounterFigures(String channel, long finalValue, long expected, long lostUpdates) {
    public static CounterFigures of(String channel, long finalValue, long expected) {
        return new CounterFigures(channel, finalValue, expected, expected - finalValue);
    }
}
