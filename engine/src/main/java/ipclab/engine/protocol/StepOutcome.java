package ipclab.engine.protocol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * One stepped operation and what it came to, as the worker reports it after a grant. Fields
 * that do not apply are {@link #NONE}; nothing here depends on the clock, so the same schedule
 * gives the same outcomes.
 *
 * @param op      what was done
 * @param channel the channel it was done on
 * @param result  what it came to
 * @param value   the value loaded, stored or added to (counter, cursor, semaphore token), or the bytes moved;
 *                a msgrcv that found only other receivers' end markers: how many it looked past
 * @param writer  the writer index in the message's header (sent or received), or NONE
 * @param seq     the sequence in the message's header (warm-up and end flags included), or NONE
 * @param mtype   msgq: the message type sent, or the selector received with
 * @param size    the message's size in bytes, or NONE
 * @param slot    rings: the cursor position of the slot, or NONE
 */
public record StepOutcome(
        StepOp op,
        String channel,
        StepResult result,
        long value,
        long writer,
        long seq,
        long mtype,
        long size,
        long slot) {
    /** A field that does not apply. */
    public static final long NONE = Long.MIN_VALUE;

    public StepOutcome {
        java.util.Objects.requireNonNull(op, "op");
        java.util.Objects.requireNonNull(channel, "channel");
        java.util.Objects.requireNonNull(result, "result");
    }

    /** An outcome with only op, channel and result. */
    public static StepOutcome of(StepOp op, String channel, StepResult result) {
        return new StepOutcome(op, channel, result, NONE, NONE, NONE, NONE, NONE, NONE);
    }

    /** {@code msgrcv(q) ok writer=1 seq=3 size=64 mtype=1}: the fields that apply. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder()
                .append(op)
                .append('(')
                .append(channel)
                .append(") ")
                .append(result);
        numbers().forEach((name, v) -> b.append(' ').append(name).append('=').append(v));
        return b.toString();
    }

    /** The names of the numeric fields, in the order they are written (in toString, on the wire, in traces). */
    public static final List<String> NUMBERS = List.of("value", "writer", "seq", "mtype", "size", "slot");

    /** The numeric fields that apply (not {@link #NONE}), by name, in the order of {@link #NUMBERS}. */
    public Map<String, Long> numbers() {
        long[] v = {value, writer, seq, mtype, size, slot};
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < v.length; i++) if (v[i] != NONE) m.put(NUMBERS.get(i), v[i]);
        return m;
    }

    /** An outcome read back: each numeric field from {@code number} by its name ({@link #NONE} when absent). */
    public static StepOutcome read(StepOp op, String channel, StepResult result, ToLongFunction<String> number) {
        long[] v = new long[NUMBERS.size()];
        for (int i = 0; i < v.length; i++) v[i] = number.applyAsLong(NUMBERS.get(i));
        return new StepOutcome(op, channel, result, v[0], v[1], v[2], v[3], v[4], v[5]);
    }
}
