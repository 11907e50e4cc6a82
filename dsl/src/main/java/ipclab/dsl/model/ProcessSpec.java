package ipclab.dsl.model;

import java.time.Duration;

/**
 * One process (or a group of replicas) as the scenario wrote it; {@code null} means "not given".
 *
 * @param name     the key under {@code processes:}; replicas are named name-1, name-2, ...
 * @param role     writer | reader | pinger | echo | incrementer
 * @param channel  the channel's name
 * @param replicas how many identical processes (default 1)
 * @param messages messages to send (writer, pinger) or increments (incrementer)
 * @param duration run time limit; with messages, whichever ends first
 * @param size     message size
 * @param rate     messages per second; flat out when absent
 * @param mtype    msgq: type sent (writer, pinger) or selected (reader, echo: 0, n or -n)
 * @param warmup   pinger: round trips before the measured ones
 */
public record ProcessSpec(String name, Role role, String channel, Integer replicas, Long messages, Duration duration,
                          ByteSize size, Rate rate, Long mtype, Long warmup) {
    public ProcessSpec {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a process needs a name");
        if (role == null) throw new IllegalArgumentException("process " + name + " needs a role");
    }
}
