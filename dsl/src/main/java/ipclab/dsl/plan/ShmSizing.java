package ipclab.dsl.plan;

import ipclab.dsl.model.ByteSize;
import ipclab.dsl.model.ChannelSpec;
import ipclab.dsl.model.ChannelType;
import ipclab.dsl.model.Fanout;
import ipclab.dsl.model.QueueMode;
import ipclab.dsl.model.SocketDomain;
import ipclab.dsl.model.Sync;
import ipclab.dsl.model.Verify;
import java.util.List;

/** An shm ring's geometry and synchronisation: defaults, what fits a slot, the segment and semaphore limits of the kernel. */
final class ShmSizing {
    private ShmSizing() {}

    static PlannedChannel plan(
            ChannelSpec c,
            ChannelUsers u,
            long maxMessage,
            ProcessDefaults d,
            KernelLimits limits,
            List<Problem> problems) {
        String path = "channels." + c.name();
        int readers = u.readers();
        int slots = c.slots() == null ? Planner.DEFAULT_SLOTS : c.slots();
        // Unless the scenario fixes the segment, it grows to fit the largest message (within the
        // kernel's and the engine's limits; beyond them, the message is refused below): a size
        // sweep across mechanisms then works at every size.
        long fitting = Planner.SHM_CONTROL_BYTES
                + (long) Math.max(1, Math.min(slots, Planner.MAX_SLOTS))
                        * roundUp(
                                Math.min(maxMessage, Planner.MAX_BUFFER_BYTES) + Planner.SLOT_HEADER_BYTES,
                                Planner.SLOT_ALIGN);
        boolean fits = fitting <= Planner.MAX_BUFFER_BYTES
                && (limits.shmmax() == KernelLimits.UNKNOWN || fitting <= limits.shmmax());
        long segment = c.size() != null
                ? c.size().bytes()
                : u.ring() && fits ? Math.max(Planner.DEFAULT_SHM_SIZE, fitting) : Planner.DEFAULT_SHM_SIZE;
        Sync sync = c.sync() == null ? Sync.SEMAPHORE : c.sync();
        Fanout fanout = c.fanout() == null ? Fanout.SHARED : c.fanout();
        boolean slotsOk = slots >= 1 && Integer.bitCount(slots) == 1 && slots <= Planner.MAX_SLOTS;
        if (!slotsOk) {
            problems.add(Problem.value(
                    path + ".slots",
                    "slots=" + slots + " must be a power of two between 1 and " + Planner.MAX_SLOTS + ", e.g. 16"));
            slots = Math.max(1, Integer.highestOneBit(Math.max(1, slots)));
        }
        if (limits.shmmax() != KernelLimits.UNKNOWN && segment > limits.shmmax()) {
            problems.add(Problem.value(
                    path + ".size",
                    "size=" + c.size() + " is larger than shmmax, the largest segment the kernel allows: "
                            + limits.shmmax() + " bytes (" + KernelLimits.SHMMAX
                            + "); raise it with 'sudo sysctl -w kernel.shmmax=" + segment + "' or use a smaller size"));
        }
        if (segment > Planner.MAX_BUFFER_BYTES) {
            problems.add(
                    Problem.value(
                            path + ".size",
                            "size=" + c.size() + " is too large; an shm segment may have at most "
                                    + Planner.MAX_BUFFER_BYTES
                                    + " bytes (2GiB - 1, the largest message: a larger segment would hold no larger message, and the engine is not tried with one); use at most 1GiB"));
        }
        long slotBytes =
                Math.max(0, (segment - Planner.SHM_CONTROL_BYTES) / slots / Planner.SLOT_ALIGN * Planner.SLOT_ALIGN);
        boolean ring = u.ring();
        boolean pingEcho = u.roundTrips();
        // a message larger than MAX_BUFFER_BYTES is refused at its process; capped here, the
        // sums below cannot overflow into a negative size (found by the fuzz test)
        long fit = Math.min(maxMessage, Planner.MAX_BUFFER_BYTES);
        if (pingEcho && slotsOk && slots < 2) {
            problems.add(Problem.value(
                    path + ".slots",
                    "slots=" + slots + " is too few for round trips: a pinger and an echo use two lanes"
                            + " (there and back) of slots / 2 slots each; use at least 2, e.g. 16"));
        }
        if (!pingEcho && readers > Planner.MAX_RING_READERS) {
            problems.add(Problem.key(
                    path,
                    "channel " + c.name() + " has " + readers + " readers; an shm ring has room for at most "
                            + Planner.MAX_RING_READERS
                            + " (one cursor each in its control block); use fewer readers or several channels"));
        }
        if (sync == Sync.SEMAPHORE && limits.semmsl() != KernelLimits.UNKNOWN) {
            int lanes = pingEcho ? 2 : 1;
            int perLane = Planner.RING_LANE_SEMAPHORES + Math.max(1, pingEcho ? 1 : readers);
            long need = ring ? (long) lanes * perLane : 1;
            if (need > limits.semmsl()) {
                String what = !ring
                        ? "1 semaphore (the counter's mutex)"
                        : need + " semaphores (" + (lanes == 2 ? "2 lanes of " : "")
                                + "2 mutexes, 'empty' and one 'full' per reader"
                                + (lanes == 2 || readers <= 1 ? "" : ", " + readers + " readers") + ")";
                problems.add(Problem.value(
                        c.sync() != null ? path + ".sync" : path,
                        "sync=semaphore on " + c.name() + " needs a set of " + what
                                + ", more than semmsl, the most the kernel allows in one set: " + limits.semmsl()
                                + " (first field of " + KernelLimits.SEM
                                + "); raise it with 'sudo sysctl -w kernel.sem=\"" + need
                                + " <the other three fields unchanged>\"', use fewer readers, or sync: spin"));
            }
        }
        if (sync == Sync.ATOMIC && ring) {
            problems.add(Problem.value(
                    path + ".sync",
                    "sync=atomic applies to incrementers only; a ring of messages uses none | semaphore | spin"));
        }
        if (segment < Planner.SHM_CONTROL_BYTES + (ring ? (long) slots * Planner.SLOT_HEADER_BYTES : 0)
                || segment == 0) {
            problems.add(Problem.value(
                    path + ".size",
                    "size=" + ByteSize.of(segment) + " is too small: the segment holds a "
                            + Planner.SHM_CONTROL_BYTES + "-byte control block"
                            + (ring ? " and " + slots + " slots" : "") + "; use at least "
                            + ByteSize.of(Planner.SHM_CONTROL_BYTES
                                    + (ring
                                            ? (long) slots
                                                    * (Planner.SLOT_HEADER_BYTES
                                                            + Math.max(fit, Planner.MIN_MESSAGE_BYTES))
                                            : 0))));
        } else if (ring && fit + Planner.SLOT_HEADER_BYTES > slotBytes) {
            long need = Planner.SHM_CONTROL_BYTES
                    + (long) slots * roundUp(fit + Planner.SLOT_HEADER_BYTES, Planner.SLOT_ALIGN);
            problems.add(Problem.value(
                    d.largestSenderPath(c.name(), "size"),
                    "a message of " + ByteSize.of(maxMessage) + " does not fit a slot of channel "
                            + c.name() + ": each of its " + slots + " slots has (" + ByteSize.of(segment) + " - "
                            + Planner.SHM_CONTROL_BYTES
                            + " control bytes) / " + slots + " = " + slotBytes + " bytes, less a "
                            + Planner.SLOT_HEADER_BYTES + "-byte header leaves "
                            + (slotBytes - Planner.SLOT_HEADER_BYTES) + "; raise channels." + c.name()
                            + ".size to at least " + ByteSize.of(roundUp(need, 1024))
                            + ", use fewer slots, or send smaller messages"));
        }
        return new PlannedChannel(
                c.name(),
                ChannelType.SHM,
                segment,
                slots,
                slotBytes,
                sync,
                fanout,
                QueueMode.values()[0],
                0,
                SocketDomain.values()[0],
                maxMessage,
                c.remove(),
                Verify.FULL,
                1);
    }

    private static long roundUp(long v, long to) {
        return (v + to - 1) / to * to;
    }
}
