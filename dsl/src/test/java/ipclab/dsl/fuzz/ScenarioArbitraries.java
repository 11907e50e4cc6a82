package ipclab.dsl.fuzz;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Scenarios generated from the vocabulary rather than mutated from a file: mostly plausible keys
 * with plausible values (so that generated files reach the planner's cross checks: topology,
 * sizes against kernel limits, sweeps, claims), mixed with hostile values and keys. The
 * vocabulary is written out here on purpose: a key renamed in the model still gets fuzzed.
 */
final class ScenarioArbitraries {
    private ScenarioArbitraries() {}

    private static final Map<String, List<String>> CHANNEL_VALUES = Map.of(
            "type", List.of("shm", "msgq", "socket", "pipe"),
            "size", List.of("64", "4KiB", "64KiB", "1MiB", "32MiB", "2GiB", "0", "3", "4095"),
            "slots", List.of("1", "2", "16", "3", "0", "65536", "1048576"),
            "sync", List.of("none", "semaphore", "spin", "atomic"),
            "fanout", List.of("broadcast", "shared", "one", "each"),
            "mode", List.of("blocking", "nowait"),
            "capacity", List.of("1", "16KiB", "0", "8192", "1GiB"),
            "domain", List.of("unix", "tcp", "udp", "unix-dgram"));

    private static final Map<String, List<String>> PROCESS_VALUES = Map.of(
            "role", List.of("writer", "reader", "pinger", "echo", "incrementer"),
            "channel", List.of("q", "ring", "s", "nowhere"),
            "replicas", List.of("1", "2", "4", "0", "-1", "1000", "100000"),
            "messages", List.of("1", "10", "1000", "0", "1000000000", "9223372036854775807"),
            "duration", List.of("1s", "100ms", "0s", "1m", "-1s", "1e9s"),
            "size", List.of("1", "64", "4KiB", "8KiB", "16KiB", "1MiB", "0"),
            "rate", List.of("100/s", "1/s", "0/s", "1000000/s", "10"),
            "mtype", List.of("1", "0", "-1", "2"),
            "warmup", List.of("0", "10", "-1", "1000000"));

    private static final List<String> CHANNEL_NAMES = List.of("q", "ring", "s");
    private static final List<String> PROCESS_NAMES = List.of("producer", "consumer", "p", "e", "w");

    static Arbitrary<String> yaml() {
        Arbitrary<String> name = rare(
                Arbitraries.just("name: fuzz\n"), Arbitraries.of("", "name: \"\"\n", "name: [x]\n", "name: a b\n"));
        Arbitrary<String> extra = Combinators.combine(
                        Arbitraries.of("seed", "timeout", "description"), value(List.of("30s", "1", "5s")))
                .as((k, v) -> k + ": " + v + "\n")
                .list()
                .ofMaxSize(2)
                .uniqueElements(ScenarioArbitraries::firstLine)
                .map(l -> String.join("", l));
        Arbitrary<String> channels = entries(CHANNEL_NAMES, "type", CHANNEL_VALUES, Arbitraries.just(""))
                .list()
                .ofMinSize(1)
                .ofMaxSize(3)
                .uniqueElements(ScenarioArbitraries::firstLine)
                .map(cs -> section("channels", cs));
        Arbitrary<String> processes = entries(
                        PROCESS_NAMES,
                        "role",
                        PROCESS_VALUES,
                        value(CHANNEL_NAMES).map(c -> "    channel: " + c + "\n"))
                .list()
                .ofMinSize(1)
                .ofMaxSize(4)
                .uniqueElements(ScenarioArbitraries::firstLine)
                .map(ps -> section("processes", ps));
        Arbitrary<String> sweep = Combinators.combine(
                        Arbitraries.of(
                                "channels.q.size",
                                "processes.producer.size",
                                "seed",
                                "timeout",
                                "processes.p.messages",
                                "channels.ring.sync",
                                "nowhere"),
                        value(List.of("1", "64", "4KiB")).list().ofMinSize(1).ofMaxSize(12))
                .as((k, vs) -> "  " + k + ": [" + String.join(", ", vs) + "]\n")
                .list()
                .ofMaxSize(2)
                .uniqueElements(ScenarioArbitraries::firstLine)
                .map(l -> l.isEmpty() ? "" : "sweep:\n" + String.join("", l));
        Arbitrary<String> expect = Combinators.combine(
                        Arbitraries.of(PROCESS_NAMES),
                        Arbitraries.of(
                                "received",
                                "sent",
                                "lost",
                                "latency.p50",
                                "final",
                                "expected",
                                "errors.EAGAIN",
                                "nope"),
                        Arbitraries.of("==", "<", ">=", "!=", "=", ""),
                        value(List.of("0", "5ms", "producer.sent")))
                .as((n, m, op, v) -> "  - " + n + "." + m + " " + op + " " + v + "\n")
                .list()
                .ofMaxSize(3)
                .map(l -> l.isEmpty() ? "" : "expect:\n" + String.join("", l));
        Arbitrary<String> any = Combinators.combine(
                        name,
                        extra,
                        channels,
                        processes,
                        rare(Arbitraries.just(""), sweep),
                        rare(Arbitraries.just(""), expect))
                .as((a, b, c, d, e, f) -> a + b + c + d + e + f);
        return Arbitraries.oneOf(any, pair());
    }

