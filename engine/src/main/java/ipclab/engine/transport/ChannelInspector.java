package ipclab.engine.transport;

import static ipclab.engine.channel.shm.RingDescriptor.*;

import ipclab.dsl.model.Fanout;
import ipclab.dsl.model.SocketDomain;
import ipclab.dsl.model.Sync;
import ipclab.dsl.plan.KernelLimits;
import ipclab.dsl.plan.PlannedChannel;
import ipclab.engine.channel.MessageHeader;
import ipclab.engine.inspect.ProcNetSockets;
import ipclab.engine.protocol.ChannelHandle;
import ipclab.engine.sys.Errno;
import ipclab.engine.sys.IpcException;
import ipclab.engine.sys.MsgBuf;
import ipclab.engine.sys.MsqInfo;
import ipclab.engine.sys.ShmInfo;
import ipclab.engine.sys.SysvMsgQueue;
import ipclab.engine.sys.SysvSemaphore;
import ipclab.engine.sys.SysvShm;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a live channel's kernel objects into a {@link ChannelLook}: the ring or counter through
 * the supervisor's own attachment and {@link ipclab.engine.channel.shm.RingDescriptor} (the one
 * source of the layout), a queue with IPC_STAT and MSG_COPY peeks, a semaphore set with
 * GETVAL/GETNCNT/GETZCNT/GETPID, loopback sockets from {@code /proc/net}. Meant for a stepped run,
 * whose workers wait at their gates, so what it reads holds still; on a free run it is a snapshot
 * that may be torn.
 */
final class ChannelInspector {
    /** The most messages of a queue peeked at. */
    static final int MAX_PEEK = 64;

    private ChannelInspector() {}

    static ChannelLook look(PlannedChannel ch, ChannelHandle h, MemorySegment seg) {
        List<ChannelLook.Part> parts = new ArrayList<>();
        switch (h) {
            case ChannelHandle.ShmRing r -> {
                parts.add(segment(r.shmId(), seg));
                if (r.semId() >= 0) parts.add(semaphores(r.semId(), ringRoles(seg)));
            }
            case ChannelHandle.Msgq q -> {
                parts.add(queue(q.msqId()));
                parts.add(semaphores(q.semId(), List.of("senders still running", "end token")));
            }
            case ChannelHandle.StreamSocket s -> parts.add(sockets(ch, s.address()));
            case ChannelHandle.DatagramSocket d -> parts.add(sockets(ch, d.address()));
            case ChannelHandle.Fifo f ->
                parts.add(
                        new ChannelLook.Unreadable(
                                "fifo " + f.path(),
                                "the kernel does not tell a"
                                        + " FIFO's queued bytes through /proc (only FIONREAD on an open end, which the workers hold)"));
        }
        return new ChannelLook(ch.name(), ch.type(), parts);
    }

    /** The bytes of one slot (for a hex dump); position is the slot index in the lane. */
    static byte[] slotBytes(MemorySegment seg, int lane, int slot) {
        int slots = seg.get(ValueLayout.JAVA_INT, SLOTS_OFFSET);
        int lanes = seg.get(ValueLayout.JAVA_INT, LANES_OFFSET);
        long slotBytes = seg.get(ValueLayout.JAVA_LONG, SLOT_BYTES_OFFSET);
        if (lanes == 0) throw new IllegalArgumentException("the segment holds a counter, not slots");
        if (lane < 0 || lane >= lanes) throw new IllegalArgumentException("lane " + lane + ": the ring has " + lanes);
        if (slot < 0 || slot >= slots)
            throw new IllegalArgumentException("slot " + slot + ": the ring has slots 0.." + (slots - 1));
        return seg.asSlice(slotOffset(lane, slot, slots, slotBytes), slotBytes).toArray(ValueLayout.JAVA_BYTE);
    }

    private static ChannelLook.Part segment(int shmId, MemorySegment seg) {
        if (seg == null)
            return new ChannelLook.Unreadable(
                    "shm id " + shmId, "the supervisor is no longer attached (the run is over)");
        ShmInfo info;
        try {
            info = SysvShm.stat(shmId);
        } catch (IpcException e) {
            info = null; // removed already (IPC_RMID and the workers detached): the attachment still reads
        }
        boolean dest = info == null || info.markedForRemoval();
        int attached = info == null ? 1 : (int) info.nattch();
        int lanes = seg.get(ValueLayout.JAVA_INT, LANES_OFFSET);
        Sync sync = Sync.values()[seg.get(ValueLayout.JAVA_INT, SYNC_OFFSET)];
        int writers = seg.get(ValueLayout.JAVA_INT, WRITERS_OFFSET);
        if (lanes == 0) {
            return new ChannelLook.Counter(
                    shmId,
                    writers,
                    sync,
                    seg.get(ValueLayout.JAVA_LONG, COUNTER_OFFSET),
                    seg.get(ValueLayout.JAVA_LONG, LOCK_OFFSET),
                    dest,
                    attached);
        }
        int slots = seg.get(ValueLayout.JAVA_INT, SLOTS_OFFSET);
        long slotBytes = seg.get(ValueLayout.JAVA_LONG, SLOT_BYTES_OFFSET);
        int readers = seg.get(ValueLayout.JAVA_INT, READERS_OFFSET);
        Fanout fanout = Fanout.values()[seg.get(ValueLayout.JAVA_INT, FANOUT_OFFSET)];
        List<ChannelLook.Lane> ls = new ArrayList<>();
        for (int l = 0; l < lanes; l++) {
            List<Long> readerCursors = new ArrayList<>();
            if (fanout == Fanout.BROADCAST) {
                for (int r = 0; r < readers; r++)
                    readerCursors.add(seg.get(ValueLayout.JAVA_LONG, readerCursorOffset(l, r)));
            }
            List<ChannelLook.Slot> ss = new ArrayList<>();
            for (int p = 0; p < slots; p++) {
                long at = slotOffset(l, p, slots, slotBytes);
                long msg = at + SLOT_MESSAGE;
                ss.add(new ChannelLook.Slot(
                        p,
                        at,
                        seg.get(ValueLayout.JAVA_LONG, at + SLOT_SEQUENCE),
                        seg.get(ValueLayout.JAVA_INT, at + SLOT_REMAINING),
                        MessageHeader.seq(seg, msg),
                        MessageHeader.writer(seg, msg),
                        MessageHeader.length(seg, msg),
                        MessageHeader.checksum(seg, msg)));
            }
            ls.add(new ChannelLook.Lane(
                    l,
                    seg.get(ValueLayout.JAVA_LONG, writeCursorOffset(l)),
                    seg.get(ValueLayout.JAVA_LONG, readCursorOffset(l)),
                    seg.get(ValueLayout.JAVA_INT, writersDoneOffset(l)),
                    readerCursors,
                    ss));
        }
        return new ChannelLook.Ring(
                shmId,
                seg.get(ValueLayout.JAVA_INT, MAGIC_OFFSET),
                seg.get(ValueLayout.JAVA_INT, VERSION_OFFSET),
                slots,
                slotBytes,
                writers,
                readers,
                sync,
                fanout,
                seg.get(ValueLayout.JAVA_LONG, SEGMENT_BYTES_OFFSET),
                dest,
                attached,
                ls);
    }

