package ipclab.dsl.model;

import ipclab.dsl.processor.Setters;
import java.time.Duration;

/**
 * One fault injected on purpose, as the scenario wrote it; {@code null} means "not given". Every
 * component is the YAML key of the same name under {@code faults:} (described in {@link Key}),
 * but {@code holdFor}, written {@code for} in YAML ({@code for} is a Java keyword). Its builder,
 * {@link FaultSpecBuilder}, is generated from the components ({@link Setters}).
 *
 * <pre>
 * faults:
 *   - process: producer-1    # a process after replicas, or
 *     action: kill           # kill | stop | cont | delay | remove | fill
 *     after: 1000            # after it sent or received this many messages, or
 *   - channel: jobs          # remove and fill act on a channel
 *     action: remove
 *     at: 500ms              # after the start barrier
 * </pre>
 */
@Setters
public record FaultSpec(String process, String channel, FaultAction action, Long after, Duration at, Duration holdFor)
        implements Spec<FaultSpec, FaultSpecBuilder> {
    /** The target as a person reads it: {@code process producer-1} or {@code channel jobs}. */
    public String target() {
        return process != null ? "process " + process : channel != null ? "channel " + channel : "nothing";
    }
}
