package ipclab.engine.run;

import ipclab.dsl.model.ChannelType;
import ipclab.dsl.model.Role;
import ipclab.dsl.plan.PlannedChannel;
import ipclab.dsl.plan.PlannedProcess;
import ipclab.engine.channel.MessageHeader;
import ipclab.engine.channel.ObjectLog;
import ipclab.engine.channel.Topology;
import ipclab.engine.channel.msgq.MsgqSender;
import ipclab.engine.protocol.ChannelHandle;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.sys.Errno;
import ipclab.engine.sys.Ipc;
import ipclab.engine.sys.MsgBuf;
import ipclab.engine.sys.SysvMsgQueue;
import ipclab.engine.sys.SysvSemaphore;
import java.lang.foreign.Arena;
import java.util.List;

/** What the supervisor does to a real channel for a fault: remove its object in use, fill its queue, end a killed sender's stream. */
final class ChannelFaults {
    private ChannelFaults() {}

    /** The byte a filling message is made of: no checksum matches it, and its sequence is no end marker. */
    private static final byte FILLER = (byte) 0xA5;
    /** The type of filling messages: what a reader selecting any type (0) or type 1 takes. */
    private static final long FILL_TYPE = 1;

    static String removeInUse(ChannelHandle h, ObjectLog log) {
        if (h.type() == ChannelType.MSGQ && h.msqId() >= 0) {
            SysvMsgQueue.remove(h.msqId());
            log.removed("msg", h.msqId(), null);
            return "msgctl(" + h.msqId() + ", IPC_RMID): the queue is gone; calls on it fail with EIDRM (blocked) or EINVAL (new)";
        }
        if (h.type() == ChannelType.SHM && h.semId() >= 0) {
            SysvSemaphore.remove(h.semId());
            log.removed("sem", h.semId(), null);
            return "semctl(" + h.semId() + ", IPC_RMID): the ring's semaphore set is gone; semop on it fails with EIDRM (blocked) or EINVAL (new)";
        }
        throw new IllegalStateException("channel " + h.channel() + " has no System V object to remove while in use");
    }

    static String fill(ChannelHandle h, long maxMessage) {
        if (h.type() != ChannelType.MSGQ || h.msqId() < 0) throw new IllegalStateException("channel " + h.channel() + " is not a message queue");
        long messages = 0, bytes = 0;
        try (Arena arena = Arena.ofConfined()) {
            MsgBuf buf = MsgBuf.allocate(arena, maxMessage);
            buf.text().fill(FILLER);
            buf.mtype(FILL_TYPE);
            // large messages first, then header-sized ones into what is left: the queue ends full to the byte or nearly
            for (long size : new long[] {maxMessage, MessageHeader.BYTES}) {
                while (true) {
                    int rc = SysvMsgQueue.trySend(h.msqId(), buf, size, Ipc.IPC_NOWAIT);
                    if (rc == -Errno.EINTR) continue;
                    if (rc != 0) break;
                    messages++;
                    bytes += size;
                }
            }
        }
        return messages + " foreign messages (" + bytes + " bytes) put in with IPC_NOWAIT until EAGAIN: the queue is full";
    }

    static String endStreamFor(ChannelHandle h, PlannedChannel channel, List<PlannedProcess> peers) {
        if (h.type() != ChannelType.MSGQ || h.semId() < 0) return null;
        List<PlannedProcess> receivers = Topology.receivers(peers);
        int[] idx = new int[receivers.size()];
        long[] sel = new long[receivers.size()];
        for (int i = 0; i < idx.length; i++) {
            PlannedProcess r = receivers.get(i);
            idx[i] = r.index();
            // as the transport selects: an echo without a type takes every type below the replies
            sel[i] = r.role() == Role.ECHO && r.mtype() == 0 ? -(MsgqSender.REPLY_BASE - 1) : r.mtype();
        }
        try (Arena arena = Arena.ofConfined()) {
            if (SysvSemaphore.getVal(h.semId(), 1) == 0) return null;   // the last sender took the token: the markers are out
            // the killed senders never took their one off [senders still running]: one sender left, this one
            SysvSemaphore.setVal(h.semId(), 0, 1);
            new MsgqSender(h.msqId(), h.semId(), false, 1, MessageHeader.BYTES, idx, sel, StepGate.FREE, channel.name(), arena).finish();
        }
        return "the killed sender never ended its stream (a semaphore count without SEM_UNDO stays as it was left): "
                + "the supervisor set it and sent " + idx.length + " end marker(s) on its behalf";
    }
}
