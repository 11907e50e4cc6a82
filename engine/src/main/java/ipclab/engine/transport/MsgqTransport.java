package ipclab.engine.transport;

import ipclab.dsl.model.QueueMode;
import ipclab.dsl.model.Role;
import ipclab.dsl.plan.PlannedChannel;
import ipclab.dsl.plan.PlannedProcess;
import ipclab.engine.channel.Topology;
import ipclab.engine.channel.msgq.MsgqReceiver;
import ipclab.engine.channel.msgq.MsgqSender;
import ipclab.engine.inspect.SysvObject.Kind;
import ipclab.engine.protocol.ChannelHandle;
import ipclab.engine.protocol.ChannelHandle.Msgq;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.WorkerSpec;
import ipclab.engine.sys.Ipc;
import ipclab.engine.sys.SysvMsgQueue;
import ipclab.engine.sys.SysvSemaphore;
import java.lang.foreign.Arena;
import java.util.List;

/**
 * A System V message queue (msg_qbytes set to {@code capacity} with IPC_SET) plus a semaphore set
 * of two, [senders still running, end token], that lets the last writer send the end markers.
 */
final class MsgqTransport implements Transport {
    static final MsgqTransport INSTANCE = new MsgqTransport();

    private MsgqTransport() {}

    @Override
    public void create(PlannedChannel ch, List<PlannedProcess> procs, Creation c) {
        int msqId = c.sysv("msgget", Kind.MSG, key -> SysvMsgQueue.msgget(key, Ipc.IPC_CREAT | Ipc.IPC_EXCL | 0600));
        c.made(new Msgq(ch.name(), msqId, -1));
        if (ch.capacity() > 0) c.timed("msgctl", () -> SysvMsgQueue.setQbytes(msqId, ch.capacity()));
        int senders = Topology.senders(procs).size(); // Java work (a stream), not timed
        int semId =
                c.sysv("semget", Kind.SEM, key -> SysvSemaphore.semget(key, 2, Ipc.IPC_CREAT | Ipc.IPC_EXCL | 0600));
        c.made(new Msgq(ch.name(), msqId, semId));
        c.timed("semctl", () -> {
            SysvSemaphore.setVal(semId, 0, senders);
            SysvSemaphore.setVal(semId, 1, 1);
        });
    }

    @Override
    public void remove(ChannelHandle h, Removal r) {
        Msgq q = (Msgq) h;
        r.sysv(Kind.MSG, q.msqId());
        if (q.semId() >= 0) r.sysv(Kind.SEM, q.semId());
    }

    @Override
    public void open(Endpoint e, WorkerSpec spec, StepGate gate) {
        Msgq h = (Msgq) spec.handle();
        PlannedProcess self = spec.self();
        String name = spec.channel().name();
        Arena arena = e.arena();
        long max = Topology.maxMessage(spec);
        e.semId(h.semId());
        boolean nowait = spec.channel().mode() == QueueMode.NOWAIT;
        List<PlannedProcess> receivers = Topology.receivers(spec.peers());
        int[] idx = new int[receivers.size()];
        long[] sel = new long[receivers.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = receivers.get(i).index();
            sel[i] = selector(receivers.get(i));
        }
        long mtype = self.mtype() > 0 ? self.mtype() : 1;
        switch (self.role()) {
            case WRITER -> e.out(new MsgqSender(h.msqId(), h.semId(), nowait, mtype, max, idx, sel, gate, name, arena));
            case READER ->
                e.in(new MsgqReceiver(h.msqId(), nowait, selector(self), self.index(), max, gate, name, arena));
            case PINGER -> {
                e.out(new MsgqSender(h.msqId(), h.semId(), nowait, mtype, max, idx, sel, gate, name, arena));
                e.in(new MsgqReceiver(
                        h.msqId(), nowait, MsgqSender.REPLY_BASE + self.index(), self.index(), max, gate, name, arena));
            }
            case ECHO -> {
                e.in(new MsgqReceiver(h.msqId(), nowait, selector(self), self.index(), max, gate, name, arena));
                e.out(new MsgqSender(h.msqId(), -1, nowait, 0, max, new int[0], new long[0], gate, name, arena));
            }
            default -> throw new IllegalArgumentException(self.role() + " cannot use msgq channel " + name);
        }
    }

    /** A receiver's msgq selector: its mtype; an echo with 0 takes any type below the reply types. */
    static long selector(PlannedProcess p) {
        if (p.role() == Role.ECHO && p.mtype() == 0) return -(MsgqSender.REPLY_BASE - 1);
        return p.mtype();
    }
}
