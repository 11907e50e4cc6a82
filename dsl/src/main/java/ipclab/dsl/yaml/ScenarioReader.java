package ipclab.dsl.yaml;

import ipclab.dsl.model.ChannelSpec;
import ipclab.dsl.model.ChannelSpecBuilder;
import ipclab.dsl.model.ChannelType;
import ipclab.dsl.model.FaultSpec;
import ipclab.dsl.model.FaultSpecBuilder;
import ipclab.dsl.model.Key;
import ipclab.dsl.model.Names;
import ipclab.dsl.model.ProcessSpec;
import ipclab.dsl.model.ProcessSpecBuilder;
import ipclab.dsl.model.Role;
import ipclab.dsl.model.Scenario;
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

    /** Where each path was written, the problems and the bad paths, and the reads that report into them. */
    private final Reading reading = new Reading();

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
        r.reading.problems.addAll(syntax);
        Scenario s = root == null ? null : r.scenario(root);
        return new Result(
                s,
                r.reading.map,
                List.copyOf(r.reading.problems),
                s == null,
                Set.copyOf(r.reading.badPaths),
                Set.copyOf(r.leftOut),
                Set.copyOf(r.leftOutChannelsUsed));
    }

    private Scenario scenario(YamlNode root) {
        if (!(root instanceof YamlNode.Mapping m)) {
            reading.problem(
                    root.position(),
                    "",
                    "a scenario is a mapping of keys (" + String.join(", ", Key.Scope.SCENARIO.keys())
                            + "); this file holds " + root.kind());
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
            reading.map.key(key, e.keyPosition());
            switch (key) {
                case "name" -> name = reading.text(e, key);
                case "description" ->
                    description = e.value() instanceof YamlNode.Scalar s && s.isNull() ? null : reading.text(e, key);
                case "seed" -> {
                    String t = reading.text(e, key);
                    if (t != null) seed = reading.convert(e, key, () -> Values.integer(t, "seed", Long.MIN_VALUE));
                }
                case "timeout" -> {
                    String t = reading.text(e, key);
                    if (t != null) timeout = reading.convert(e, key, () -> Values.duration(t));
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
                    String t = reading.text(e, key);
                    if (t != null)
                        repeat = reading.convert(e, key, () -> Math.toIntExact(Values.integer(t, "repeat", 1)));
                }
                case "expect" -> claims(e, "expect", "consumer.received == producer.sent", expect);
                case "compare" -> claims(e, "compare", "shm-sem beats msgq in throughput from 16KiB up", compare);
                case "faults" -> faults(e, faults);
                default -> reading.unknownKey(e, key, "top-level", Key.Scope.SCENARIO.keys());
            }
        }
        if (name == null && !reading.badPaths.contains("name")) {
            reading.problem(
                    m.position(),
                    "name",
                    "missing; every scenario needs a name, e.g. 'name: hello' (letters, digits, '-')");
        }
        sawChannels |= misplaced.contains("channels");
        sawProcesses |= misplaced.contains("processes");
        if (!sawChannels) reading.badPaths.add("channels");
        if (!sawProcesses) reading.badPaths.add("processes");
        if (channels.isEmpty() && !leftOut.isEmpty()) reading.badPaths.add("channels");
        if (processes.isEmpty() && !leftOut.isEmpty()) reading.badPaths.add("processes");
        if (!sawChannels)
            reading.problem(
                    m.position(),
                    "channels",
                    "missing; a scenario needs at least one channel, e.g. 'channels: {q: {type: msgq}}'");
        if (!sawProcesses)
            reading.problem(
                    m.position(),
                    "processes",
                    "missing; a scenario needs processes, e.g. 'processes: {w: {role: writer, channel: q}}'");
        if (name == null || name.isBlank()) {
            reading.badPaths.add("name");
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
                name -> new ChannelSpecBuilder(name, null),
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
                name -> new ProcessSpecBuilder(name, null),
                b -> b::set,
                (b, role) -> b.role(role).build(),
                out,
                body -> {
                    // a process left out still uses its channel: that channel is not reported unused
                    YamlNode.Entry ch = Reading.find(body, "channel");
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
        List<String> keys = kindKey.scope().keys();
        YamlNode.Mapping m = reading.mapping(e, section, expected);
        if (m == null) return;
        for (YamlNode.Entry c : m.entries()) {
            String path = section + "." + c.key();
            if (misindentedTopLevelKey(c, section, what)) break; // what follows belongs to it, not to this section
            reading.map.key(path, c.keyPosition());
            YamlNode.Mapping body =
                    reading.mapping(c, path, "a mapping of " + what + " keys (" + String.join(", ", keys) + ")");
            if (body == null) {
                leftOut.add(c.key());
                continue;
            }
            B b = builder.apply(c.key());
            E kind = reading.member(c, path, body, what, kindKey.yaml(), kinds, keys, setter.apply(b));
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
        if (!Key.Scope.SCENARIO.keys().contains(c.key())
                || !(c.value() instanceof YamlNode.Scalar s)
                || !(s.isNull() || s.text().isEmpty())) return false;
        int col = c.keyPosition().column();
        reading.problem(
                c.keyPosition(),
                c.key(),
                "indentation: '" + c.key() + ":' starts in column " + col + ", so YAML reads it as a "
                        + what + " named '" + c.key() + "' inside '" + section
                        + ":'; a top-level key starts in column 1: move '"
                        + c.key() + ":' to column 1 and keep what belongs to it indented under it");
        misplaced.add(c.key());
        reading.badPaths.add(c.key());
        return true;
    }

    private void sweep(YamlNode.Entry e, SequencedMap<String, List<String>> out) {
        YamlNode.Mapping m = reading.mapping(
                e,
                "sweep",
                "a mapping from dotted paths to lists of values, e.g. 'processes.producer.size: [64, 1KiB]'");
        if (m == null) return;
        for (YamlNode.Entry s : m.entries()) {
            String path = "sweep." + s.key();
            reading.map.key(path, s.keyPosition());
            if (!(s.value() instanceof YamlNode.Sequence seq)) {
                reading.problem(
                        s.value().position(),
                        path,
                        "expected a list of values, e.g. [64, 1KiB, 4KiB], got "
                                + s.value().kind());
                continue;
            }
            if (seq.items().isEmpty()) {
                reading.problem(seq.position(), path, "the list of values is empty; give at least one value");
                continue;
            }
            List<String> values = new ArrayList<>();
            for (int i = 0; i < seq.items().size(); i++) {
                YamlNode item = seq.items().get(i);
                String ip = path + "[" + i + "]";
                if (item instanceof YamlNode.Scalar sc && !sc.isNull()) {
                    reading.map.value(ip, sc.position());
                    values.add(sc.text());
                } else {
                    reading.problem(
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
            reading.map.value(key + "[0]", s.position());
            out.add(s.text());
            return;
        }
        if (!(e.value() instanceof YamlNode.Sequence seq)) {
            reading.problem(
                    e.value().position(),
                    key,
                    "expected a list of claims, e.g. ['" + example + "'], got "
                            + e.value().kind());
            return;
        }
        for (int i = 0; i < seq.items().size(); i++) {
            YamlNode item = seq.items().get(i);
            if (item instanceof YamlNode.Scalar sc && !sc.isNull()) {
                reading.map.value(key + "[" + i + "]", sc.position());
                out.add(sc.text());
            } else {
                reading.problem(
                        item.position(),
                        key + "[" + i + "]",
                        "expected a claim such as '" + example + "', got " + item.kind());
                out.add("");
                reading.badPaths.add(key + "[" + i + "]");
            }
        }
    }

    /** {@code faults:}: a list of mappings of fault keys; a fault with a bad key or value is reported (and its path marked bad). */
    private void faults(YamlNode.Entry e, List<FaultSpec> out) {
        if (e.value() instanceof YamlNode.Scalar s && s.isNull()) return;
        if (!(e.value() instanceof YamlNode.Sequence seq)) {
            reading.problem(
                    e.value().position(),
                    "faults",
                    "expected a list of faults, e.g. '- {process: producer, action: kill, after: 1000}', got "
                            + e.value().kind());
            reading.badPaths.add("faults");
            return;
        }
        for (int i = 0; i < seq.items().size(); i++) {
            String path = "faults[" + i + "]";
            YamlNode item = seq.items().get(i);
            reading.map.key(path, item.position());
            if (!(item instanceof YamlNode.Mapping m)) {
                reading.problem(
                        item.position(),
                        path,
                        "expected a fault, a mapping of keys (" + String.join(", ", Key.Scope.FAULT.keys()) + "), got "
                                + item.kind());
                reading.badPaths.add(path);
                continue;
            }
            FaultSpecBuilder b = new FaultSpecBuilder();
            boolean ok = true;
            for (YamlNode.Entry f : m.entries()) {
                String fp = path + "." + f.key();
                reading.map.key(fp, f.keyPosition());
                if (!Key.Scope.FAULT.keys().contains(f.key())) {
                    reading.unknownKey(f, fp, "fault", Key.Scope.FAULT.keys());
                    ok = false;
                    continue;
                }
                String t = reading.text(f, fp);
                if (t == null
                        || reading.convert(f, fp, () -> {
                                    b.set(f.key(), t);
                                    return t;
                                })
                                == null) ok = false;
            }
            if (Reading.find(m, "action") == null) {
                reading.problem(
                        m.position(),
                        path + ".action",
                        "'action' is missing; one of kill | stop | cont | delay | remove | fill");
                ok = false;
            }
            // a bad fault is kept (what could be read of it), so that the planner's faults[i] is the file's;
            // its own problems were reported here, and the planner's about it are left out
            out.add(b.build());
            if (!ok) reading.badPaths.add(path);
        }
    }
}
