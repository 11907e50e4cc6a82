package ipclab.dsl.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Hostile variants of a valid scenario: one to four mutations, each a pure function of a seed, so
 * that a failing case is reproduced from (file, seed) alone. Mutations act on lines (delete,
 * duplicate, swap, re-indent, truncate), on values (other types, huge and odd numbers, unicode,
 * YAML syntax such as anchors, tags and flow collections, deep nesting), on keys (unknown,
 * misspelt) and on bytes (random bytes, invalid UTF-8, control characters).
 */
public final class Mutator {
    private Mutator() {}

    /** A mutated file: where it came from, the seed that made it, what was done, and the result. */
    public record Mutant(String origin, long seed, List<String> applied, byte[] bytes) {
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "mutant of " + origin + " seed " + seed + " " + applied;
        }
    }

    /** Values of every type and shape a scenario key must survive. */
    static final List<String> HOSTILE_VALUES = List.of(
            "",
            "~",
            "null",
            "true",
            "no",
            "[]",
            "{}",
            "[a, b]",
            "{a: 1}",
            "[[[]]]",
            "-1",
            "0",
            "-0",
            "1.5",
            "1e309",
            "-1e309",
            ".nan",
            ".inf",
            "-.inf",
            "0x7fffffff",
            "0o777",
            "0b101",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775808",
            "99999999999999999999999999999999999999",
            "1" + "0".repeat(400),
            "4KiB",
            "999999999TiB",
            "-4KiB",
            "1.5MiB",
            "7 bytes",
            "1KB",
            "0B",
            "1ms",
            "-5s",
            "99999999999h",
            "1e3ms",
            "100/s",
            "10%",
            "NaN",
            "\"quoted\"",
            "'single'",
            "\"",
            "'",
            "\"unterminated",
            "é漢字🙂",
            "\u202eevil",
            "\u200b",
            "\uFEFF",
            "a\\u0000b",
            "\"\\u0000\"",
            "\"\\ud800\"",
            "!!python/object/apply:os.system [ls]",
            "!!binary AAAA",
            "!custom x",
            "&anchor x",
            "*anchor",
            "<<: *anchor",
            "|",
            ">",
            "|-\n  block",
            "- item",
            "? complex",
            ": colon",
            "%TAG ! x",
            "@at",
            "`tick`",
            "x".repeat(5000),
            "writer",
            "reader",
            "pinger",
            "echo",
            "incrementer",
            "shm",
            "msgq",
            "socket",
            "pipe",
            "none",
            "semaphore",
            "spin",
            "atomic",
            "nowait",
            "blocking",
            "unix",
            "tcp",
            "udp",
            "q",
            "ring",
            "producer",
            "consumer",
            "a == b",
            "consumer.received == producer.sent",
            "q.latency.p50 < 5ms",
            "x.y.z >= -1e999",
            "((((",
            "== ==");

    /** Keys a scenario does not have, and near misses of ones it has. */
    static final List<String> ODD_KEYS = List.of(
            "unknown",
            "typ",
            "proccesses",
            "chanels",
            "Role",
            "size ",
            "'size'",
            "\"role\"",
            "<<",
            "? x",
            "-",
            "__proto__",
            "élan",
            "a.b",
            "a[0]",
            "9",
            "null",
            "true",
            "k".repeat(300),
            "sweep.x",
            "expect[0]");

    /** NUL, SOH, BEL, BS, VT, FF, ESC, DEL: what a text file must not hold (tab, LF and CR are allowed). */
    private static final byte[] CONTROL_BYTES = {0, 1, 7, 8, 0x0b, 0x0c, 0x1b, 0x7f};

    private static final List<BiFunction<List<String>, Random, String>> LINE_MUTATIONS = List.of(
            Mutator::deleteLine,
            Mutator::duplicateLine,
            Mutator::swapLines,
            Mutator::reindent,
            Mutator::replaceValue,
            Mutator::replaceValue,
            Mutator::replaceValue,
            Mutator::hugeNumber,
            Mutator::insertKey,
            Mutator::renameKey,
            Mutator::anchorAndAlias,
            Mutator::deepNesting,
            Mutator::unicode,
            Mutator::documentMarkers,
            Mutator::flowStyle,
            Mutator::blockToSequence,
            Mutator::mangleExpression);

    /** One to four mutations of {@code original}, chosen by {@code seed}. */
    public static Mutant mutate(String origin, byte[] original, long seed) {
        Random r = new Random(seed);
        List<String> lines =
                new ArrayList<>(Arrays.asList(new String(original, StandardCharsets.UTF_8).split("\n", -1)));
        List<String> applied = new ArrayList<>();
        int n = 1 + r.nextInt(4);
        byte[] bytes = null;
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(LINE_MUTATIONS.size() + 3);
            if (kind < LINE_MUTATIONS.size()) {
                if (lines.isEmpty()) lines.add("");
                applied.add(LINE_MUTATIONS.get(kind).apply(lines, r));
            } else {
                // byte-level damage comes last: it may leave no text to act on
                bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
                int at = bytes.length == 0 ? 0 : r.nextInt(bytes.length);
                switch (kind - LINE_MUTATIONS.size()) {
                    case 0 -> {
                        bytes = Arrays.copyOf(bytes, at);
                        applied.add("truncate at byte " + at);
                    }
                    case 1 -> {
                        byte[] junk = new byte[1 + r.nextInt(16)];
                        r.nextBytes(junk);
                        bytes = insert(bytes, at, junk);
                        applied.add(junk.length + " random bytes at byte " + at);
                    }
                    default -> {
                        byte control = CONTROL_BYTES[r.nextInt(CONTROL_BYTES.length)];
                        bytes = insert(bytes, at, new byte[] {control});
                        applied.add("control byte " + control + " at byte " + at);
                    }
                }
                break;
            }
        }
        if (bytes == null) bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        return new Mutant(origin, seed, List.copyOf(applied), bytes);
    }

    private static int pick(List<String> lines, Random r) {
        return r.nextInt(lines.size());
    }

    private static String deleteLine(List<String> lines, Random r) {
        int i = pick(lines, r);
        lines.remove(i);
        return "delete line " + (i + 1);
    }

    private static String duplicateLine(List<String> lines, Random r) {
        int i = pick(lines, r);
        lines.add(i, lines.get(i));
        return "duplicate line " + (i + 1);
    }

    private static String swapLines(List<String> lines, Random r) {
        int i = pick(lines, r);
        int j = r.nextBoolean() ? Math.min(lines.size() - 1, i + 1) : pick(lines, r);
        String t = lines.get(i);
        lines.set(i, lines.get(j));
        lines.set(j, t);
        return "swap lines " + (i + 1) + " and " + (j + 1);
    }

    private static String reindent(List<String> lines, Random r) {
        int i = pick(lines, r);
        String body = lines.get(i).stripLeading();
        String indent =
                switch (r.nextInt(5)) {
                    case 0 -> "";
                    case 1 -> " ";
                    case 2 -> "\t";
                    case 3 -> " ".repeat(1 + r.nextInt(40));
                    default -> lines.get(i).substring(0, lines.get(i).length() - body.length()) + "  ";
                };
        lines.set(i, indent + body);
        return "re-indent line " + (i + 1) + " by " + indent.length();
    }

    /** The value after {@code key:} (or after {@code - } in a list) becomes a hostile one. */
    private static String replaceValue(List<String> lines, Random r) {
        int i = pick(lines, r);
        String line = lines.get(i);
        String value = HOSTILE_VALUES.get(r.nextInt(HOSTILE_VALUES.size()));
        int colon = line.indexOf(": ");
        int dash = line.indexOf("- ");
        if (colon >= 0) lines.set(i, line.substring(0, colon + 2) + value);
        else if (dash >= 0) lines.set(i, line.substring(0, dash + 2) + value);
        else if (line.endsWith(":")) lines.set(i, line + " " + value);
        else lines.set(i, line + value);
        return "value of line " + (i + 1) + " := " + abbreviate(value);
    }

    private static String hugeNumber(List<String> lines, Random r) {
        int i = pick(lines, r);
        String huge =
                switch (r.nextInt(4)) {
                    case 0 -> Long.toString(Long.MAX_VALUE);
                    case 1 -> Long.toString(Long.MIN_VALUE);
                    case 2 -> "9".repeat(1 + r.nextInt(60));
                    default -> Integer.toString(Integer.MAX_VALUE + r.nextInt(3) - 1);
                };
        lines.set(i, lines.get(i).replaceAll("\\d+", huge));
        return "numbers of line " + (i + 1) + " := " + huge;
    }

    private static String insertKey(List<String> lines, Random r) {
        int i = pick(lines, r);
        String line = lines.get(i);
        String indent = line.substring(0, line.length() - line.stripLeading().length());
        String key = ODD_KEYS.get(r.nextInt(ODD_KEYS.size()));
        String value = HOSTILE_VALUES.get(r.nextInt(HOSTILE_VALUES.size()));
        lines.add(i, indent + key + ": " + value);
        return "insert key '" + abbreviate(key) + "' at line " + (i + 1);
    }

    private static String renameKey(List<String> lines, Random r) {
        int i = pick(lines, r);
        String line = lines.get(i);
        int colon = line.indexOf(':');
        if (colon <= 0) return "rename key: none on line " + (i + 1);
        String key = line.substring(0, colon).strip();
        String renamed = key.isEmpty()
                ? "x"
                : switch (r.nextInt(3)) {
                    case 0 -> key.substring(1);
                    case 1 -> key.toUpperCase();
                    default -> key + key.charAt(key.length() - 1);
                };
        lines.set(
                i,
                line.replaceFirst(
                        java.util.regex.Pattern.quote(key), java.util.regex.Matcher.quoteReplacement(renamed)));
        return "rename key on line " + (i + 1);
    }

    private static String anchorAndAlias(List<String> lines, Random r) {
        int i = pick(lines, r);
        int j = pick(lines, r);
        if (lines.get(i).endsWith(":")) lines.set(i, lines.get(i) + " &a");
        else lines.set(i, lines.get(i).replaceFirst(": ", ": &a "));
        int colon = lines.get(j).indexOf(": ");
        lines.set(j, colon >= 0 ? lines.get(j).substring(0, colon + 2) + "*a" : lines.get(j) + " *a");
        if (r.nextBoolean())
            lines.add(
                    j,
                    lines.get(j)
                                    .substring(
                                            0,
                                            lines.get(j).length()
                                                    - lines.get(j)
                                                            .stripLeading()
                                                            .length()) + "<<: *a");
        return "anchor at line " + (i + 1) + ", alias at line " + (j + 1);
    }

    private static String deepNesting(List<String> lines, Random r) {
        int i = pick(lines, r);
        int depth = 1 + r.nextInt(r.nextBoolean() ? 20 : 3000);
        String nested = r.nextBoolean()
                ? "[".repeat(depth) + "]".repeat(depth)
                : "{a: ".repeat(depth) + "1" + "}".repeat(depth);
        int colon = lines.get(i).indexOf(": ");
        lines.set(i, colon >= 0 ? lines.get(i).substring(0, colon + 2) + nested : lines.get(i) + nested);
        return "nesting " + depth + " deep at line " + (i + 1);
    }

    private static String unicode(List<String> lines, Random r) {
        int i = pick(lines, r);
        String line = lines.get(i);
        String u =
                switch (r.nextInt(6)) {
                    case 0 -> "\uFEFF";
                    case 1 -> "\u202e";
                    case 2 -> "\u00a0";
                    case 3 -> "\u2028";
                    case 4 -> new String(Character.toChars(0x1F600 + r.nextInt(80)));
                    default -> String.valueOf((char) (0x80 + r.nextInt(0xD700)));
                };
        int at = line.isEmpty() ? 0 : r.nextInt(line.length() + 1);
        lines.set(i, line.substring(0, at) + u + line.substring(at));
        return "unicode U+" + Integer.toHexString(u.codePointAt(0)) + " in line " + (i + 1);
    }

    private static String documentMarkers(List<String> lines, Random r) {
        int i = r.nextInt(lines.size() + 1);
        String m = List.of("---", "...", "%YAML 1.2", "%YAML 9.9", "--- !!map", "--- |", "# just a comment")
                .get(r.nextInt(7));
        lines.add(i, m);
        return "insert '" + m + "' at line " + (i + 1);
    }

    /** A block mapping's children folded into one flow mapping, perhaps unbalanced. */
    private static String flowStyle(List<String> lines, Random r) {
        int i = pick(lines, r);
        if (!lines.get(i).endsWith(":") || i + 1 >= lines.size()) return "flow style: nothing at line " + (i + 1);
        StringBuilder sb = new StringBuilder(lines.get(i)).append(" {");
        while (i + 1 < lines.size()
                && lines.get(i + 1).startsWith(" ")
                && lines.get(i + 1).strip().contains(": ")) {
            sb.append(lines.remove(i + 1).strip()).append(", ");
        }
        if (r.nextInt(4) > 0) sb.append('}');
        lines.set(i, sb.toString());
        return "flow style at line " + (i + 1);
    }

    private static String blockToSequence(List<String> lines, Random r) {
        int i = pick(lines, r);
        String line = lines.get(i);
        String body = line.stripLeading();
        lines.set(i, line.substring(0, line.length() - body.length()) + "- " + body);
        return "sequence item at line " + (i + 1);
    }

    private static String mangleExpression(List<String> lines, Random r) {
        int i = pick(lines, r);
        String line = lines.get(i);
        String[] ops = {"==", "!=", "<", "<=", ">", ">=", "=", "<>", "===", "", "&&", "+", "*"};
        String mangled = line.replaceFirst("==|<=|>=|<|>", ops[r.nextInt(ops.length)])
                .replaceFirst(
                        "\\.", List.of("..", ".", "", ". ", ".latency.p999.").get(r.nextInt(5)));
        lines.set(i, mangled);
        return "mangle expression on line " + (i + 1);
    }

    private static byte[] insert(byte[] bytes, int at, byte[] insert) {
        byte[] out = new byte[bytes.length + insert.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(bytes, at, out, at + insert.length, bytes.length - at);
        return out;
    }

    static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "...(" + s.length() + " chars)" : s;
    }
}
