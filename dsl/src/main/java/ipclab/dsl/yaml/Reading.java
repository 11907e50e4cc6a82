package ipclab.dsl.yaml;

import ipclab.dsl.model.Key;
import ipclab.dsl.model.Names;
import ipclab.dsl.model.Suggestions;
import ipclab.dsl.model.ValueType;
import ipclab.dsl.model.Values;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * What reading one scenario collects (where each path was written, every problem, the paths of
 * fields reported and left unset) and the reads that report into it: a mapping, a scalar's text, a
 * list a key takes, a conversion whose exception message is for the user, a mapping of keys.
 * {@link ScenarioReader} walks the sections; this holds what every section reads alike.
 */
final class Reading {
    final SourceMap map = new SourceMap();
    final List<YamlProblem> problems = new ArrayList<>();
    final Set<String> badPaths = new HashSet<>();

    /**
     * One channel's or process's keys: its kind ({@code type} or {@code role}) first, returned, or
     * {@code null} after a problem; every other key set through {@code setter}, each problem reported.
     */
    <E extends Enum<E>> E member(
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

    YamlNode.Mapping mapping(YamlNode.Entry e, String path, String expected) {
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
    String text(YamlNode.Entry e, String path) {
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
    String listText(YamlNode.Entry e, String path, YamlNode.Sequence seq) {
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

    <T> T convert(YamlNode.Entry e, String path, java.util.function.Supplier<T> f) {
        try {
            return f.get();
        } catch (IllegalArgumentException | ArithmeticException ex) {
            problem(e.value().position(), path, ex.getMessage());
            badPaths.add(path);
            return null;
        }
    }

    void unknownKey(YamlNode.Entry e, String path, String what, List<String> valid) {
        String key = e.key();
        String hint = Suggestions.didYouMean(key, valid);
        problem(
                e.keyPosition(),
                path,
                "unknown " + what + " key '" + key + "'" + hint + " (valid keys: " + String.join(", ", valid) + ")");
        badPaths.add(path);
    }

    static YamlNode.Entry find(YamlNode.Mapping m, String key) {
        for (YamlNode.Entry e : m.entries()) if (e.key().equals(key)) return e;
        return null;
    }

    private static String example(String key) {
        return Key.hint(key);
    }

    void problem(YamlNode.Position p, String path, String message) {
        problems.add(new YamlProblem(p.line(), p.column(), path, message));
    }
}
