package ipclab.engine.channel;

import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.StepNumber;
import ipclab.engine.protocol.StepOp;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/** What ports tell the step gate about a message; nothing is read in a free run. */
public final class Steps {
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle().withInvokeExactBehavior();

    private Steps() {}

    /**
     * Adds one to the long at {@code at} without synchronisation: a load and a store, each its
     * own step, so that a schedule can put another process's load between them (the lost update
     * the notes warn of). Opaque accesses: the JIT neither hoists nor merges them, and they add no
     * fence. Returns the value loaded.
     */
    public static long unsyncedIncrement(
            StepGate gate, String channel, StepOp load, StepOp store, MemorySegment seg, long at) {
        gate.before(load, channel);
        long v = (long) LONG.getOpaque(seg, at);
        gate.number(StepNumber.VALUE, v);
        gate.before(store, channel);
        LONG.setOpaque(seg, at, v + 1);
        gate.number(StepNumber.VALUE, v + 1);
        return v;
    }

    /** The message with its header at {@code at}: writer and seq from the header, and its size. */
    public static void message(StepGate gate, MemorySegment s, long at, long size) {
        if (!gate.stepped() || size < MessageHeader.BYTES) return;
        gate.message(MessageHeader.writer(s, at), MessageHeader.seq(s, at), size);
    }
}
