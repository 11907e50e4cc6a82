package ipclab.dsl.plan;

import ipclab.dsl.model.ChannelSpec;
import ipclab.dsl.model.Key;
import ipclab.dsl.model.Mechanism;
import ipclab.dsl.model.Names;
import ipclab.dsl.model.ProcessSpec;
import ipclab.dsl.model.Scenario;
import ipclab.dsl.model.Suggestions;
import ipclab.dsl.model.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

/**
 * The {@code sweep:} section: which dotted paths can be swept, the cartesian product of their
 * values (the first path varies slowest), and a scenario with one combination applied.
 *
 * <p>Sweepable paths: {@code seed}, {@code timeout}, {@code channels.<name>.<key>} and
 * {@code processes.<name>.<key>} for any channel or process key.
 */
public final class Sweep {
    private Sweep() {}

    /** The most plans one scenario may expand to. */
    public static final int MAX_COMBINATIONS = 1000;

    /** Checks every sweep path and value; problems point at the sweep key or value. */
    public static List<Problem> check(Scenario s) {
        List<Problem> out = new ArrayList<>();
        long combinations = 1;
        for (var e : s.sweep().entrySet()) {
            String path = e.getKey();
            String where = "sweep." + path;
            String problem = pathProblem(s, path);
            if (problem != null) {
                out.add(Problem.key(where, problem));
                continue;
            }
            for (int i = 0; i < e.getValue().size(); i++) {
                try {
                    apply(s, path, e.getValue().get(i));
                } catch (IllegalArgumentException | ArithmeticException ex) {
                    out.add(Problem.value(where + "[" + i + "]", ex.getMessage()));
                }
            }
            combinations = Math.min(
                    Long.MAX_VALUE / 1024,
                    combinations * Math.max(1, e.getValue().size()));
        }
        if (combinations > MAX_COMBINATIONS) {
            out.add(Problem.key(
                    "sweep",
                    "the sweep expands to " + combinations + " runs; at most " + MAX_COMBINATIONS + " are allowed"));
        }
        return out;
    }

