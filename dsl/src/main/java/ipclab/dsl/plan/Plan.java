package ipclab.dsl.plan;

import ipclab.dsl.model.Scenario;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated scenario with every default resolved and replicas expanded: what the engine runs.
 * One plan per sweep combination; {@code params} holds that combination (empty without a sweep).
 *
 * @param scenario     the scenario this plan came from (after the sweep overrides were applied)
 * @param params       sweep path to the value used, as written, in sweep order, e.g. {@code processes.producer.size -> 4KiB}
 * @param seed         payloads derive from it
 * @param timeout      the whole run's limit
 * @param channels     in scenario order
 * @param processes    after replicas, in scenario order (producer-1, producer-2, consumer)
 * @param expectations parsed claims
 * @param faults       faults to inject, in the order written
 */
public record Plan(
        Scenario scenario,
        Map<String, String> params,
        long seed,
        Duration timeout,
        List<PlannedChannel> channels,
        List<PlannedProcess> processes,
        List<Expectation> expectations,
        List<PlannedFault> faults) {
    public Plan {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        channels = List.copyOf(channels);
        processes = List.copyOf(processes);
        expectations = List.copyOf(expectations);
        faults = List.copyOf(faults);
    }

    /** The faults that act on this process (by name after replicas). */
    public List<PlannedFault> faultsOf(String process) {
        return faults.stream().filter(f -> process.equals(f.process())).toList();
    }

    /** True when a fault acts on the channel or on one of its processes: its loss and errors are the fault's. */
    public boolean faulted(String channel) {
        for (PlannedFault f : faults) {
            if (channel.equals(f.channel())) return true;
            if (f.process() != null
                    && processes.stream()
                            .anyMatch(p ->
                                    p.name().equals(f.process()) && p.channel().equals(channel))) return true;
        }
        return false;
    }

    public PlannedChannel channel(String name) {
        for (PlannedChannel c : channels) if (c.name().equals(name)) return c;
        throw new IllegalArgumentException("no channel " + name);
    }

    public List<PlannedProcess> processesOn(String channel) {
        return processes.stream().filter(p -> p.channel().equals(channel)).toList();
    }
}
