package ipclab.engine.run;

import ipclab.dsl.plan.Plan;
import ipclab.dsl.plan.PlannedChannel;
import ipclab.engine.protocol.ChannelHandle;
import ipclab.engine.transport.ChannelObjects;
import ipclab.engine.channel.CreatedChannel;
import ipclab.engine.channel.ObjectLog;
import ipclab.dsl.plan.PlannedProcess;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The real channels: {@link ChannelObjects}, one per run (it keeps the supervisor's attachments). */
final class RealChannels implements ChannelKit {
    private final ChannelObjects objects = new ChannelObjects();
    private final Map<String, Map<String, Long>> setup = new ConcurrentHashMap<>();
    private volatile ObjectLog log;

    @Override
    public void check(PlannedChannel channel, Plan plan) { ChannelObjects.check(channel, plan); }

    @Override
    public ChannelHandle create(PlannedChannel channel, Plan plan, ObjectLog log) {
        this.log = log;
        CreatedChannel c = objects.create(channel, plan, log);
        setup.put(channel.name(), c.setupNanos());
        return c.handle();
    }

    @Override
    public Map<String, Long> setupNanos(ChannelHandle handle) { return setup.getOrDefault(handle.channel(), Map.of()); }

    @Override
    public void allAttached(ChannelHandle handle) {
        ObjectLog l = log;
        if (l != null) objects.allAttached(handle, l);
        else objects.allAttached(handle);
    }

    @Override
    public Long readCounter(ChannelHandle handle) {
        return objects.segment(handle) == null ? null : objects.readCounter(handle);
    }

    @Override
    public void remove(ChannelHandle handle, ObjectLog log) { objects.remove(handle, log); }

    @Override
    public String removeInUse(ChannelHandle h, ObjectLog log) { return ChannelFaults.removeInUse(h, log); }

    @Override
    public String fill(ChannelHandle h, long maxMessage) { return ChannelFaults.fill(h, maxMessage); }

    @Override
    public String endStreamFor(ChannelHandle h, PlannedChannel channel, List<PlannedProcess> peers) {
        return ChannelFaults.endStreamFor(h, channel, peers);
    }

    @Override
    public void release(ChannelHandle handle, ObjectLog log) { objects.release(handle, log); }
}
