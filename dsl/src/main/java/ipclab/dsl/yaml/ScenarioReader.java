package ipclab.dsl.yaml;

import ipclab.dsl.model.ChannelSpec;
import ipclab.dsl.model.ChannelType;
import ipclab.dsl.model.FaultSpec;
import ipclab.dsl.model.Key;
import ipclab.dsl.model.Names;
import ipclab.dsl.model.ProcessSpec;
import ipclab.dsl.model.Role;
import ipclab.dsl.model.Scenario;
import ipclab.dsl.model.Suggestions;
import ipclab.dsl.model.ValueType;
import ipclab.dsl.model.Values;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Binds a {@link YamlNode} tree to a {@link Scenario}, collecting every problem with its position
 * instead of stopping at the first. A field with a bad value is reported and left unset; a channel
 * or process without a valid {@code type}/{@code role} is reported and left out (and named in
 * {@link Result#leftOut()}, so that later checks do not pile spurious errors on top). Which keys
 * exist and what to write for each come from {@link Key}.
 */
public final class ScenarioReader {
    /**
     * @param scenario   the model, or {@code null} when not even a name could be read
     * @param sourceMap  where each path was written
     * @param problems   everything wrong, unsorted
     * @param unreadable true when no scenario could be made at all
     * @param badPaths   paths of fields reported and left unset
     * @param leftOut    names of channels and processes left out (no valid type / role), and "name" when the scenario had none
     * @param channelsOfLeftOut channels that left-out processes named
     */
    public record Result(
            Scenario scenario,
            SourceMap sourceMap,
            List<YamlProblem> problems,
            boolean unreadable,
            Set<String> badPaths,
            Set<String> leftOut,
            Set<String> channelsOfLeftOut) {}

    private final SourceMap map = new SourceMap();
    private final List<YamlProblem> problems = new ArrayList<>();
    private final Set<String> badPaths = new HashSet<>();
    private final Set<String> leftOut = new HashSet<>();
    private final Set<String> leftOutChannelsUsed = new HashSet<>();
    /** Top-level keys found indented inside another section (e.g. 'processes:' under 'channels:'). */
    private final Set<String> misplaced = new HashSet<>();

    private ScenarioReader() {}

    /** Reads YAML bytes: the tree first (hostile input refused there), then the model. */
    public static Result read(byte[] bytes) {
        List<YamlProblem> syntax = new ArrayList<>();
        YamlNode root = YamlTreeReader.read(bytes, syntax);
        ScenarioReader r = new ScenarioReader();
        r.problems.addAll(syntax);
        Scenario s = root == null ? null : r.scenario(root);
        return new Result(
                s,
                r.map,
                List.copyOf(r.problems),
                s == null,
                Set.copyOf(r.badPaths),
                Set.copyOf(r.leftOut),
                Set.copyOf(r.leftOutChannelsUsed));
    }

    private Scenario scenario(YamlNode root) {
        if (!(root instanceof YamlNode.Mapping m)) {
            problem(
                    root.position(),
                    "",
                    "a scenario is a mapping of keys (" + String.join(", ", Scenario.KEYS) + "); this file holds "
                            + root.kind());
            return null;
        }
        String name = null, description = null;
        Long seed = null;
        Duration timeout = null;
        SequencedMap<String, ChannelSpec> channels = new LinkedHashMap<>();
        SequencedMap<String, ProcessSpec> processes = new LinkedHashMap<>();
        SequencedMap<String, List<String>> sweep = new LinkedHashMap<>();
        List<String> expect = new ArrayList<>();
        List<String> compare = new ArrayList<>();
        Integer repeat = null;
        List<FaultSpec> faults = new ArrayList<>();
        boolean sawChannels = false, sawProcesses = false;
        for (YamlNode.Entry e : m.entries()) {
            String key = e.key();
            map.key(key, e.keyPosition());
            switch (key) {
                case "name" -> name = text(e, key);
                case "description" ->
                    description = e.value() instanceof YamlNode.Scalar s && s.isNull() ? null : text(e, key);
                case "seed" -> {
                    String t = text(e, key);
                    if (t != null) seed = convert(e, key, () -> Values.integer(t, "seed", Long.MIN_VALUE));
                }
                case "timeout" -> {
                    String t = text(e, key);
                    if (t != null) timeout = convert(e, key, () -> Values.duration(t));
                }
                case "channels" -> {
                    sawChannels = true;
                    channels(e, channels);
                }
                case "processes" -> {
                    sawProcesses = true;
                    processes(e, processes);
                }
                case "sweep" -> sweep(e, sweep);
                case "repeat" -> {
                    String t = text(e, key);
                    if (t != null) repeat = convert(e, key, () -> Math.toIntExact(Values.integer(t, "repeat", 1)));
                }
                case "expect" -> claims(e, "expect", "consumer.received == producer.sent", expect);
                case "compare" -> claims(e, "compare", "shm-sem beats msgq in throughput from 16KiB up", compare);
                case "faults" -> faults(e, faults);
                default -> unknownKey(e, key, "top-level", Scenario.KEYS);
            }
        }
        if (name == null && !badPaths.contains("name")) {
            problem(
                    m.position(),
                    "name",
                    "missing; every scenario needs a name, e.g. 'name: hello' (letters, digits, '-')");
        }
        sawChannels |= misplaced.contains("channels");
        sawProcesses |= misplaced.contains("processes");
        if (!sawChannels) badPaths.add("channels");
        if (!sawProcesses) badPaths.add("processes");
        if (channels.isEmpty() && !leftOut.isEmpty()) badPaths.add("channels");
        if (processes.isEmpty() && !leftOut.isEmpty()) badPaths.add("processes");
        if (!sawChannels)
            problem(
                    m.position(),
                    "channels",
                    "missing; a scenario needs at least one channel, e.g. 'channels: {q: {type: msgq}}'");
        if (!sawProcesses)
            problem(
                    m.position(),
                    "processes",
                    "missing; a scenario needs processes, e.g. 'processes: {w: {role: writer, channel: q}}'");
        if (name == null || name.isBlank()) {
            badPaths.add("name");
            name = "unnamed";
        }
        return new Scenario(
                name, description, seed, timeout, channels, processes, sweep, repeat, expect, compare, faults);
    }

    private void channels(YamlNode.Entry e, SequencedMap<String, ChannelSpec> out) {
        members(
                e,
                "a mapping from channel names to channels, e.g. 'channels: {q: {type: msgq}}'",
                Key.TYPE,
                ChannelType.class,
                name -> new ChannelSpec.Builder(name, null),
                b -> b::set,
                (b, type) -> b.type(type).build(),
                out,
                body -> {});
    }

    private void processes(YamlNode.Entry e, SequencedMap<String, ProcessSpec> out) {
        members(
                e,
                "a mapping from process names to processes, e.g. 'processes: {w: {role: writer, channel: q}}'",
                Key.ROLE,
                Role.class,
                name -> new ProcessSpec.Builder(name, null),
                b -> b::set,
                (b, role) -> b.role(role).build(),
                out,
                body -> {
                    // a process left out still uses its channel: that channel is not reported unused
                    YamlNode.Entry ch = find(body, "channel");
                    if (ch != null && ch.value() instanceof YamlNode.Scalar sc && !sc.isNull())
                        leftOutChannelsUsed.add(sc.text());
                });
    }

    /**
     * The {@code channels:} or {@code processes:} section: a mapping of names to mappings of the
     * keys of {@code kindKey}'s scope, each read into a {@code builder} (through its {@code setter})
     * and put into {@code out} once its kind is known, or left out after a problem
     * ({@code leftOutBody} sees what was written of it).
     */
    private <B, E extends Enum<E>, S> void members(
            YamlNode.Entry e,
            String expected,
            Key kindKey,
            Class<E> kinds,
            Function<String, B> builder,
            Function<B, BiConsumer<String, String>> setter,
            BiFunction<B, E, S> build,
            SequencedMap<String, S> out,
            Consumer<YamlNode.Mapping> leftOutBody) {
        String section = e.key(), what = Names.yaml(kindKey.scope());
        List<String> keys = Key.names(kindKey.scope());
        YamlNode.Mapping m = mapping(e, section, expected);
        if (m == null) return;
        for (YamlNode.Entry c : m.entries()) {
            String path = section + "." + c.key();
            if (misindentedTopLevelKey(c, section, what)) break; // what follows belongs to it, not to this section
            map.key(path, c.keyPosition());
            YamlNode.Mapping body =
                    mapping(c, path, "a mapping of " + what + " keys (" + String.join(", ", keys) + ")");
            if (body == null) {
                leftOut.add(c.key());
                continue;
            }
            B b = builder.apply(c.key());
            E kind = member(c, path, body, what, kindKey.yaml(), kinds, keys, setter.apply(b));
            if (kind != null) out.put(c.key(), build.apply(b, kind));
            else {
                leftOut.add(c.key());
                leftOutBody.accept(body);
            }
        }
    }

    /**
     * A top-level key with nothing after it inside {@code channels:} or {@code processes:} was
     * indented by mistake: one problem that says so, instead of the cascade a reader would see
     * (a channel named 'processes', processes missing, unknown channel keys role and channel).
     */
    private boolean misindentedTopLevelKey(YamlNode.Entry c, String section, String what) {
        if (!Scenario.KEYS.contains(c.key())
                || !(c.value() instanceof YamlNode.Scalar s)
                || !(s.isNull() || s.text().isEmpty())) return false;
        int col = c.keyPosition().column();
        problem(
                c.keyPosition(),
                c.key(),
                "indentation: '" + c.key() + ":' starts in column " + col + ", so YAML reads it as a "
                        + what + " named '" + c.key() + "' inside '" + section
                        + ":'; a top-level key starts in column 1: move '"
                        + c.key() + ":' to column 1 and keep what belongs to it indented under it");
        misplaced.add(c.key());
        badPaths.add(c.key());
        return true;
    }

    /**
     * One channel's or process's keys: its kind ({@code type} or {@code role}) first, returned, or
     * {@code null} after a problem; every other key set through {@code setter}, each problem reported.
     */
    private <E extends Enum<E>> E member(
            YamlNode.Entry c,
            String path,
            YamlNode.Mapping body,
            String what,
            String kindKey,
            Class<E> kinds,
            List<String> keys,
            BiConsumer<String, String> setter) {
        E kind = null;
        YamlNode.Entry kindEntry = find(body, kindKey);
        if (kindEntry == null) {
            problem(c.keyPosition(), path, "'" + kindKey + "' is missing; one of " + Names.choices(kinds));
        } else {
            map.key(path + "." + kindKey, kindEntry.keyPosition());
            String t = text(kindEntry, path + "." + kindKey);
            if (t != null) kind = convert(kindEntry, path + "." + kindKey, () -> Values.enumValue(kinds, t));
        }
        for (YamlNode.Entry f : body.entries()) {
            if (f.key().equals(kindKey)) continue;
            String fp = path + "." + f.key();
            map.key(fp, f.keyPosition());
            if (!keys.contains(f.key())) {
                unknownKey(f, fp, what, keys);
                continue;
            }
            String t = f.value() instanceof YamlNode.Sequence seq ? listText(f, fp, seq) : text(f, fp);
            if (t != null)
                convert(f, fp, () -> {
                    setter.accept(f.key(), t);
                    return t;
                });
        }
        return kind;
    }

    private void sweep(YamlNode.Entry e, SequencedMap<String, List<String>> out) {
        YamlNode.Mapping m = mapping(
                e,
                "sweep",
                "a mapping from dotted paths to lists of values, e.g. 'processes.producer.size: [64, 1KiB]'");
        if (m == null) return;
        for (YamlNode.Entry s : m.entries()) {
            String path = "sweep." + s.key();
            map.key(path, s.keyPosition());
            if (!(s.value() instanceof YamlNode.Sequence seq)) {
                problem(
                        s.value().position(),
                        path,
                        "expected a list of values, e.g. [64, 1KiB, 4KiB], got "
                                + s.value().kind());
                continue;
            }
            if (seq.items().isEmpty()) {
                problem(seq.position(), path, "the list of values is empty; give at least one value");
                continue;
            }
            List<String> values = new ArrayList<>();
            for (int i = 0; i < seq.items().size(); i++) {
                YamlNode item = seq.items().get(i);
                String ip = path + "[" + i + "]";
                if (item instanceof YamlNode.Scalar sc && !sc.isNull()) {
                    map.value(ip, sc.position());
                    values.add(sc.text());
                } else {
                    problem(
                            item.position(),
                            ip,
                            "expected a single value such as 4KiB or semaphore, got " + item.kind());
                }
            }
            if (values.size() == seq.items().size()) out.put(s.key(), values);
        }
    }

    /** {@code expect:} or {@code compare:}: a list of claims (or one claim), each remembered at its place. */
    private void claims(YamlNode.Entry e, String key, String example, List<String> out) {
        if (e.value() instanceof YamlNode.Scalar s && !s.isNull()) {
            map.value(key + "[0]", s.position());
            out.add(s.text());
            return;
        }
        if (!(e.value() instanceof YamlNode.Sequence seq)) {
            problem(
                    e.value().position(),
                    key,
                    "expected a list of claims, e.g. ['" + example + "'], got "
                            + e.value().kind());
            return;
        }
        for (int i = 0; i < seq.items().size(); i++) {
            YamlNode item = seq.items().get(i);
            if (item instanceof YamlNode.Scalar sc && !sc.isNull()) {
                map.value(key + "[" + i + "]", sc.position());
                out.add(sc.text());
            } else {
                problem(
                        item.position(),
                        key + "[" + i + "]",
                        "expected a claim such as '" + example + "', got " + item.kind());
                out.add("");
                badPaths.add(key + "[" + i + "]");
            }
        }
    }

    /** {@code faults:}: a list of mappings of fault keys; a fault with a bad key or value is reported (and its path marked bad). */
    private void faults(YamlNode.Entry e, List<FaultSpec> out) {
        if (e.value() instanceof YamlNode.Scalar s && s.isNull()) return;
        if (!(e.value() instanceof YamlNode.Sequence seq)) {
            problem(
                    e.value().position(),
                    "faults",
                    "expected a list of faults, e.g. '- {process: producer, action: kill, after: 1000}', got "
                            + e.value().kind());
            badPaths.add("faults");
            return;
        }
        for (int i = 0; i < seq.items().size(); i++) {
            String path = "faults[" + i + "]";
            YamlNode item = seq.items().get(i);
            map.key(path, item.position());
            if (!(item instanceof YamlNode.Mapping m)) {
                problem(
                        item.position(),
                        path,
                        "expected a fault, a mapping of keys (" + String.join(", ", FaultSpec.KEYS) + "), got "
                                + item.kind());
                badPaths.add(path);
                continue;
            }
            FaultSpec.Builder b = new FaultSpec.Builder();
            boolean ok = true;
            for (YamlNode.Entry f : m.entries()) {
                String fp = path + "." + f.key();
                map.key(fp, f.keyPosition());
                if (!FaultSpec.KEYS.contains(f.key())) {
                    unknownKey(f, fp, "fault", FaultSpec.KEYS);
                    ok = false;
                    continue;
                }
                String t = text(f, fp);
                if (t == null
                        || convert(f, fp, () -> {
                                    b.set(f.key(), t);
                                    return t;
                                })
                                == null) ok = false;
            }
            if (find(m, "action") == null) {
                problem(
                        m.position(),
                        path + ".action",
                        "'action' is missing; one of kill | stop | cont | delay | remove | fill");
                ok = false;
            }
            // a bad fault is kept (what could be read of it), so that the planner's faults[i] is the file's;
            // its own problems were reported here, and the planner's about it are left out
            out.add(b.build());
            if (!ok) badPaths.add(path);
        }
    }

    // ---- helpers ----

    private YamlNode.Mapping mapping(YamlNode.Entry e, String path, String expected) {
        if (e.value() instanceof YamlNode.Mapping m) return m;
        if (e.value() instanceof YamlNode.Scalar s && s.isNull()) return new YamlNode.Mapping(List.of(), s.position());
        problem(
                e.value().position(),
                path,
                "expected " + expected + ", got " + e.value().kind());
        badPaths.add(path);
        return null;
    }

    /** The scalar text of an entry's value, or {@code null} after reporting a non-scalar or a null. */
    private String text(YamlNode.Entry e, String path) {
        if (e.value() instanceof YamlNode.Scalar s) {
            map.value(path, s.position());
            if (s.isNull()) {
                problem(e.keyPosition(), path, "has no value; " + example(e.key()));
                badPaths.add(path);
                return null;
            }
            return s.text();
        }
        problem(
                e.value().position(),
                path,
                "expected a single value, got " + e.value().kind() + "; " + example(e.key()));
        badPaths.add(path);
        return null;
    }

    /**
     * A list of scalars for a key that takes one ({@code cpus: [0, 1]}), as the text {@code [0, 1]}
     * its parser reads; {@code null} after reporting a list where a single value belongs, or a bad item.
     */
    private String listText(YamlNode.Entry e, String path, YamlNode.Sequence seq) {
        map.value(path, seq.position());
        List<String> items = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
            if (seq.items().get(i) instanceof YamlNode.Scalar sc && !sc.isNull()) items.add(sc.text());
            else {
                problem(
                        seq.items().get(i).position(),
                        path + "[" + i + "]",
                        "expected a CPU number such as 0, got "
                                + seq.items().get(i).kind());
                badPaths.add(path);
                return null;
            }
        }
        if (items.isEmpty() || !takesList(e.key())) return text(e, path); // reports the list
        return "[" + String.join(", ", items) + "]";
    }

    private static boolean takesList(String key) {
        Key k = Key.find(Key.Scope.PROCESS, key);
        return k != null && k.type() == ValueType.Plain.CPUS;
    }

    private <T> T convert(YamlNode.Entry e, String path, java.util.function.Supplier<T> f) {
        try {
            return f.get();
        } catch (IllegalArgumentException | ArithmeticException ex) {
            problem(e.value().position(), path, ex.getMessage());
            badPaths.add(path);
            return null;
        }
    }

    private void unknownKey(YamlNode.Entry e, String path, String what, List<String> valid) {
        String key = e.key();
        String hint = Suggestions.didYouMean(key, valid);
        problem(
                e.keyPosition(),
                path,
                "unknown " + what + " key '" + key + "'" + hint + " (valid keys: " + String.join(", ", valid) + ")");
        badPaths.add(path);
    }

    private static YamlNode.Entry find(YamlNode.Mapping m, String key) {
        for (YamlNode.Entry e : m.entries()) if (e.key().equals(key)) return e;
        return null;
    }

    private static String example(String key) {
        return Key.hint(key);
    }

    private void problem(YamlNode.Position p, String path, String message) {
        problems.add(new YamlProblem(p.line(), p.column(), path, message));
    }
}
