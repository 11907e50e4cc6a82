package ipclab.dsl.yaml;

import java.util.List;

/**
 * A YAML document as a small tree that remembers where every key and value was written. Only
 * plain data: mappings with string keys, sequences and scalars (kept as their text).
 */
public sealed interface YamlNode {
    /** 1-based line and column. */
    record Position(int line, int column) {}

    Position position();

    /** What a person calls this kind of node in an error message. */
    String kind();

    /** A scalar: its text as written (without quotes), and whether it was YAML null ({@code ~}, {@code null}, empty). */
    record Scalar(String text, boolean isNull, Position position) implements YamlNode {
        @Override
        public String kind() {
            return isNull ? "nothing" : "'" + text + "'";
        }
    }

    /** A sequence ({@code [a, b]} or {@code - a}). */
    record Sequence(List<YamlNode> items, Position position) implements YamlNode {
        @Override
        public String kind() {
            return "a list";
        }
    }

    /** A mapping in the order written; keys are unique (duplicates were reported while reading). */
    record Mapping(List<Entry> entries, Position position) implements YamlNode {
        @Override
        public String kind() {
            return "a mapping";
        }
    }

    /** One key of a mapping, with where the key was written. */
    record Entry(String key, Position keyPosition, YamlNode value) {}
}
