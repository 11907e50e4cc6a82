package ipclab.engine.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The protocol-line reader reads what Jackson writes exactly as Jackson's parser does, and rejects what JSON rejects. */
class JsonLineTest {
    private static final JsonFactory JSON = new JsonFactory();

    @Test
    void readsGeneratedLinesLikeJackson() throws IOException {
        Random r = new Random(42);
        for (int n = 0; n < 3000; n++) {
            Map<String, Object> m = new LinkedHashMap<>();
            int fields = r.nextInt(8);
            for (int k = 0; k < fields; k++) m.put(text(r), value(r, 0));
            StringWriter w = new StringWriter();
            try (JsonGenerator g = JSON.createGenerator(w)) {
                if (r.nextBoolean()) g.useDefaultPrettyPrinter(); // whitespace everywhere
                write(g, m);
            }
            String line = w.toString();
            Map<String, Object> expected = jackson(line);
            assertEquals(m, expected, "the generator's own round trip");
            assertEquals(expected, JsonLine.object(line), line);
        }
    }

    @Test
    void readsEscapesNumbersAndLiterals() {
        Map<String, Object> m = JsonLine.object(
                " {\"a\\\"b\":\"x\\\\y\\/z\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00\",\"n\":-0,\"big\":-9223372036854775808,"
                        + "\"d\":-1.5e-3,\"e\":2E+2,\"l\":[true,false,null,[],{}]} ");
        assertEquals("x\\y/z\b\f\n\r\t\u00e9\uD83D\uDE00", m.get("a\"b"));
        assertEquals(0L, m.get("n"));
        assertEquals(Long.MIN_VALUE, m.get("big"));
        assertEquals(-1.5e-3, m.get("d"));
        assertEquals(200.0, m.get("e"));
        assertEquals(java.util.Arrays.asList(true, false, null, List.of(), Map.of()), m.get("l"));
    }

    @Test
    void badLinesSayWhatAndWhere() {
        assertEquals("not a JSON object", bad("[1]"));
        assertEquals("not a JSON object", bad(""));
        assertEquals("unterminated string at column 12", bad("{\"type\":\"go"));
        assertEquals("unterminated string at column 13", bad("{\"type\":\"g\\n"));
        assertEquals("unexpected end of line at column 10", bad("{\"type\":1"));
        assertEquals("unexpected 'x' at column 9 (expected a value)", bad("{\"type\":x}"));
        assertEquals("unexpected 't' at column 9 (expected a value)", bad("{\"type\":tru}"));
        assertEquals("unexpected ']' at column 10 (expected ',' or '}')", bad("{\"type\":1]"));
        assertEquals("expected a field name at column 2", bad("{type:1}"));
        assertEquals("expected a field name at column 11", bad("{\"type\":1,}"));
        assertEquals("unexpected ']' at column 12 (expected a value)", bad("{\"type\":[1,]}"));
        assertEquals("bad number at column 10", bad("{\"type\":-}"));
        assertEquals("bad number at column 11", bad("{\"type\":1.}"));
        assertEquals("unexpected '1' at column 10 (expected ',' or '}')", bad("{\"type\":01}"));
        assertEquals("number out of range at column 9: 9223372036854775808", bad("{\"type\":9223372036854775808}"));
        assertEquals("bad escape \\x at column 11", bad("{\"type\":\"\\x\"}"));
        assertEquals("bad \\u escape at column 14", bad("{\"type\":\"\\u12g4\"}"));
        assertEquals("control character in a string at column 10", bad("{\"type\":\"\t\"}"));
        assertEquals("text after the object at column 4", bad("{} {}"));
        assertEquals("nesting deeper than 64 at column 70", bad("{\"a\":" + "[".repeat(70) + "]".repeat(70) + "}"));
    }

    @Test
    void wireWordsTheErrorsWithTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Wire.parse("{\"type\":x}"));
        assertEquals("bad protocol line (unexpected 'x' at column 9 (expected a value)): {\"type\":x}", e.getMessage());
    }

    private static String bad(String line) {
        return assertThrows(IllegalArgumentException.class, () -> JsonLine.object(line))
                .getMessage();
    }

    // ------------------------------------------------------------------ generated values

    private static Object value(Random r, int depth) {
        int k = r.nextInt(depth > 3 ? 6 : 8);
        return switch (k) {
            case 0 -> r.nextLong();
            case 1 -> (long) r.nextInt(100);
            case 2 -> r.nextBoolean() ? r.nextDouble() * 1e6 : -r.nextDouble() / 1e9;
            case 3 -> text(r);
            case 4 -> r.nextBoolean();
            case 5 -> null;
            case 6 -> {
                List<Object> l = new ArrayList<>();
                for (int n = r.nextInt(4); n > 0; n--) l.add(value(r, depth + 1));
                yield l;
            }
            default -> {
                Map<String, Object> m = new LinkedHashMap<>();
                for (int n = r.nextInt(4); n > 0; n--) m.put(text(r), value(r, depth + 1));
                yield m;
            }
        };
    }

    private static final String CHARS = "abcXYZ019 _-/\\\"'\n\t\r\b\f\u0001\u001f\u00e9\u20ac\uD83D\uDE00{}[],:";

    private static String text(Random r) {
        StringBuilder b = new StringBuilder();
        for (int n = r.nextInt(12); n > 0; n--) {
            int c = r.nextInt(CHARS.length());
            if (Character.isHighSurrogate(CHARS.charAt(c))) b.append(CHARS, c, c + 2);
            else if (!Character.isLowSurrogate(CHARS.charAt(c))) b.append(CHARS.charAt(c));
        }
        return b.toString();
    }

    @SuppressWarnings("unchecked")
    private static void write(JsonGenerator g, Object v) throws IOException {
        if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                g.writeFieldName(e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object o : l) write(g, o);
            g.writeEndArray();
        } else if (v instanceof Long n) g.writeNumber(n);
        else if (v instanceof Double d) g.writeNumber(d);
        else if (v instanceof String s) g.writeString(s);
        else if (v instanceof Boolean b) g.writeBoolean(b);
        else g.writeNull();
    }

    /** The reference: jackson-core's parser, as Wire used it before. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> jackson(String line) throws IOException {
        try (JsonParser p = JSON.createParser(line)) {
            p.nextToken();
            return (Map<String, Object>) jacksonValue(p);
        }
    }

    private static Object jacksonValue(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String k = p.currentName();
                    p.nextToken();
                    m.put(k, jacksonValue(p));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) l.add(jacksonValue(p));
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return p.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IOException("unexpected token " + t);
        }
    }
}
