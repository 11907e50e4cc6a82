package ipclab.dsl.model;

import ipclab.dsl.processor.Setters;
import java.time.Duration;

/**
 * One process (or a group of replicas) as the scenario wrote it; {@code null} means "not given".
 * {@code name} is the key under {@code processes:}; every other component is the YAML key of the
 * same name, described (with where it applies and its default) in {@link Key}. Its builder,
 * {@link ProcessSpecBuilder}, is generated from the components ({@link Setters}); start one with
 * {@code Scenarios.writer("producer")}, {@code reader(..)}, {@code pinger(..)}, {@code echo(..)} or
 * {@code incrementer(..)}.
 * A scenario holding it checks that it has a name and a {@code role} ({@link Scenario}).
 */
@Setters
public record ProcessSpec(
        String name,
        Role role,
        String channel,
        Integer replicas,
        Long messages,
        Duration duration,
        ByteSize size,
        Rate rate,
        Duration delay,
        Long mtype,
        Long warmup,
        Integer cpu,
        CpuList cpus)
        implements Spec<ProcessSpec, ProcessSpecBuilder> {}
