package ipclab.engine.transport;

import ipclab.dsl.model.SocketDomain;
import ipclab.dsl.plan.Plan;
import ipclab.dsl.plan.PlannedChannel;
import ipclab.dsl.plan.PlannedProcess;
import ipclab.engine.channel.ObjectLog;
import ipclab.engine.protocol.ChannelHandle;
import ipclab.engine.protocol.StepGate;
import ipclab.engine.protocol.WorkerSpec;
import java.util.List;

/**
 * One mechanism, whole: what the supervisor makes for a channel of it ({@link #create}, each
 * step through {@link Creation} so that every kernel object and file is logged as it is made),
 * what it removes ({@link #remove}), and how a worker opens its end ({@link #open}). Chosen once:
 * by the planned channel's type for creation ({@link #of(PlannedChannel)}), and from then on by
 * the {@link ChannelHandle} record that creation made ({@link #of(ChannelHandle)}).
 *
 * <p>A new mechanism is a new {@link ChannelHandle} record, a new implementation here and its
 * planner rules; nothing else switches on the mechanism.
 */
public sealed interface Transport permits ShmRingTransport, MsgqTransport, SocketTransport, FifoTransport {

    /** The transport of a planned channel. */
    static Transport of(PlannedChannel ch) {
        return switch (ch.type()) {
            case SHM -> ShmRingTransport.INSTANCE;
            case MSGQ -> MsgqTransport.INSTANCE;
            case PIPE -> FifoTransport.INSTANCE;
            case SOCKET ->
                ch.domain() == SocketDomain.UNIX || ch.domain() == SocketDomain.TCP
                        ? StreamSocketTransport.INSTANCE
                        : DatagramSocketTransport.INSTANCE;
        };
    }

    /**
     * The transport that made a handle. A chain of {@code instanceof}, not a pattern {@code switch}:
     * every worker calls this before "ready", and a type switch's bootstrap spins a class with the
     * class-file API at run time (the JDK 25 AOT cache keeps no such class), ~1.5 ms of start-up
     * (bench/HISTORY.md "Session 6: start-up").
     */
    static Transport of(ChannelHandle h) {
        if (h instanceof ChannelHandle.ShmRing) return ShmRingTransport.INSTANCE;
        if (h instanceof ChannelHandle.Msgq) return MsgqTransport.INSTANCE;
        if (h instanceof ChannelHandle.StreamSocket) return StreamSocketTransport.INSTANCE;
        if (h instanceof ChannelHandle.DatagramSocket) return DatagramSocketTransport.INSTANCE;
        if (h instanceof ChannelHandle.Fifo) return FifoTransport.INSTANCE;
        throw new IllegalArgumentException("no transport for " + h); // ChannelHandle is sealed: unreachable
    }

    /**
     * Refuses a channel whose objects could not work, before anything is made.
     *
     * @throws IllegalArgumentException naming the channel and what is wrong
     */
    default void check(PlannedChannel ch, Plan plan) {}

    /**
     * Makes and initialises the channel's objects, step by step through {@code c} (which times
     * each step, logs each object and keeps the handle of what exists so far for a removal after
     * a failure).
     */
    void create(PlannedChannel ch, List<PlannedProcess> procs, Creation c);

    /** Every worker has attached: shm marks its segment IPC_RMID; the others have nothing to do. */
    default void allAttached(ChannelHandle h, ObjectLog log) {}

    /** Removes what the handle names, through {@code r} (which leaves System V objects alone for {@code --keep}). */
    void remove(ChannelHandle h, Removal r);

    /** Worker side: opens the worker's end of the channel into {@code e} as its role needs it. */
    void open(Endpoint e, WorkerSpec spec, StepGate gate);
}
