package ipclab.dsl.plan;

import ipclab.dsl.model.Role;

/**
 * One OS process to start.
 *
 * @param name         unique: the scenario's name, or name-i for replica i (1-based)
 * @param group        the scenario's process name (the replica group)
 * @param replica      1-based index within the group (1 without replicas)
 * @param index        0-based index of this process in the whole plan (writer id on the wire)
 * @param messages     messages (or increments) to do; Long.MAX_VALUE when only a duration bounds it
 * @param durationNanos time limit in ns; 0 for none
 * @param size         message size in bytes
 * @param ratePerSecond 0 for flat out
 * @param mtype        msgq: type sent, or selected when reading (0, n, -n)
 * @param warmup       pinger: unmeasured round trips first
 */
public record PlannedProcess(String name, String group, int replica, int index, Role role, String channel,
                             long messages, long durationNanos, long size, long ratePerSecond, long mtype, long warmup) {}
