package ipclab.dsl.plan;

import ipclab.dsl.model.ByteSize;
import ipclab.dsl.model.ChannelSpec;
import ipclab.dsl.model.ChannelType;
import ipclab.dsl.model.Fanout;
import ipclab.dsl.model.QueueMode;
import ipclab.dsl.model.Removal;
import ipclab.dsl.model.SocketDomain;
import ipclab.dsl.model.Sync;
import ipclab.dsl.model.Verify;
import java.util.List;

/** A System V queue's mode and capacity against the kernel's msgmax, msgmnb and semmsl. */
final class MsgqSizing {
    private MsgqSizing() {}

    static PlannedChannel plan(
            ChannelSpec c, long maxMessage, ProcessDefaults d, KernelLimits limits, List<Problem> problems) {
        String path = "channels." + c.name();
        QueueMode mode = c.mode() == null ? QueueMode.BLOCKING : c.mode();
        long mnb = limits.msgmnb() == KernelLimits.UNKNOWN ? Planner.FALLBACK_MSGMNB : limits.msgmnb();
        long capacity = c.capacity() == null ? mnb : c.capacity().bytes();
        if (limits.msgmax() != KernelLimits.UNKNOWN && maxMessage > limits.msgmax()) {
            problems.add(Problem.limit(
                    d.largestSenderPath(c.name(), "size"),
                    "size=" + ByteSize.of(maxMessage)
                            + " is larger than msgmax, the largest message the kernel accepts: " + limits.msgmax()
                            + " bytes (" + KernelLimits.MSGMAX + "); raise it with 'sudo sysctl -w kernel.msgmax="
                            + maxMessage + "' or send smaller messages",
                    "not possible on this machine (msgmax = " + limits.msgmax() + ")"));
        }
        if (c.capacity() != null && limits.msgmnb() != KernelLimits.UNKNOWN && capacity > limits.msgmnb()) {
            problems.add(Problem.value(
                    path + ".capacity",
                    "capacity=" + c.capacity()
                            + " is larger than msgmnb, the most a queue may hold without privileges: " + limits.msgmnb()
                            + " bytes (" + KernelLimits.MSGMNB + "); raise it with 'sudo sysctl -w kernel.msgmnb="
                            + capacity + "' or lower capacity"));
        }
        if (limits.semmsl() != KernelLimits.UNKNOWN && Planner.MSGQ_SEMAPHORES > limits.semmsl()) {
            problems.add(Problem.key(
                    path,
                    "a msgq channel needs a set of " + Planner.MSGQ_SEMAPHORES
                            + " semaphores (senders still running, end token),"
                            + " more than semmsl, the most the kernel allows in one set: " + limits.semmsl()
                            + " (first field of " + KernelLimits.SEM
                            + "); raise it with 'sudo sysctl -w kernel.sem=\"" + Planner.MSGQ_SEMAPHORES
                            + " <the other three fields unchanged>\"'"));
        }
        boolean overMsgmax = limits.msgmax() != KernelLimits.UNKNOWN && maxMessage > limits.msgmax();
        if ((capacity < maxMessage || capacity == 0) && (c.capacity() != null || !overMsgmax)) {
            problems.add(Problem.value(
                    c.capacity() != null ? path + ".capacity" : d.largestSenderPath(c.name(), "size"),
                    "capacity=" + ByteSize.of(capacity) + " is smaller than the largest message on " + c.name() + " ("
                            + ByteSize.of(maxMessage)
                            + "): no message would ever fit; raise capacity or send smaller messages"));
        }
        return new PlannedChannel(
                c.name(),
                ChannelType.MSGQ,
                0,
                0,
                0,
                Sync.values()[0],
                Fanout.values()[0],
                mode,
                capacity,
                SocketDomain.values()[0],
                maxMessage,
                Removal.AFTER_ATTACH,
                Verify.FULL,
                1);
    }
}
