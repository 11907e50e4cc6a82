package ipclab.engine.protocol;

import java.util.Locale;

/**
 * The numeric facts of one stepped operation, in the order they are written (in
 * {@link StepOutcome#toString()}, on the wire, in traces). A port states one with
 * {@link StepGate#number}; what it does not state stays {@link StepOutcome#NONE}.
 */
public enum StepNumber {
    /**
     * The value loaded, stored or added to (counter, cursor, semaphore token), or the bytes moved; a
     * msgrcv that found only other receivers' end markers: how many it looked past.
     */
    VALUE,
    /** The writer index in the message's header (sent or received). */
    WRITER,
    /** The sequence in the message's header (warm-up and end flags included). */
    SEQ,
    /** msgq: the message type sent, or the selector received with. */
    MTYPE,
    /** The message's size in bytes. */
    SIZE,
    /** Rings: the cursor position of the slot. */
    SLOT;

    private final String wire = name().toLowerCase(Locale.ROOT);

    /** The field's name on the wire and in traces: {@code mtype}. */
    public String wireName() {
        return wire;
    }
}
