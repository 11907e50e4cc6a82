package ipclab.dsl.model;

import ipclab.dsl.processor.Setters;

/**
 * One channel as the scenario wrote it. Fields the scenario left out are {@code null}; the
 * planner fills in defaults when it makes a plan, so that writing a scenario back to YAML gives
 * what its author wrote. {@code name} is the key under {@code channels:}; every other component
 * is the YAML key of the same name, described (with where it applies and its default) in {@link Key}.
 * Its builder, {@link ChannelSpecBuilder}, is generated from the components ({@link Setters}); start
 * one with {@code Scenarios.shm("ring")}, {@code msgq(..)}, {@code socket(..)} or {@code pipe(..)}.
 * A scenario holding it checks that it has a name and a {@code type} ({@link Scenario}).
 */
@Setters
public record ChannelSpec(
        String name,
        ChannelType type,
        ByteSize size,
        Integer slots,
        Sync sync,
        Fanout fanout,
        Removal remove,
        QueueMode mode,
        ByteSize capacity,
        SocketDomain domain,
        Verify verify,
        Integer sample)
        implements Spec<ChannelSpec, ChannelSpecBuilder> {}
