package ipclab.engine.channel;

import ipclab.dsl.model.ChannelType;
import ipclab.dsl.model.Role;
import ipclab.dsl.plan.PlannedChannel;
import ipclab.dsl.plan.PlannedProcess;
import ipclab.engine.protocol.WorkerSpec;
import java.util.List;

/**
 * Who does what on one channel: senders (writers, pingers), receivers (readers, echoes),
 * incrementers; and how the channel's objects are shaped for them (ring lanes).
 */
public final class Topology {
    private Topology() {}

    public static boolean sender(PlannedProcess p) {
        return p.role().originates();
    }

    public static boolean receiver(PlannedProcess p) {
        return p.role().consumes();
    }

    public static List<PlannedProcess> senders(List<PlannedProcess> procs) {
        return procs.stream().filter(Topology::sender).toList();
    }

    public static List<PlannedProcess> receivers(List<PlannedProcess> procs) {
        return procs.stream().filter(Topology::receiver).toList();
    }

    public static boolean pingEcho(List<PlannedProcess> procs) {
        return procs.stream().anyMatch(p -> p.role() == Role.PINGER || p.role() == Role.ECHO);
    }

    public static boolean incrementers(List<PlannedProcess> procs) {
        return procs.stream().anyMatch(p -> p.role() == Role.INCREMENTER);
    }

    /** Ring lanes: 2 for a pinger/echo pair over shm (there and back), else 1. */
    public static int lanes(PlannedChannel ch, List<PlannedProcess> procs) {
        return ch.type() == ChannelType.SHM && pingEcho(procs) ? 2 : 1;
    }

    /** Index of {@code self} among the channel's receivers (its broadcast cursor / full semaphore), -1 if none. */
    public static int receiverIndex(PlannedProcess self, List<PlannedProcess> procs) {
        int i = 0;
        for (PlannedProcess p : procs) {
            if (!receiver(p)) continue;
            if (p.index() == self.index()) return i;
            i++;
        }
        return -1;
    }

    /** The largest message that travels on the worker's channel, as {@link #maxMessage(PlannedChannel, List)}. */
    public static long maxMessage(WorkerSpec spec) {
        return maxMessage(spec.channel(), spec.peers());
    }

    /**
     * The largest message that travels on the channel: the plan's maxMessage, at least one header.
     */
    public static long maxMessage(PlannedChannel ch, List<PlannedProcess> procs) {
        long max = Math.max(ch.maxMessage(), MessageHeader.BYTES);
        for (PlannedProcess p : procs) max = Math.max(max, p.size());
        return max;
    }

    /**
     * The size every message on the channel has, when the plan fixes it: all its senders (writers,
     * pingers; an echo returns the pinger's bytes) send messages of one size. 0 when sizes differ
     * (or there is no sender). A stream's receiver then reads each whole message in one call.
     */
    public static int fixedMessage(List<PlannedProcess> procs) {
        long size = 0;
        for (PlannedProcess p : procs) {
            if (!sender(p)) continue;
            if (size != 0 && p.size() != size) return 0;
            size = p.size();
        }
        return size < MessageHeader.BYTES || size > Integer.MAX_VALUE ? 0 : (int) size;
    }
}
