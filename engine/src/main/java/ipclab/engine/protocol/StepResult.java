package ipclab.engine.protocol;

import java.util.Locale;

/** What one stepped operation came to. The wire name is the lower-case name with dashes. */
public enum StepResult {
    /** It did what it set out to do (a message sent or taken, a value loaded or stored). */
    OK(false),
    /**
     * A blocking call tried without blocking would have slept (EAGAIN, ENOMSG): the process is
     * blocked on this operation until another process acts on the same channel.
     */
    WOULD_BLOCK(true),
    /** {@code mode: nowait}: the call failed with EAGAIN (full) or ENOMSG (empty) as the scenario asked. */
    EAGAIN(true),
    /** A ring slot held nothing new: a spinning reader's empty poll. */
    EMPTY(true),
    /** A spin lock's CAS found it held. */
    LOCKED(true),
    /** The step did not get what it tried for and will not retry it (a semop that lost the end token). */
    DECLINED(false),
    /**
     * A receiver took an end marker addressed to another receiver and put it back in the same
     * step: nothing for it yet, so it waits (blocked) until another process acts on the channel.
     * Were it left enabled, a scheduler that always prefers it (PCT) would take the marker back
     * forever and its addressee would never move.
     */
    PASSED_ON(true),
    /** The receiver saw the end of the stream. */
    END_OF_STREAM(false),
    /** The object was removed under it (EIDRM). */
    EIDRM(false),
    /** An unreliable transport refused the message (UDP: ECONNREFUSED), so it is lost. */
    REFUSED(false),
    /** The operation failed; the worker reports the error and exits. */
    ERROR(false);

    private final boolean blocks;
    private final String wire = name().toLowerCase(Locale.ROOT).replace('_', '-');

    StepResult(boolean blocks) {
        this.blocks = blocks;
    }

    /** True when retrying the same operation is pointless until another process acts on the channel. */
    public boolean blocks() {
        return blocks;
    }

    public String wireName() {
        return wire;
    }

    public static StepResult ofWire(String s) {
        for (StepResult r : values()) if (r.wire.equals(s)) return r;
        throw new IllegalArgumentException("unknown step result " + s);
    }

    @Override
    public String toString() {
        return wire;
    }
}
