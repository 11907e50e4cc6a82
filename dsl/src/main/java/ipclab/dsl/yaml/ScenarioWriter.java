package ipclab.dsl.yaml;

import ipclab.dsl.model.ChannelSpec;
import ipclab.dsl.model.Durations;
import ipclab.dsl.model.FaultSpec;
import ipclab.dsl.model.Key;
import ipclab.dsl.model.ProcessSpec;
import ipclab.dsl.model.Scenario;
import ipclab.dsl.model.ValueType;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Writes any {@link Scenario} as YAML in the scenario vocabulary, keys in the documented order,
 * units written naturally ({@code 4KiB}, {@code 50ms}, {@code 20k/s}); only what the scenario
 * sets is written, so reading the result gives back an equal scenario.
 */
public final class ScenarioWriter {
    private ScenarioWriter() {}

    /** A plain scalar that YAML reads back as the same string and never as a number, bool or null. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_./-]*");

    private static final List<String> RESERVED =
            List.of("true", "false", "yes", "no", "on", "off", "null", "y", "n", "~");
    /** Values the writer produces itself (sizes, durations, rates, numbers): always safe plain. */
    private static final Pattern VALUE = Pattern.compile("-?[0-9]+([A-Za-z]+|[kM]?/s)?");

    /** The scenario as YAML; the optional schema comment makes editors check and complete it. */
    public static String toYaml(Scenario s) {
        return toYaml(s, null);
    }

    /** The scenario as YAML, with a {@code yaml-language-server} schema comment when {@code schemaPath} is given. */
    public static String toYaml(Scenario s, String schemaPath) {
        StringBuilder y = new StringBuilder();
        if (schemaPath != null)
            y.append("# yaml-language-server: $schema=").append(schemaPath).append('\n');
        y.append("name: ").append(string(s.name())).append('\n');
        if (s.description() != null)
            y.append("description: ").append(string(s.description())).append('\n');
        if (s.seed() != null) y.append("seed: ").append(s.seed()).append('\n');
        if (s.timeout() != null)
            y.append("timeout: ").append(Durations.format(s.timeout())).append('\n');
        y.append("channels:").append(s.channels().isEmpty() ? " {}\n" : "\n");
        for (ChannelSpec c : s.channels().values()) {
            y.append("  ").append(string(c.name())).append(":\n");
            keys(y, Key.Scope.CHANNEL, c::get, "    ");
        }
        y.append("processes:").append(s.processes().isEmpty() ? " {}\n" : "\n");
        for (ProcessSpec p : s.processes().values()) {
            y.append("  ").append(string(p.name())).append(":\n");
            keys(y, Key.Scope.PROCESS, p::get, "    ");
        }
        if (!s.sweep().isEmpty()) {
            y.append("sweep:\n");
            s.sweep().forEach((path, values) -> {
                y.append("  ").append(string(path)).append(": [");
                for (int i = 0; i < values.size(); i++)
                    y.append(i == 0 ? "" : ", ").append(string(values.get(i)));
                y.append("]\n");
            });
        }
        if (s.repeat() != null) y.append("repeat: ").append(s.repeat()).append('\n');
        if (!s.expect().isEmpty()) {
            y.append("expect:\n");
            for (String e : s.expect()) y.append("  - ").append(string(e)).append('\n');
        }
        if (!s.compare().isEmpty()) {
            y.append("compare:\n");
            for (String c : s.compare()) y.append("  - ").append(string(c)).append('\n');
        }
        if (!s.faults().isEmpty()) {
            y.append("faults:\n");
            for (FaultSpec f : s.faults()) keys(y, Key.Scope.FAULT, f::get, "  - ");
        }
        return y.toString();
    }

    /**
     * The keys a spec sets, one {@code key: value} line each in the documented order, indented
     * under its name; {@code lead} starts the first line ({@code "  - "} for a list item). A
     * reference to a channel or process is a name, written as a string; every other value as a value.
     */
    private static void keys(StringBuilder y, Key.Scope scope, Function<String, String> get, String lead) {
        for (Key k : Key.of(scope)) {
            String v = get.apply(k.yaml());
            if (v == null) continue;
            boolean name = k.type() == ValueType.Plain.CHANNEL_REF || k.type() == ValueType.Plain.PROCESS_REF;
            y.append(lead)
                    .append(k.yaml())
                    .append(": ")
                    .append(name ? string(v) : value(v))
                    .append('\n');
            lead = "    ";
        }
    }

    /** A flow list of numbers ({@code cpus: [0, 1]}): written as YAML reads it back. */
    private static final Pattern NUMBER_LIST = Pattern.compile("\\[[0-9]+(, [0-9]+)*]");

    private static String value(String v) {
        return VALUE.matcher(v).matches() || NUMBER_LIST.matcher(v).matches() ? v : string(v);
    }

    /** Plain when safe, else double-quoted with escapes. Numbers-looking strings are quoted unless they are values. */
    static String string(String v) {
        if (PLAIN.matcher(v).matches() && !RESERVED.contains(v.toLowerCase(java.util.Locale.ROOT))) return v;
        if (v.matches("-?(0|[1-9][0-9]{0,17})")) return v; // read back as the text "64"
        if (VALUE.matcher(v).matches() && !v.matches("-?[0-9]+") && !v.startsWith("0")) return v; // 4KiB, 20k/s
        return quote(v);
    }

    static String quote(String v) {
        StringBuilder q = new StringBuilder("\"");
        v.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                case '\r' -> q.append("\\r");
                default -> {
                    if (cp >= 0x20 && cp < 0x7f) q.appendCodePoint(cp);
                    else if (cp <= 0xffff) q.append(String.format("\\u%04x", cp));
                    else q.append(String.format("\\U%08x", cp));
                }
            }
        });
        return q.append('"').toString();
    }
}
