package ipclab.engine.run;

import ipclab.dsl.plan.Plan;
import ipclab.dsl.plan.PlannedChannel;
import ipclab.engine.channel.ChannelHandle;
import ipclab.engine.channel.ObjectLog;

/** The real channels: {@code ipclab.engine.channel.ChannelObjects}. */
final class RealChannels implements ChannelKit {
    // TODO(runtime): delegate to ChannelObjects once the channels branch is merged
    @Override
    public ChannelHandle create(PlannedChannel channel, Plan plan, ObjectLog log) {
        throw new UnsupportedOperationException("channel objects are not available in this build");
    }

    @Override
    public void remove(ChannelHandle handle, ObjectLog log) {}
}
