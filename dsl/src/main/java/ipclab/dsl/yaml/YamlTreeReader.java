package ipclab.dsl.yaml;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads YAML text into a {@link YamlNode} tree, refusing what a scenario never needs and what a
 * hostile file might use: more than {@link #MAX_BYTES} bytes, nesting deeper than
 * {@link #MAX_DEPTH}, anchors, aliases, merge keys, tags ({@code !!python/object}: no typing from
 * the file, ever), several documents, binary content and duplicate keys. Nothing in a file is
 * ever instantiated or run: the tree holds strings only.
 */
public final class YamlTreeReader {
    /** The largest scenario file accepted. */
    public static final int MAX_BYTES = 1 << 20;
    /** The deepest nesting accepted (a scenario needs 4). */
    public static final int MAX_DEPTH = 16;

    private static final YAMLFactory FACTORY = factory();

    private final List<YamlProblem> problems = new ArrayList<>();

    private YamlTreeReader() {}

    /** The tree, or {@code null} when the file cannot be read at all; problems go to {@code out}. */
    public static YamlNode read(byte[] bytes, List<YamlProblem> out) {
        YamlTreeReader r = new YamlTreeReader();
        YamlNode root = r.readBytes(bytes);
        out.addAll(r.problems);
        return root;
    }

    /** As {@link #read(byte[], List)} for text already decoded. */
    public static YamlNode read(String text, List<YamlProblem> out) {
        return read(text.getBytes(StandardCharsets.UTF_8), out);
    }

    private YamlNode readBytes(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            problem(
                    1,
                    1,
                    "the file has " + bytes.length + " bytes; a scenario may have at most " + MAX_BYTES + " (1 MiB)");
            return null;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            int bad = firstInvalidUtf8(bytes);
            problemAt(
                    bytes,
                    bad,
                    "not a text file: byte 0x%02x at offset %d is not UTF-8; a scenario is UTF-8 YAML"
                            .formatted(bytes[bad] & 0xff, bad));
            return null;
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7f) {
                int[] lc = lineColumn(text, i);
                problem(
                        lc[0],
                        lc[1],
                        "not a text file: control character 0x%02x at offset %d; a scenario is UTF-8 YAML"
                                .formatted((int) c, i));
                return null;
            }
        }
        if (text.isBlank()
                || text.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#"))) {
            problem(1, 1, "the file is empty; a scenario needs at least 'name', 'channels' and 'processes'");
            return null;
        }
        try (YAMLParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                problem(1, 1, "the file is empty; a scenario needs at least 'name', 'channels' and 'processes'");
                return null;
            }
            YamlNode root = node(p, t, "", 1);
            if (root == null) return null;
            JsonToken next = p.nextToken();
            if (next != null) {
                JsonLocation l = p.currentTokenLocation();
                problem(
                        l.getLineNr(),
                        l.getColumnNr(),
                        "a second YAML document; a scenario file holds one document (remove the '---')");
            }
            return root;
        } catch (StreamConstraintsException e) {
            JsonLocation l = e.getLocation();
            problem(
                    l == null ? 1 : l.getLineNr(),
                    l == null ? 1 : l.getColumnNr(),
                    "nesting or size beyond the limits for a scenario: " + firstLine(e.getOriginalMessage()));
            return null;
        } catch (JacksonException e) {
            JsonLocation l = e.getLocation();
            int[] mark = lastMark(e.getOriginalMessage());
            int line = mark != null ? mark[0] : l == null ? 1 : Math.max(1, l.getLineNr());
            int column = mark != null ? mark[1] : l == null ? 1 : Math.max(1, l.getColumnNr());
            String m = String.valueOf(e.getOriginalMessage());
            String indentation = m.contains("expected <block end>") ? Indentation.explain(text, line, m) : null;
            problem(
                    line,
                    column,
                    m.startsWith("Expected a field name")
                            ? "not valid YAML for a scenario: keys must be plain names; complex keys ('? [a, b]') are not supported"
                            : indentation != null ? indentation : "not valid YAML: " + yamlMessage(e));
            return null;
        } catch (IOException | RuntimeException e) {
            problem(1, 1, "not valid YAML: " + firstLine(String.valueOf(e.getMessage())));
            return null;
        }
    }

    /** Builds the node starting at token {@code t}; {@code null} after a problem that stops reading. */
    private YamlNode node(YAMLParser p, JsonToken t, String path, int depth) throws IOException {
        JsonLocation l = p.currentTokenLocation();
        YamlNode.Position pos = new YamlNode.Position(l.getLineNr(), l.getColumnNr());
        String refused = refusal(p, depth);
        if (refused != null) {
            problem(pos.line(), pos.column(), path, refused);
            return null;
        }
        switch (t) {
            case START_OBJECT -> {
                List<YamlNode.Entry> entries = new ArrayList<>();
                Map<String, YamlNode.Position> seen = new HashMap<>();
                JsonToken k;
                while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
                    JsonLocation kl = p.currentTokenLocation();
                    YamlNode.Position kp = new YamlNode.Position(kl.getLineNr(), kl.getColumnNr());
                    String key = p.currentName();
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    if (p.isCurrentAlias()) {
                        problem(
                                kp.line(),
                                kp.column(),
                                path,
                                "YAML aliases (*" + key + ") are not supported; write the key out");
                        return null;
                    }
                    if (key.equals("<<")) {
                        problem(
                                kp.line(),
                                kp.column(),
                                path,
                                "YAML merge keys (<<) are not supported; write each key out");
                        return null;
                    }
                    YamlNode value = node(p, p.nextToken(), childPath, depth + 1);
                    if (value == null) return null;
                    YamlNode.Position first = seen.putIfAbsent(key, kp);
                    if (first != null) {
                        problem(
                                kp.line(),
                                kp.column(),
                                childPath,
                                "duplicate key '" + key + "' (first at line " + first.line() + "); give each key once");
                    } else {
                        entries.add(new YamlNode.Entry(key, kp, value));
                    }
                }
                return new YamlNode.Mapping(List.copyOf(entries), pos);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                JsonToken i;
                while ((i = p.nextToken()) != JsonToken.END_ARRAY) {
                    YamlNode item = node(p, i, path + "[" + items.size() + "]", depth + 1);
                    if (item == null) return null;
                    items.add(item);
                }
                return new YamlNode.Sequence(List.copyOf(items), pos);
            }
            case VALUE_NULL -> {
                return new YamlNode.Scalar("", true, pos);
            }
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE, VALUE_EMBEDDED_OBJECT -> {
                String text = p.getText();
                return new YamlNode.Scalar(text == null ? "" : text, false, pos);
            }
            default -> {
                problem(pos.line(), pos.column(), path, "unexpected YAML token " + t);
                return null;
            }
        }
    }

    /** Why the node at the parser's token is refused (too deep, an alias, an anchor, a tag), or {@code null}. */
    private static String refusal(YAMLParser p, int depth) throws IOException {
        if (depth > MAX_DEPTH) return "nested more than " + MAX_DEPTH + " levels deep; a scenario needs 4";
        if (p.isCurrentAlias()) return "YAML aliases (*" + p.getText() + ") are not supported; write the value out";
        String anchor = p.getObjectId();
        if (anchor != null) return "YAML anchors (&" + anchor + ") are not supported; write each value out";
        String tag = p.getTypeId();
        if (tag != null) return "YAML tags (" + tag + ") are not supported; a scenario holds plain values only";
        return null;
    }

    private void problem(int line, int column, String message) {
        problem(line, column, "", message);
    }

    private void problem(int line, int column, String path, String message) {
        problems.add(new YamlProblem(line, column, path, message));
    }

    private void problemAt(byte[] bytes, int offset, String message) {
        int line = 1, col = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                col = 1;
            } else if ((bytes[i] & 0xc0) != 0x80) col++;
        }
        problem(line, col, message);
    }

    private static int[] lineColumn(String text, int index) {
        int line = 1, col = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else col++;
        }
        return new int[] {line, col};
    }

    private static int firstInvalidUtf8(byte[] b) {
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xff;
            int n = c < 0x80
                    ? 0
                    : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
            if (n < 0) return i;
            for (int k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k] & 0xc0) != 0x80) return i;
            i += n + 1;
        }
        return 0;
    }

    private static String yamlMessage(JacksonException e) {
        String m = e.getOriginalMessage();
        if (m == null) return "cannot be read";
        // SnakeYAML's text: "while parsing X\n in 'reader', line 3, column 6:\n  code\n  ^\nexpected Y\n in 'reader',
        // line 4, ..."
        List<String> sentences = new ArrayList<>();
        List<String> marks = new ArrayList<>();
        for (String line : m.split("\n")) {
            String s = line.strip();
            if (s.startsWith("in 'reader', ")) {
                marks.add(s.substring("in 'reader', ".length()).replaceAll(":$", ""));
                continue;
            }
            if (s.isEmpty() || s.equals("^") || line.startsWith("    ")) continue;
            sentences.add(s.replaceAll("but got (\\S)$", "but got '$1'"));
        }
        if (sentences.isEmpty()) return firstLine(m);
        if (sentences.size() > 1 && marks.size() > 1)
            sentences.set(0, sentences.get(0) + " (from " + marks.get(0) + ")");
        return String.join("; ", sentences);
    }

    /** The position of SnakeYAML's last "in 'reader', line L, column C" mark, where the problem is. */
    private static int[] lastMark(String message) {
        if (message == null) return null;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("in 'reader', line (\\d+), column (\\d+)")
                .matcher(message);
        int[] last = null;
        while (m.find()) last = new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
        return last;
    }

    private static String firstLine(String s) {
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }

    private static YAMLFactory factory() {
        LoaderOptions lo = new LoaderOptions();
        lo.setCodePointLimit(MAX_BYTES + 1);
        lo.setNestingDepthLimit(MAX_DEPTH * 2);
        lo.setMaxAliasesForCollections(0);
        lo.setAllowDuplicateKeys(true);
        return YAMLFactory.builder()
                .loaderOptions(lo)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH * 2)
                        .maxStringLength(MAX_BYTES)
                        .maxNumberLength(64)
                        .build())
                .build();
    }
}
