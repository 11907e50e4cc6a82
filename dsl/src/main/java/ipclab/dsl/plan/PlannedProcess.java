package ipclab.dsl.plan;

import ipclab.dsl.model.Role;
import java.util.List;

/**
 * One OS process to start.
 *
 * @param name         unique: the scenario's name, or name-i for replica i (1-based)
 * @param group        the scenario's process name (the replica group)
 * @param replica      1-based index within the group (1 without replicas)
 * @param index        0-based index of this process in the whole plan (writer id on the wire)
 * @param messages     writer, pinger: messages to send; incrementer: increments; Long.MAX_VALUE when only a
 *                     duration bounds it. reader: everything the writers on its channel send together
 *                     (with several readers of a queue or a shared ring each gets only part: that is the
 *                     group's total, not a stop condition for one reader); echo: its pinger's warmup + messages
 * @param durationNanos time limit in ns; 0 for none (reader, echo: the longest duration of their senders)
 * @param size         message size in bytes (reader, echo: the largest message on the channel; incrementer: 8)
 * @param ratePerSecond 0 for flat out
 * @param mtype        msgq: type sent (writer, pinger; default 1), or selected when reading (reader: 0, n, -n;
 *                     default 0); echo: its pinger's type; 0 on other channels
 * @param warmup       writer, pinger: unmeasured messages (a pinger's are round trips) before the measured ones; 0 for the others.
 *                     Negative for a writer with a message count and no {@code warmup} key: at least {@code -warmup}
 *                     messages, then on until the writer's JIT compiler has been quiet for a while (the engine's
 *                     WriterRole decides, within a cap), see {@link #warmupMinimum()} and {@link #warmupUntilCompiled()}
 * @param delayNanos   reader, echo: how long each message is held before the next is taken (a slow consumer); 0 for none
 * @param cpus         the CPUs the process is pinned to, ascending (from {@code cpu} or {@code cpus}); empty: not pinned
 */
public record PlannedProcess(
        String name,
        String group,
        int replica,
        int index,
        Role role,
        String channel,
        long messages,
        long durationNanos,
        long size,
        long ratePerSecond,
        long mtype,
        long warmup,
        long delayNanos,
        List<Integer> cpus) {
    public PlannedProcess {
        cpus = List.copyOf(cpus);
    }

    /** The warm-up messages sent at least: the plan's count, whether fixed or a minimum. */
    public long warmupMinimum() {
        return Math.abs(warmup);
    }

    /** True when the warm-up goes on past {@link #warmupMinimum()} until the JIT compiler is quiet (the default for writers). */
    public boolean warmupUntilCompiled() {
        return warmup < 0;
    }

    /** True when the scenario pinned the process to CPUs. */
    public boolean pinned() {
        return !cpus.isEmpty();
    }
}
