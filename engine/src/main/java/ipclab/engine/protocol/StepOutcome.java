package ipclab.engine.protocol;

/**
 * One stepped operation and what it came to, as the worker reports it after a grant. Fields
 * that do not apply are {@link #NONE}; nothing here depends on the clock, so the same schedule
 * gives the same outcomes.
 *
 * @param op      what was done
 * @param channel the channel it was done on
 * @param result  what it came to
 * @param value   the value loaded, stored or added to (counter, cursor, semaphore token), or the bytes moved
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
        field(b, "value", value);
        field(b, "writer", writer);
        field(b, "seq", seq);
        field(b, "mtype", mtype);
        field(b, "size", size);
        field(b, "slot", slot);
        return b.toString();
    }

    private static void field(StringBuilder b, String name, long v) {
        if (v != NONE) b.append(' ').append(name).append('=').append(v);
    }
}
