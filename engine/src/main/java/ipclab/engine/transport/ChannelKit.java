package ipclab.engine.transport;

import ipclab.dsl.plan.Plan;
import ipclab.dsl.plan.PlannedChannel;
import ipclab.engine.channel.ObjectLog;
import ipclab.engine.protocol.ChannelHandle;
import java.util.Map;

/**
 * What the supervisor does to a channel's kernel objects over a run. The real one is
 * {@link ChannelObjects}; tests of the process machinery bring their own.
 */
public interface ChannelKit {
    /** Refuses a channel whose objects could not work; called for every channel before the first is created. */
    default void check(PlannedChannel channel, Plan plan) {}

    /** Creates the channel's objects, telling log of each before it is used. */
    ChannelHandle create(PlannedChannel channel, Plan plan, ObjectLog log) throws Exception;

    /** Setup cost of the supervisor's part by step (shmget, shmat, first-touch, msgget, msgctl...) in ns, after {@link #create}. */
    default Map<String, Long> setupNanos(ChannelHandle handle) {
        return Map.of();
    }

    /** Every worker has attached (shm: IPC_RMID now, so the kernel frees it even after a crash). */
    default void allAttached(ChannelHandle handle) throws Exception {}

    /** shm with incrementers: the counter's final value, after the workers exited; null if the channel has none. */
    default Long readCounter(ChannelHandle handle) {
        return null;
    }

    /**
     * A {@code remove} fault: takes the channel's System V object away while it is in use (msgq:
     * the queue; shm: its semaphore set), telling log; returns what was removed, e.g.
     * {@code msgctl(IPC_RMID) of msg id 7}.
     */
    default String removeInUse(ChannelHandle handle, ObjectLog log) {
        throw new UnsupportedOperationException(
                getClass().getName() + " cannot remove a channel's objects while in use");
    }

    /** A {@code fill} fault: fills the channel's queue to its capacity with foreign messages; returns what was put in. */
    default String fill(ChannelHandle handle, long maxMessage) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot fill a channel");
    }

    /**
     * Every sender of the channel is gone and one was killed before it could end the stream: ends
     * it on their behalf if nobody did (msgq: the count of running senders set to what SEM_UNDO
     * would have left, the end token taken, one end marker per receiver). Returns what was done, or
     * null when nothing was needed or the channel has no such repair.
     */
    default String endStreamFor(
            ChannelHandle handle, PlannedChannel channel, java.util.List<ipclab.dsl.plan.PlannedProcess> peers) {
        return null;
    }

    /** What the channel's live objects hold now; null when this kit cannot tell. */
    default ChannelLook look(PlannedChannel channel, ChannelHandle handle) {
        return null;
    }

    /** The bytes of one ring slot, for a hex dump. */
    default byte[] slotBytes(ChannelHandle handle, int lane, int slot) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot read slots");
    }

    /** Removes what is left of the channel, telling log of each removal. */
    void remove(ChannelHandle handle, ObjectLog log) throws Exception;

    /**
     * {@code run --keep}: detaches and deletes the channel's files, telling log, but leaves its
     * System V objects in the kernel.
     */
    default void release(ChannelHandle handle, ObjectLog log) throws Exception {
        throw new UnsupportedOperationException(
                getClass().getName() + " cannot keep a channel's objects (run without keep)");
    }
}
