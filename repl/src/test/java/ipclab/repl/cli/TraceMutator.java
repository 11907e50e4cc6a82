package ipclab.repl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ipclab.dsl.fuzz.Mutator.Mutant;
import ipclab.engine.trace.Trace;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Hostile variants of a recorded trace (JSON lines, see {@code TraceFile}): one to three
 * mutations, each a pure function of a seed. Most of them would be caught by the end line's hash
 * alone, so half of the mutants are <em>resealed</em>: the end line's counts and hash (and the
 * scenario's own hash) are made to match again, as a forger would, and the damage reaches the
 * decoder behind the hash. Mutations: truncate, flip bytes, reorder, delete or duplicate lines;
 * a value of a line becomes huge, negative, NaN, of the wrong type, deeply nested, a huge or
 * unpaired-surrogate string; a field is removed or added; another format version; the end line
 * missing or doubled; the hash edited; invalid UTF-8, a BOM, CRLF line ends.
 */
final class TraceMutator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private TraceMutator() {}

    private static final List<BiFunction<List<String>, Random, String>> LINE_MUTATIONS = List.of(
            TraceMutator::deleteLine,
            TraceMutator::duplicateLine,
            TraceMutator::swapLines,
            TraceMutator::replaceValue,
            TraceMutator::replaceValue,
            TraceMutator::replaceValue,
            TraceMutator::removeField,
            TraceMutator::addField,
            TraceMutator::otherVersion,
            TraceMutator::otherType,
            TraceMutator::editHash,
            TraceMutator::extraEndLine,
            TraceMutator::truncateLine);

    /** One to three mutations of {@code trace}, chosen by {@code seed}, perhaps resealed. */
    static Mutant mutate(String origin, String trace, long seed) {
        Random r = new Random(seed);
        List<String> lines = new ArrayList<>(Arrays.asList(trace.split("\n", -1)));
        if (lines.getLast().isEmpty()) lines.removeLast();
        List<String> applied = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            if (lines.isEmpty()) lines.add("");
            applied.add(LINE_MUTATIONS.get(r.nextInt(LINE_MUTATIONS.size())).apply(lines, r));
        }
        if (r.nextBoolean()) applied.add(reseal(lines));
        byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        switch (r.nextInt(8)) { // byte-level damage last, at times: it may leave no JSON to act on
            case 0 -> {
                int at = r.nextInt(bytes.length + 1);
                bytes = Arrays.copyOf(bytes, at);
                applied.add("truncate at byte " + at);
            }
            case 1 -> {
                int k = 1 + r.nextInt(4);
                for (int j = 0; j < k; j++) bytes[r.nextInt(bytes.length)] ^= (byte) (1 << r.nextInt(8));
                applied.add(k + " bits flipped");
            }
            case 2 -> {
                int at = r.nextInt(bytes.length);
                bytes[at] = (byte) (0x80 | r.nextInt(0x80)); // a continuation byte with no lead: not UTF-8
                applied.add("invalid UTF-8 at byte " + at);
            }
            case 3 -> {
                byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
                byte[] out = new byte[bytes.length + 3];
                System.arraycopy(bom, 0, out, 0, 3);
                System.arraycopy(bytes, 0, out, 3, bytes.length);
                bytes = out;
                applied.add("BOM");
            }
            case 4 -> {
                bytes = new String(bytes, StandardCharsets.UTF_8)
                        .replace("\n", "\r\n")
                        .getBytes(StandardCharsets.UTF_8);
                applied.add("CRLF line ends");
            }
            default -> {
                // no byte-level damage
            }
        }
        return new Mutant(origin, seed, List.copyOf(applied), bytes);
    }

    /** Makes the end line (the last line whose type is end) agree with what is before it, as a forger would. */
    static String reseal(List<String> lines) {
        int end = -1;
        for (int i = lines.size() - 1; i >= 0 && end < 0; i--) {
            ObjectNode o = object(lines.get(i));
            if (o != null && "end".equals(o.path("type").asText())) end = i;
        }
        ObjectNode head = lines.isEmpty() ? null : object(lines.getFirst());
        if (head != null && head.get("scenario") instanceof ObjectNode sc && sc.get("yaml") != null) {
            sc.put("sha256", Trace.sha256(sc.get("yaml").asText()));
            lines.set(0, write(head));
        }
        if (end < 0) return "resealed (no end line)";
        int steps = 0, reports = 0;
        for (int i = 1; i < end; i++) {
            ObjectNode o = object(lines.get(i));
            if (o != null && "step".equals(o.path("type").asText())) steps++;
            if (o != null && "report".equals(o.path("type").asText())) reports++;
        }
        ObjectNode e = object(lines.get(end));
        e.put("steps", steps).put("reports", reports);
        String body = String.join("\n", lines.subList(0, end)) + (end > 0 ? "\n" : "");
        e.put("sha256", Trace.sha256(body));
        lines.set(end, write(e));
        return "resealed";
    }

    private static String deleteLine(List<String> lines, Random r) {
        int i = r.nextInt(lines.size());
        lines.remove(i);
        return "delete line " + (i + 1);
    }

    private static String duplicateLine(List<String> lines, Random r) {
        int i = r.nextInt(lines.size());
        lines.add(i, lines.get(i));
        return "duplicate line " + (i + 1);
    }

    private static String swapLines(List<String> lines, Random r) {
        int i = r.nextInt(lines.size()), j = r.nextInt(lines.size());
        String t = lines.get(i);
        lines.set(i, lines.get(j));
        lines.set(j, t);
        return "swap lines " + (i + 1) + " and " + (j + 1);
    }

    private static String truncateLine(List<String> lines, Random r) {
        int i = r.nextInt(lines.size());
        String l = lines.get(i);
        int at = l.isEmpty() ? 0 : r.nextInt(l.length());
        lines.set(i, l.substring(0, at));
        return "line " + (i + 1) + " cut at " + at;
    }

    /** A value somewhere in a line (nested objects and arrays included) becomes a hostile one. */
    private static String replaceValue(List<String> lines, Random r) {
        int i = r.nextInt(lines.size());
        ObjectNode o = object(lines.get(i));
        if (o == null) return "replace value: line " + (i + 1) + " is not JSON";
        JsonNode container = o;
        String where = "";
        // walk down a random path, stopping at random: the value replaced may be a whole object
        while (true) {
            List<String> names = new ArrayList<>();
            container.fieldNames().forEachRemaining(names::add);
            int size = container.isArray() ? container.size() : names.size();
            if (size == 0) break;
            int k = r.nextInt(size);
            JsonNode child = container.isArray() ? container.get(k) : container.get(names.get(k));
            String step = container.isArray() ? "[" + k + "]" : "." + names.get(k);
            if (child.isContainerNode() && child.size() > 0 && r.nextInt(3) > 0) {
                container = child;
                where += step;
                continue;
            }
            JsonNode hostile = hostile(r);
            if (container instanceof ObjectNode c) c.set(names.get(k), hostile);
            else ((ArrayNode) container).set(k, hostile);
            lines.set(i, write(o));
            return "line " + (i + 1) + " " + where + step + " := " + abbreviate(hostile.toString());
        }
        return "replace value: nothing in line " + (i + 1);
    }

    static JsonNode hostile(Random r) {
        return switch (r.nextInt(22)) {
            case 0 -> F.numberNode(Long.MAX_VALUE);
            case 1 -> F.numberNode(Long.MIN_VALUE);
            case 2 -> F.numberNode(-1);
            case 3 -> F.numberNode(0);
            case 4 -> F.numberNode(Double.NaN);
            case 5 -> F.numberNode(Double.POSITIVE_INFINITY);
            case 6 -> F.numberNode(new java.math.BigInteger("9".repeat(1 + r.nextInt(400))));
            case 7 -> F.numberNode(1.5);
            case 8 -> F.nullNode();
            case 9 -> F.booleanNode(r.nextBoolean());
            case 10 -> F.textNode("");
            case 11 -> F.textNode("x".repeat(1 + r.nextInt(200_000)));
            case 12 -> F.textNode("\ud800"); // an unpaired surrogate: Jackson writes it as is
            case 13 -> F.textNode("a\u0000b\u001b[31m\u202e");
            case 14 ->
                F.textNode(List.of("../../etc/passwd", "no-such-op", "LOAD", "ok ", "42", "-1", "NaN")
                        .get(r.nextInt(7)));
            case 15 -> F.arrayNode();
            case 16 -> F.objectNode();
            case 17 -> F.arrayNode().add(1).add("two").addNull();
            case 18 -> F.objectNode().put("type", "step");
            case 19 -> nested(1 + r.nextInt(r.nextBoolean() ? 20 : 3000), r.nextBoolean());
            case 20 -> F.textNode("name: x\nchannels: {q: {type: msgq}}\nprocesses: {w: {role: writer, channel: q}}");
            default -> F.numberNode(r.nextInt(Integer.MAX_VALUE) - r.nextInt(Integer.MAX_VALUE));
        };
    }

    /** A marker that {@link #write} turns into raw nesting: Jackson itself refuses to write 1,000 levels. */
    private static JsonNode nested(int depth, boolean arrays) {
        return F.textNode("@@nest-" + depth + "-" + (arrays ? "a" : "o") + "@@");
    }

    private static final java.util.regex.Pattern NEST = java.util.regex.Pattern.compile("\"@@nest-(\\d+)-([ao])@@\"");

    private static String removeField(List<String> lines, Random r) {
        int i = r.nextInt(lines.size());
        ObjectNode o = object(lines.get(i));
        if (o == null || o.isEmpty()) return "remove field: none on line " + (i + 1);
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        String name = names.get(r.nextInt(names.size()));
        o.remove(name);
        lines.set(i, write(o));
        return "remove " + name + " from line " + (i + 1);
    }

    private static String addField(List<String> lines, Random r) {
        int i = r.nextInt(lines.size());
        ObjectNode o = object(lines.get(i));
        if (o == null) return "add field: line " + (i + 1) + " is not JSON";
        String name = List.of("extra", "type", "step", "__proto__", "", "k".repeat(1000))
                .get(r.nextInt(6));
        o.set(name, hostile(r));
        lines.set(i, write(o));
        return "add " + abbreviate(name) + " to line " + (i + 1);
    }

    private static String otherVersion(List<String> lines, Random r) {
        ObjectNode o = object(lines.getFirst());
        if (o == null) return "other version: the first line is not JSON";
        JsonNode v = List.<JsonNode>of(
                        F.numberNode(0), F.numberNode(2), F.numberNode(-1), F.textNode("1"), F.numberNode(1.5))
                .get(r.nextInt(5));
        if (r.nextBoolean()) o.set("version", v);
        else o.put("ipclab", List.of("0.0.1", "", "9.9.9-SNAPSHOT").get(r.nextInt(3)));
        lines.set(0, write(o));
        return "version or ipclab := " + o.get("version") + "/" + o.get("ipclab");
    }

    private static String otherType(List<String> lines, Random r) {
        int i = r.nextInt(lines.size());
        ObjectNode o = object(lines.get(i));
        if (o == null) return "other type: line " + (i + 1) + " is not JSON";
        String t = List.of("trace", "step", "report", "end", "nope", "").get(r.nextInt(6));
        o.put("type", t);
        lines.set(i, write(o));
        return "type of line " + (i + 1) + " := " + t;
    }

    private static String editHash(List<String> lines, Random r) {
        ObjectNode o = object(lines.getLast());
        if (o == null || !o.has("sha256")) return "edit hash: no end line";
        String h = o.get("sha256").asText();
        o.put("sha256", h.isEmpty() ? "0" : (h.charAt(0) == '0' ? "1" : "0") + h.substring(1));
        lines.set(lines.size() - 1, write(o));
        return "hash edited";
    }

    private static String extraEndLine(List<String> lines, Random r) {
        String last = lines.getLast();
        if (r.nextBoolean()) lines.add(last);
        else lines.add("{\"type\":\"step\",\"step\":1}");
        return "a line after the end line";
    }

    private static ObjectNode object(String line) {
        try {
            return JSON.readTree(line) instanceof ObjectNode o ? o : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static String write(JsonNode n) {
        String s;
        try {
            s = JSON.writeValueAsString(n);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return NEST.matcher(s).replaceAll(m -> {
            int depth = Integer.parseInt(m.group(1));
            return m.group(2).equals("a")
                    ? "[".repeat(depth) + "1" + "]".repeat(depth)
                    : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        });
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "...(" + s.length() + " chars)" : s;
    }
}