    /** One channel and a sending and a receiving process on it, each with a few more keys: often valid, so the checks of a valid plan run too. */
    private static Arbitrary<String> pair() {
        Arbitrary<String> roles =
                Arbitraries.of("writer/reader", "pinger/echo", "writer/reader", "incrementer/incrementer");
        return Combinators.combine(
                        Arbitraries.of(CHANNEL_VALUES.get("type")),
                        roles,
                        fields(CHANNEL_VALUES, 2),
                        fields(PROCESS_VALUES, 2),
                        fields(PROCESS_VALUES, 1))
                .as((type, r, cf, pf, qf) -> "name: pair\nchannels:\n  q:\n    type: " + type + "\n" + cf
                        + "processes:\n  p:\n    role: " + r.substring(0, r.indexOf('/')) + "\n    channel: q\n" + pf
                        + "  c:\n    role: " + r.substring(r.indexOf('/') + 1) + "\n    channel: q\n" + qf);
    }

    private static Arbitrary<String> fields(Map<String, List<String>> vocabulary, int most) {
        List<String> keys = vocabulary.keySet().stream()
                .filter(k -> !k.equals("type") && !k.equals("role") && !k.equals("channel"))
                .sorted()
                .toList();
        return Arbitraries.of(keys)
                .flatMap(k -> value(vocabulary.get(k)).map(v -> "    " + k + ": " + v + "\n"))
                .list()
                .ofMaxSize(most)
                .uniqueElements(ScenarioArbitraries::firstLine)
                .map(l -> String.join("", l));
    }

    /** {@code usual} mostly, {@code unusual} one time in five. */
    private static Arbitrary<String> rare(Arbitrary<String> usual, Arbitrary<String> unusual) {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, usual), net.jqwik.api.Tuple.of(1, unusual));
    }

    /** One named entry as indented block YAML: its first key (type, role), what must follow, then 0-3 more keys. */
    private static Arbitrary<String> entries(
            List<String> names, String firstKey, Map<String, List<String>> vocabulary, Arbitrary<String> then) {
        List<String> keys = vocabulary.keySet().stream()
                .filter(k -> !k.equals(firstKey) && !k.equals("channel"))
                .sorted()
                .toList();
        Arbitrary<String> key = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(30, Arbitraries.of(keys)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(Mutator.ODD_KEYS)));
        Arbitrary<String> field = key.flatMap(
                k -> value(vocabulary.getOrDefault(k, List.of("1"))).map(v -> "    " + k + ": " + v + "\n"));
        Arbitrary<String> first = value(vocabulary.get(firstKey)).map(v -> "    " + firstKey + ": " + v + "\n");
        return Combinators.combine(
                        name(names),
                        first,
                        then,
                        field.list().ofMaxSize(3).uniqueElements(ScenarioArbitraries::firstLine))
                .as((n, f, t, fs) -> "  " + n + ":\n" + f + t + String.join("", fs));
    }

    /** The key of a rendered entry or field: what must be unique among its siblings. */
    private static String firstLine(String rendered) {
        String line = rendered.lines().findFirst().orElse("");
        int colon = line.indexOf(':');
        return colon < 0 ? line : line.substring(0, colon);
    }

    private static String section(String key, List<String> entries) {
        return entries.isEmpty() ? key + ": {}\n" : key + ":\n" + String.join("", entries);
    }

    private static Arbitrary<String> name(List<String> names) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(30, Arbitraries.of(names)),
                net.jqwik.api.Tuple.of(
                        1,
                        Arbitraries.strings()
                                .alpha()
                                .numeric()
                                .withChars("-_.: ")
                                .ofMinLength(1)
                                .ofMaxLength(70)));
    }

    /** Mostly a plausible value for the key, sometimes a hostile one, sometimes arbitrary text. */
    private static Arbitrary<String> value(List<String> plausible) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(80, Arbitraries.of(plausible)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(Mutator.HOSTILE_VALUES).filter(v -> !v.contains("\n"))),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().map(String::valueOf)),
                net.jqwik.api.Tuple.of(
                        1,
                        Arbitraries.strings()
                                .ofMaxLength(12)
                                .map(s -> '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"')));
    }
}
