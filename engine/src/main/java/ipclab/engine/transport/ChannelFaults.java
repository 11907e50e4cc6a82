package ipclab.engine.transport;

import ipclab.dsl.plan.PlannedChannel;
import ipclab.dsl.plan.PlannedProcess;
import ipclab.engine.channel.MessageHeader;
import ipclab.engine.channel.ObjectKind;
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

/**
 * What the supervisor does to a channel's kernel objects for a fault of the scenario: remove one
 * while it is in use, fill a queue, end the stream of a sender that was killed.
 */
final class ChannelFaults {
    private ChannelFaults() {}

    /** The byte a filling message is made of: no checksum or seal matches it, and its sequence is no end marker. */
    private static final byte FILLER = (byte) 0xA5;
    /** The type of filling messages: what a reader selecting any type (0) or type 1 takes. */
    private static final long FILL_TYPE = 1;

    static String removeInUse(ChannelHandle h, ObjectLog log) {
        return switch (h) {
            case ChannelHandle.Msgq q -> {
                SysvMsgQueue.remove(q.msqId());
                log.removed(ObjectKind.MSG, q.msqId(), null);
                yield "msgctl(" + q.msqId()
                        + ", IPC_RMID): the queue is gone; calls on it fail with EIDRM (blocked) or EINVAL (new)";
            }
            case ChannelHandle.ShmRing r
            when r.semaphores().isPresent() -> {
                SysvSemaphore.remove(r.semId());
                log.removed(ObjectKind.SEM, r.semId(), null);
                yield "semctl(" + r.semId()
                        + ", IPC_RMID): the ring's semaphore set is gone; semop on it fails with EIDRM (blocked) or EINVAL (new)";
            }
            default ->
                throw new IllegalStateException(
                        "channel " + h.channel() + " has no System V object to remove while in use");
        };
    }

    static String fill(ChannelHandle h, long maxMessage) {
        if (!(h instanceof ChannelHandle.Msgq q))
            throw new IllegalStateException("channel " + h.channel() + " is not a message queue");
        long messages = 0, bytes = 0;
        try (Arena arena = Arena.ofConfined()) {
            MsgBuf buf = MsgBuf.allocate(arena, maxMessage);
            buf.text().fill(FILLER);
            buf.mtype(FILL_TYPE);
            // large messages first, then header-sized ones into what is left: the queue ends full, or nearly
            for (long size : new long[] {maxMessage, MessageHeader.BYTES}) {
                while (true) {
                    int rc = SysvMsgQueue.trySend(q.msqId(), buf, size, Ipc.IPC_NOWAIT);
                    if (rc == -Errno.EINTR) continue;
                    if (rc != 0) break;
                    messages++;
                    bytes += size;
                }
            }
        }
        return messages + " foreign messages (" + bytes
                + " bytes) put in with IPC_NOWAIT until EAGAIN: the queue is full";
    }

    static String endStreamFor(ChannelHandle h, PlannedChannel channel, List<PlannedProcess> peers) {
        if (!(h instanceof ChannelHandle.Msgq q)) return null;
        List<PlannedProcess> receivers = Topology.receivers(peers);
        int[] idx = new int[receivers.size()];
        long[] sel = new long[receivers.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = receivers.get(i).index();
            sel[i] = MsgqTransport.selector(receivers.get(i));
        }
        if (SysvSemaphore.getVal(q.semId(), 1) == 0) return null; // the last sender took the token: the markers are out
        try (Arena arena = Arena.ofConfined()) {
            // the killed senders never took their one off [senders still running]: leave one, the one finish() takes
            SysvSemaphore.setVal(q.semId(), 0, 1);
            new MsgqSender(
                            q.msqId(),
                            q.semId(),
                            false,
                            1,
                            MessageHeader.BYTES,
                            idx,
                            sel,
                            StepGate.FREE,
                            channel.name(),
                            arena)
                    .finish();
        }
        return "the killed sender never ended its stream (a semaphore count without SEM_UNDO stays as it was left): "
                + "the supervisor set it and sent " + idx.length + " end marker(s) on its behalf";
    }
}
