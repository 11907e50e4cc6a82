package ipclab.dsl.yaml;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each dotted path of a scenario was written: the key's position and the value's. Paths look
 * like {@code processes.producer.size}, {@code expect[1]}, {@code sweep.processes.producer.size[2]}.
 * A scenario built in Java has an empty map.
 */
public final class SourceMap {
    private final Map<String, YamlNode.Position> keys = new HashMap<>();
    private final Map<String, YamlNode.Position> values = new HashMap<>();

    /** An empty map (a scenario built in Java). */
    public static SourceMap empty() {
        return new SourceMap();
    }

    void key(String path, YamlNode.Position p) {
        keys.putIfAbsent(path, p);
    }

    void value(String path, YamlNode.Position p) {
        values.putIfAbsent(path, p);
    }

    /** Where the (scalar) value at {@code path} was written, else its key, else the nearest enclosing path's; {@code null} when none. */
    public YamlNode.Position valuePosition(String path) {
        for (String p = path; p != null; p = parent(p)) {
            if (values.containsKey(p)) return values.get(p);
            if (keys.containsKey(p)) return keys.get(p);
        }
        return null;
    }

    /** Where the key of {@code path} was written, else the nearest enclosing key's; {@code null} when none. */
    public YamlNode.Position keyPosition(String path) {
        for (String p = path; p != null; p = parent(p)) {
            if (keys.containsKey(p)) return keys.get(p);
            if (values.containsKey(p)) return values.get(p);
        }
        return null;
    }

    public boolean isEmpty() {
        return keys.isEmpty() && values.isEmpty();
    }

    /** {@code a.b[2]} -> {@code a.b}; {@code a.b} -> {@code a}; {@code a} -> {@code null}. Sweep keys hold dots, so both are tried. */
    static String parent(String path) {
        int bracket = path.lastIndexOf('[');
        int dot = path.lastIndexOf('.');
        int cut = Math.max(bracket, dot);
        return cut <= 0 ? null : path.substring(0, cut);
    }
}
