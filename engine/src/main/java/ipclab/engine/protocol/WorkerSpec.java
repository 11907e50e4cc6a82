package ipclab.engine.protocol;

import ipclab.dsl.plan.PlannedChannel;
import ipclab.dsl.plan.PlannedFault;
import ipclab.dsl.plan.PlannedProcess;
import java.util.List;

/**
 * Everything one worker needs, sent by the supervisor on the worker's stdin as its first line.
 *
 * @param self    this process
 * @param channel the channel it uses
 * @param handle  the kernel objects and addresses the supervisor made for that channel
 * @param peers   every process on the same channel, this one included, in plan order
 * @param seed    the scenario's seed (payloads derive from seed and writer index)
 * @param step    step mode: announce each IPC operation and wait for a grant
 * @param faults  the faults this process does to itself: kill or stop after a count of messages, delay
 *                (the supervisor sends the timed signals itself)
 */
public record WorkerSpec(
        PlannedProcess self,
        PlannedChannel channel,
        ChannelHandle handle,
        List<PlannedProcess> peers,
        long seed,
        boolean step,
        List<PlannedFault> faults) {
    public WorkerSpec {
        peers = List.copyOf(peers);
        faults = faults == null ? List.of() : List.copyOf(faults);
    }

    /** A worker without faults of its own. */
    public WorkerSpec(
            PlannedProcess self,
            PlannedChannel channel,
            ChannelHandle handle,
            List<PlannedProcess> peers,
            long seed,
            boolean step) {
        this(self, channel, handle, peers, seed, step, List.of());
    }
}