    private static ChannelLook.Part queue(int msqId) {
        MsqInfo stat = SysvMsgQueue.stat(msqId);
        List<ChannelLook.Message> msgs = new ArrayList<>();
        String unpeekable = null;
        try (Arena arena = Arena.ofConfined()) {
            MsgBuf buf = MsgBuf.allocate(arena, msgmax());
            for (int i = 0; i < Math.min(stat.qnum(), MAX_PEEK); i++) {
                long n = SysvMsgQueue.tryPeek(msqId, buf, i);
                if (n == -Errno.ENOMSG) break; // taken meanwhile
                if (n == -Errno.ENOSYS) {
                    unpeekable =
                            "msgrcv(MSG_COPY) failed with ENOSYS: this kernel is built without CONFIG_CHECKPOINT_RESTORE,"
                                    + " so a message cannot be looked at without taking it";
                    break;
                }
                if (n < 0) {
                    unpeekable = "msgrcv(msqid=" + msqId + ", size=" + buf.capacity() + ", index=" + i
                            + ", MSG_COPY) failed with " + Errno.name((int) -n);
                    break;
                }
                boolean header = n >= MessageHeader.BYTES;
                msgs.add(new ChannelLook.Message(
                        i,
                        buf.mtype(),
                        n,
                        header ? MessageHeader.seq(buf.text(), 0) : -1,
                        header ? MessageHeader.writer(buf.text(), 0) : -1));
            }
        }
        return new ChannelLook.Queue(msqId, stat, msgs, unpeekable);
    }

    /** The largest message the kernel allows: a MSG_COPY buffer must hold it. */
    private static long msgmax() {
        long m = KernelLimits.current().msgmax();
        return m == KernelLimits.UNKNOWN ? 65536 : m;
    }

    /** What each semaphore of a ring's or a counter's set stands for ({@link ipclab.engine.channel.shm.RingDescriptor}). */
    private static List<String> ringRoles(MemorySegment seg) {
        List<String> roles = new ArrayList<>();
        if (seg == null) return roles;
        int lanes = seg.get(ValueLayout.JAVA_INT, LANES_OFFSET);
        if (lanes == 0) return List.of("mutex");
        int readers = lanes == 2 ? 1 : seg.get(ValueLayout.JAVA_INT, READERS_OFFSET);
        for (int l = 0; l < lanes; l++) {
            String lane = lanes == 2 ? " (lane " + l + ")" : "";
            roles.add("mutex of writers" + lane);
            roles.add("mutex of readers" + lane);
            roles.add("empty slots" + lane);
            for (int r = 0; r < Math.max(1, readers); r++) roles.add("full slots of reader " + r + lane);
        }
        return roles;
    }

    private static ChannelLook.Part semaphores(int semId, List<String> roles) {
        List<ChannelLook.Sem> sems = new ArrayList<>();
        for (int i = 0; i < roles.size(); i++) {
            sems.add(new ChannelLook.Sem(
                    i,
                    roles.get(i),
                    SysvSemaphore.getVal(semId, i),
                    SysvSemaphore.getNcnt(semId, i),
                    SysvSemaphore.getZcnt(semId, i),
                    SysvSemaphore.getPid(semId, i)));
        }
        return new ChannelLook.Semaphores(semId, sems);
    }

    private static ChannelLook.Part sockets(PlannedChannel ch, ChannelHandle.Address address) {
        return switch (address) {
            case ChannelHandle.UnixPath u ->
                new ChannelLook.Unreadable(
                        "unix socket " + u.path(),
                        "the kernel does not tell a"
                                + " unix socket's queued bytes through /proc (/proc/net/unix lists it without queues; SIOCINQ needs a"
                                + " descriptor the workers hold)");
            case ChannelHandle.LoopbackPort p -> {
                String proto = ch.domain() == SocketDomain.UDP ? "udp" : "tcp";
                yield new ChannelLook.Sockets(
                        "127.0.0.1:" + p.port(), new ProcNetSockets().onPorts(proto, List.of(p.port(), p.port() + 1)));
            }
        };
    }
}
