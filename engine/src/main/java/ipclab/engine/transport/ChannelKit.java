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
    default Map<String, Long> setupNanos(ChannelHandle handle) { return Map.of(); }

    /** Every worker has attached (shm: IPC_RMID now, so the kernel frees it even after a crash). */
    default void allAttached(ChannelHandle handle) throws Exception {}

    /** shm with incrementers: the counter's final value, after the workers exited; null if the channel has none. */
    default Long readCounter(ChannelHandle handle) { return null; }

    /** What the channel's live objects hold now; null when this kit cannot tell. */
    default ChannelLook look(PlannedChannel channel, ChannelHandle handle) { return null; }

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
        throw new UnsupportedOperationException(getClass().getName() + " cannot keep a channel's objects (run without keep)");
    }
}
