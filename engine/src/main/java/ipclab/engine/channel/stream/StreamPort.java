package ipclab.engine.channel.stream;

import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.StepOp;
import ipclab.engine.sys.Pipes;
import java.lang.foreign.MemorySegment;

/**
 * What both ends of a byte stream hold: the descriptor (a stream socket or a FIFO), the step gate
 * and channel name, the step operation they announce, the message buffer, and the FIFO's
 * O_NONBLOCK mode, set for a stepped run and cleared again if the run goes free.
 */
abstract class StreamPort {
    final int fd;
    final boolean socket;
    final StepGate gate;
    final String channel;
    final StepOp op;
    final MemorySegment buf;
    /** The FIFO is O_NONBLOCK (set for a stepped run, cleared again if the run goes free). */
    private boolean nonBlocking;

    StreamPort(int fd, boolean socket, StepOp op, MemorySegment buf, StepGate gate, String channel) {
        this.fd = fd;
        this.socket = socket;
        this.gate = gate;
        this.channel = channel;
        this.op = op;
        this.buf = buf;
        if (!socket && gate.stepped()) {
            Pipes.setNonBlocking(fd, true);
            nonBlocking = true;
        }
    }

    public MemorySegment buffer() {
        return buf;
    }

    /** The run goes free: a stepped FIFO blocks again. */
    final void blocking() {
        if (nonBlocking) {
            Pipes.setNonBlocking(fd, false);
            nonBlocking = false;
        }
    }
}
