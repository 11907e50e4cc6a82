package ipclab.dsl.verdict;

import ipclab.dsl.expect.ClaimSyntaxException;
import ipclab.dsl.expect.Operator;

/**
 * A claim about a whole comparison rather than one run. Three forms, each optionally limited to a
 * range of message sizes ({@code from 16KiB up}, {@code up to 4KiB}, {@code from 1KiB to 64KiB},
 * {@code at 64B}):
 *
 * <pre>
 * shm-sem beats msgq in throughput from 16KiB up         one system is better than another
 * msgq.syscallsPerMessage == 2                            a figure against a bound (== allows 1%)
 * shm-spin.latency &lt; 20us up to 4KiB
 * shm setup pays for itself after 10000 messages against msgq
 * </pre>
 *
 * Systems are the names of a comparison's mechanisms; figures are {@link Figure#names()}. Text
 * after {@code " #"} is a note for the report's reader ({@code compare-leak.leaks == 0  # why}):
 * not parsed, kept in {@link #text()}.
 * "Better" follows the figure: more throughput, less latency, fewer system calls. Setup pays for
 * itself after N messages when {@code setup + n * perMessage} of the system is no more than that
 * of the other system (every other system when {@code against} is left out) for some n &lt;= N.
 */
public sealed interface ComparativeClaim {
    /** The claim as written. */
    String text();

    SizeRange range();

    /** Parses a claim; the exception's column is 1-based in {@code text}. */
    static ComparativeClaim parse(String text) throws ClaimSyntaxException {
        return new ClaimReader(text).claim();
    }

    /** {@code winner beats loser in figure}. */
    record Beats(String text, String winner, String loser, Figure figure, SizeRange range)
            implements ComparativeClaim {}

    /** {@code system.figure OP value}. */
    record Bound(String text, String system, Figure figure, Operator op, double value, SizeRange range)
            implements ComparativeClaim {}

    /** {@code system setup pays for itself after N messages [against other]}; {@code against} null means every other system. */
    record Payback(String text, String system, long messages, String against, SizeRange range)
            implements ComparativeClaim {}

    /** {@code ==} and {@code !=} compare measured ratios, which are rarely exact: within this fraction counts as equal. */
    double EQUAL_TOLERANCE = 0.01;
}
