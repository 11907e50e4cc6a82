package ipclab.engine.run;

import ipclab.dsl.plan.PlannedChannel;
import ipclab.dsl.plan.Plan;
import ipclab.engine.channel.ChannelHandle;
import ipclab.engine.channel.ObjectLog;

/**
 * What the supervisor does to a channel's kernel objects over a run. The real one is
 * {@link RealChannels} ({@code ipclab.engine.channel.ChannelObjects}); tests of the process
 * machinery bring their own.
 */
public interface ChannelKit {
    /** Creates the channel's objects, telling log of each before it is used. */
    ChannelHandle create(PlannedChannel channel, Plan plan, ObjectLog log) throws Exception;

    /** Setup cost of the supervisor's part (shmget, msgget, IPC_SET...) in ns, after {@link #create}. */
    default long setupNanos(ChannelHandle handle) { return 0; }

    /** Every worker has attached (shm: IPC_RMID now, so the kernel frees it even after a crash). */
    default void allAttached(ChannelHandle handle) throws Exception {}

    /** Every writer of the channel exited normally (msgq: readers may need end markers). */
    default void writersFinished(PlannedChannel channel, ChannelHandle handle, Plan plan) throws Exception {}

    /** shm with incrementers: the counter's final value; null if the channel has none. */
    default Long readCounter(ChannelHandle handle) { return null; }

    /** Removes what is left of the channel, telling log of each removal. */
    void remove(ChannelHandle handle, ObjectLog log) throws Exception;
}
