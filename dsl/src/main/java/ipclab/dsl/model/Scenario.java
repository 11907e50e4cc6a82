package ipclab.dsl.model;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

/**
 * A scenario: channels, the processes that use them, optional sweep and claims. Immutable; maps
 * keep the order in which they were written. {@code null} for a field the author left out.
 *
 * @param sweep  dotted path (e.g. {@code processes.producer.size}) to the values to try, in order
 * @param expect claims checked after the run, as written (e.g. {@code consumer.received == producer.sent})
 */
public record Scenario(String name, String description, Long seed, Duration timeout,
                       SequencedMap<String, ChannelSpec> channels, SequencedMap<String, ProcessSpec> processes,
                       SequencedMap<String, List<String>> sweep, List<String> expect) {
    public Scenario {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a scenario needs a name");
        channels = frozen(channels);
        processes = frozen(processes);
        sweep = frozen(sweep);
        expect = expect == null ? List.of() : List.copyOf(expect);
        for (var e : channels.entrySet()) {
            if (!e.getKey().equals(e.getValue().name())) throw new IllegalArgumentException("channel key " + e.getKey() + " != name " + e.getValue().name());
        }
        for (var e : processes.entrySet()) {
            if (!e.getKey().equals(e.getValue().name())) throw new IllegalArgumentException("process key " + e.getKey() + " != name " + e.getValue().name());
        }
    }

    private static <V> SequencedMap<String, V> frozen(Map<String, V> m) {
        if (m == null) return Collections.unmodifiableSequencedMap(new LinkedHashMap<>());
        return Collections.unmodifiableSequencedMap(new LinkedHashMap<>(m));
    }
}
