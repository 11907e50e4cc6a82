package ipclab.engine.channel;

import ipclab.engine.protocol.StepGate;
import java.lang.foreign.MemorySegment;

/** What ports tell the step gate about a message; nothing is read in a free run. */
public final class Steps {
    private Steps() {}

    /** The message with its header at {@code at}: writer and seq from the header, and its size. */
    public static void message(StepGate gate, MemorySegment s, long at, long size) {
        if (!gate.stepped() || size < MessageHeader.BYTES) return;
        gate.message(MessageHeader.writer(s, at), MessageHeader.seq(s, at), size);
    }
}
