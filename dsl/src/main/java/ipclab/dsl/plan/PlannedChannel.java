package ipclab.dsl.plan;

import ipclab.dsl.model.ChannelType;
import ipclab.dsl.model.Fanout;
import ipclab.dsl.model.QueueMode;
import ipclab.dsl.model.Removal;
import ipclab.dsl.model.SocketDomain;
import ipclab.dsl.model.Sync;
import ipclab.dsl.model.Verify;

/**
 * A channel with every field resolved. Fields that do not apply to the type hold the type's
 * neutral value (0, or the first enum constant) and are ignored.
 *
 * @param segmentBytes shm: segment size in bytes
 * @param slots        shm: ring slots (a power of two)
 * @param slotBytes    shm: bytes per slot including its 64-byte header: (segmentBytes - 4096) / slots rounded
 *                     down to a multiple of 64 (see {@link Planner})
 * @param capacity     msgq: msg_qbytes to set (default the kernel's msgmnb)
 * @param maxMessage   the largest message any process on this channel sends, in bytes
 * @param removal      shm: when the supervisor marks the segment IPC_RMID (default after every worker attached)
 * @param verify       what receivers check of each message (default {@link Verify#FULL})
 * @param sample       a reader records the latency of every {@code sample}-th message (default 1: every one)
 */
public record PlannedChannel(
        String name,
        ChannelType type,
        long segmentBytes,
        int slots,
        long slotBytes,
        Sync sync,
        Fanout fanout,
        QueueMode mode,
        long capacity,
        SocketDomain domain,
        long maxMessage,
        Removal removal,
        Verify verify,
        int sample) {
    public PlannedChannel {
        if (removal == null) removal = Removal.AFTER_ATTACH;
        if (verify == null) verify = Verify.FULL;
        if (sample < 1) throw new IllegalArgumentException("sample=" + sample + " must be at least 1");
    }

    /** This channel with another verification and latency sampling. */
    public PlannedChannel checking(Verify v, int every) {
        return new PlannedChannel(
                name,
                type,
                segmentBytes,
                slots,
                slotBytes,
                sync,
                fanout,
                mode,
                capacity,
                domain,
                maxMessage,
                removal,
                v,
                every);
    }
}