    /** Every combination, in order: path -> value as written. One empty map when there is no sweep. */
    public static List<SequencedMap<String, String>> combinations(Scenario s) {
        List<SequencedMap<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (var e : s.sweep().entrySet()) {
            List<SequencedMap<String, String>> next = new ArrayList<>();
            for (SequencedMap<String, String> prefix : out) {
                for (String v : e.getValue()) {
                    SequencedMap<String, String> m = new LinkedHashMap<>(prefix);
                    m.put(e.getKey(), v);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    /** The scenario with {@code path} set to {@code value} (as YAML writes it); throws with a message for the user. */
    public static Scenario apply(Scenario s, String path, String value) {
        String[] p = path.split("\\.", 3);
        switch (p[0]) {
            case "seed" -> {
                return rebuild(s, Values.integer(value, "seed", Long.MIN_VALUE), null);
            }
            case "timeout" -> {
                return rebuild(s, null, Values.duration(value));
            }
            case "channels" -> {
                SequencedMap<String, ChannelSpec> cs = new LinkedHashMap<>(s.channels());
                if (p[2].equals("type")) return mechanism(s, p[1], value);
                cs.put(p[1], cs.get(p[1]).toBuilder().set(p[2], value).build());
                return s.with(cs, s.processes());
            }
            case "processes" -> {
                SequencedMap<String, ProcessSpec> ps = new LinkedHashMap<>(s.processes());
                ps.put(p[1], ps.get(p[1]).toBuilder().set(p[2], value).build());
                return s.with(s.channels(), ps);
            }
            default -> throw new IllegalArgumentException(pathProblem(s, path));
        }
    }

    /**
     * A combination applied: each path set in turn, then, on a channel whose type the combination
     * chose, the keys that type does not take dropped, so that a key of one mechanism
     * ({@code channels.link.sync}) is ignored when the axis selects another.
     */
    public static Scenario apply(Scenario s, Map<String, String> combination) {
        Scenario out = s;
        for (var e : combination.entrySet()) out = apply(out, e.getKey(), e.getValue());
        for (String path : combination.keySet()) {
            String[] p = path.split("\\.", 3);
            if (p.length == 3 && p[0].equals("channels") && p[2].equals("type")) out = fitted(out, p[1]);
        }
        return out;
    }

    /** The channel as a mechanism ({@code shm-spin}: type shm, sync spin) or a plain type, and its processes fitted to it. */
    private static Scenario mechanism(Scenario s, String channel, String value) {
        Mechanism m = Names.named(Mechanism.class, Names::yaml, value)
                .orElseThrow(() -> new IllegalArgumentException(
                        "'" + value + "' is not a channel type or mechanism; " + "write one of "
                                + Names.choices(Mechanism.class)
                                + Suggestions.didYouMean(
                                        value,
                                        Arrays.stream(Mechanism.values())
                                                .map(Names::yaml)
                                                .toList())));
        SequencedMap<String, ChannelSpec> cs = new LinkedHashMap<>(s.channels());
        cs.put(channel, m.select(cs.get(channel)));
        return fitted(s.with(cs, s.processes()), channel);
    }

    /** The keys the channel's type does not take dropped from it and its processes. */
    private static Scenario fitted(Scenario s, String channel) {
        ChannelSpec c = s.channels().get(channel);
        SequencedMap<String, ChannelSpec> cs = new LinkedHashMap<>(s.channels());
        cs.put(channel, Mechanism.fit(c));
        SequencedMap<String, ProcessSpec> ps = new LinkedHashMap<>();
        s.processes().forEach((n, p) -> ps.put(n, channel.equals(p.channel()) ? Mechanism.fit(p, c.type()) : p));
        return s.with(cs, ps);
    }

    private static Scenario rebuild(Scenario s, Long seed, java.time.Duration timeout) {
        return s.with(seed != null ? seed : s.seed(), timeout != null ? timeout : s.timeout(), s.sweep(), s.repeat());
    }

    /** {@code channels.<name>.<key>} or {@code processes.<name>.<key>}: a path of three parts, a known name, a known key. */
    private static String memberProblem(
            String path, String[] p, String what, String example, Collection<String> names, List<String> keys) {
        if (p.length != 3)
            return "'" + path + "' is not a sweepable path; write " + p[0] + ".<name>.<key>, e.g. " + example;
        if (!names.contains(p[1])) {
            return "no " + what + " '" + p[1] + "'" + Suggestions.didYouMean(p[1], names) + " (" + p[0] + ": "
                    + String.join(", ", names) + ")";
        }
        if (!keys.contains(p[2])) {
            return "no " + what + " key '" + p[2] + "'" + Suggestions.didYouMean(p[2], keys) + " (" + what + " keys: "
                    + String.join(", ", keys) + ")";
        }
        return null;
    }

    private static String pathProblem(Scenario s, String path) {
        String[] p = path.split("\\.", -1);
        String forms = "sweepable paths are seed, timeout, channels.<name>.<key> and processes.<name>.<key>";
        switch (p[0]) {
            case "seed", "timeout" -> {
                return p.length == 1 ? null : "'" + path + "' is not a sweepable path; " + forms;
            }
            case "channels" -> {
                return memberProblem(
                        path, p, "channel", "channels.ring.sync", s.channels().keySet(), Key.Scope.CHANNEL.keys());
            }
            case "processes" -> {
                return memberProblem(
                        path,
                        p,
                        "process",
                        "processes.producer.size",
                        s.processes().keySet(),
                        Key.Scope.PROCESS.keys());
            }
            default -> {
                return "'" + path + "' is not a sweepable path"
                        + Suggestions.didYouMean(p[0], List.of("seed", "timeout", "channels", "processes")) + "; "
                        + forms;
            }
        }
    }
}
