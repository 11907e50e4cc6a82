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

/** A socket's domain and the largest datagram it can carry (UDP's payload, AF_UNIX's send buffer). */
final class SocketSizing {
    private SocketSizing() {}

    static PlannedChannel plan(
            ChannelSpec c, long maxMessage, ProcessDefaults d, KernelLimits limits, List<Problem> problems) {
        SocketDomain domain = c.domain() == null ? SocketDomain.UNIX : c.domain();
        if (domain == SocketDomain.UDP && maxMessage > Planner.MAX_UDP_PAYLOAD) {
            problems.add(Problem.value(
                    d.largestSenderPath(c.name(), "size"),
                    "size=" + ByteSize.of(maxMessage) + " is larger than the largest UDP datagram ("
                            + Planner.MAX_UDP_PAYLOAD + " bytes); send smaller messages or use domain tcp or unix"));
        }
        if (domain == SocketDomain.UNIX_DGRAM) checkUnixDatagram(c.name(), maxMessage, d, limits, problems);
        return new PlannedChannel(
                c.name(),
                ChannelType.SOCKET,
                0,
                0,
                0,
                Sync.values()[0],
                Fanout.values()[0],
                QueueMode.values()[0],
                0,
                domain,
                maxMessage,
                Removal.AFTER_ATTACH,
                Verify.FULL,
                1);
    }

    /** An AF_UNIX datagram is at most the send buffer (wmem_default) - 32 bytes, and ipclab's 64KiB. */
    private static void checkUnixDatagram(
            String channel, long maxMessage, ProcessDefaults d, KernelLimits limits, List<Problem> problems) {
        long wmem = limits.wmemDefault();
        long byBuffer = wmem == KernelLimits.UNKNOWN ? Long.MAX_VALUE : Math.max(0, wmem - Planner.UNIX_DGRAM_OVERHEAD);
        if (maxMessage <= Math.min(byBuffer, Planner.MAX_UNIX_DGRAM)) return;
        String where = d.largestSenderPath(channel, "size");
        if (byBuffer < Planner.MAX_UNIX_DGRAM) {
            long raise = Math.max(maxMessage, 0) + Planner.UNIX_DGRAM_OVERHEAD;
            problems.add(Problem.value(
                    where,
                    "size=" + ByteSize.of(maxMessage)
                            + " is larger than an AF_UNIX datagram can be with the default send buffer: "
                            + wmem + " bytes (" + KernelLimits.WMEM_DEFAULT + ") less " + Planner.UNIX_DGRAM_OVERHEAD
                            + " = " + byBuffer + " bytes; "
                            + (maxMessage <= Planner.MAX_UNIX_DGRAM
                                    ? "raise it with 'sudo sysctl -w net.core.wmem_default=" + raise + "', "
                                    : "")
                            + "send smaller messages, or use domain unix (a stream)"));
        } else {
            problems.add(Problem.value(
                    where,
                    "size=" + ByteSize.of(maxMessage) + " is larger than the largest unix datagram ipclab sends: "
                            + ByteSize.of(Planner.MAX_UNIX_DGRAM)
                            + " (a larger one needs a physically contiguous kernel buffer and may fail with ENOBUFS);"
                            + " send at most " + ByteSize.of(Planner.MAX_UNIX_DGRAM)
                            + ", or use domain unix (a stream), which has no such limit"));
        }
    }
}
