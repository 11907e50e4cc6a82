package ipclab.engine.protocol;

import java.util.LinkedHashMap;
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
 * @param value   {@link StepNumber#VALUE}
 * @param writer  {@link StepNumber#WRITER}
 * @param seq     {@link StepNumber#SEQ}
 * @param mtype   {@link StepNumber#MTYPE}
 * @param size    {@link StepNumber#SIZE}
 * @param slot    {@link StepNumber#SLOT}
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

    /** An outcome with its numeric fields indexed by {@link StepNumber#ordinal()}. */
    public static StepOutcome of(StepOp op, String channel, StepResult result, long[] v) {
        return new StepOutcome(op, channel, result, v[0], v[1], v[2], v[3], v[4], v[5]);
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

    /** The numeric fields that apply (not {@link #NONE}), by wire name, in the order of {@link StepNumber}. */
    public Map<String, Long> numbers() {
        long[] v = {value, writer, seq, mtype, size, slot};
        Map<String, Long> m = new LinkedHashMap<>();
        for (StepNumber n : StepNumber.values()) if (v[n.ordinal()] != NONE) m.put(n.wireName(), v[n.ordinal()]);
        return m;
    }

    /** An outcome read back: each numeric field from {@code number} by its wire name ({@link #NONE} when absent). */
    public static StepOutcome read(StepOp op, String channel, StepResult result, ToLongFunction<String> number) {
        long[] v = new long[StepNumber.values().length];
        for (StepNumber n : StepNumber.values()) v[n.ordinal()] = number.applyAsLong(n.wireName());
        return of(op, channel, result, v);
    }
}
