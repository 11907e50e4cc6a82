package ipclab.engine.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one protocol line (a JSON object, RFC 8259) into maps, lists, Long, Double, String,
 * Boolean and null: what {@link Wire#parse} returns.
 *
 * <p>Why not jackson-core's parser: every Jackson parser extends {@code ParserMinimalBase}, whose
 * static initialiser builds BigInteger/BigDecimal constants, and {@code BigDecimal}'s own class
 * initialisation costs about 40 ms in a fresh JDK 25 JVM (interpreted, even with the AOT cache).
 * A worker parses one spec line before it is ready, so that was ~40 ms of its ~300 ms start-up.
 * The lines are small and flat; this reader is strict (it rejects what JSON rejects) and is
 * checked against Jackson on generated lines in {@code JsonLineTest}. Writing stays with
 * jackson-core's generator, which costs under a millisecond.
 */
final class JsonLine {
    private final String s;
    private int i;

    private JsonLine(String s) {
        this.s = s;
    }

    /** The object on this line; IllegalArgumentException (what, where) when it is not one. */
    static Map<String, Object> object(String line) {
        JsonLine p = new JsonLine(line);
        p.space();
        if (p.i >= line.length() || line.charAt(p.i) != '{') throw new NotAnObject();
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) p.value(0);
        p.space();
        if (p.i != line.length()) throw p.bad("text after the object");
        return m;
    }

    /** The line is not an object at all (Wire words this one itself). */
    static final class NotAnObject extends IllegalArgumentException {
        NotAnObject() {
            super("not a JSON object");
        }
    }

    private static final int MAX_DEPTH = 64;

    private Object value(int depth) {
        if (depth > MAX_DEPTH) throw bad("nesting deeper than " + MAX_DEPTH);
        space();
        if (i >= s.length()) throw bad("unexpected end of line");
        char c = s.charAt(i);
        switch (c) {
            case '{' -> {
                i++;
                Map<String, Object> m = new LinkedHashMap<>();
                space();
                if (peek() == '}') {
                    i++;
                    return m;
                }
                while (true) {
                    space();
                    if (peek() != '"') throw bad("expected a field name");
                    String k = string();
                    space();
                    expect(':');
                    m.put(k, value(depth + 1));
                    space();
                    char d = next();
                    if (d == '}') return m;
                    if (d != ',') throw bad(d, "',' or '}'");
                }
            }
            case '[' -> {
                i++;
                List<Object> l = new ArrayList<>();
                space();
                if (peek() == ']') {
                    i++;
                    return l;
                }
                while (true) {
                    l.add(value(depth + 1));
                    space();
                    char d = next();
                    if (d == ']') return l;
                    if (d != ',') throw bad(d, "',' or ']'");
                }
            }
            case '"' -> {
                return string();
            }
            case 't' -> {
                word("true");
                return Boolean.TRUE;
            }
            case 'f' -> {
                word("false");
                return Boolean.FALSE;
            }
            case 'n' -> {
                word("null");
                return null;
            }
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) return number();
                i++;
                throw bad(c, "a value");
            }
        }
    }

    private Object number() {
        int start = i;
        if (peek() == '-') i++;
        if (peek() == '0') i++;
        else if (!digits()) throw bad("bad number");
        boolean integral = true;
        if (peek() == '.') {
            i++;
            integral = false;
            if (!digits()) throw bad("bad number");
        }
        if (peek() == 'e' || peek() == 'E') {
            i++;
            integral = false;
            if (peek() == '+' || peek() == '-') i++;
            if (!digits()) throw bad("bad number");
        }
        String t = s.substring(start, i);
        if (!integral) return Double.parseDouble(t);
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("number out of range at column " + (start + 1) + ": " + t);
        }
    }

    private boolean digits() {
        int start = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
        return i > start;
    }

    private String string() {
        i++; // the opening quote
        int start = i;
        while (i < s.length()) { // fast path: no escapes
            char c = s.charAt(i);
            if (c == '"') return s.substring(start, i++);
            if (c == '\\' || c < 0x20) break;
            i++;
        }
        StringBuilder b = new StringBuilder(s.length() - start).append(s, start, i);
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '"') return b.toString();
            if (c < 0x20) {
                i--;
                throw bad("control character in a string");
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (i >= s.length()) break;
            char e = s.charAt(i++);
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    if (i + 4 > s.length()) throw bad("short \\u escape");
                    int v = 0;
                    for (int k = 0; k < 4; k++) {
                        int h = Character.digit(s.charAt(i++), 16);
                        if (h < 0) {
                            i--;
                            throw bad("bad \\u escape");
                        }
                        v = v << 4 | h;
                    }
                    b.append((char) v);
                }
                default -> {
                    i--;
                    throw bad("bad escape \\" + e);
                }
            }
        }
        throw bad("unterminated string");
    }

    private void word(String w) {
        if (!s.startsWith(w, i)) {
            i++;
            throw bad(s.charAt(i - 1), "a value");
        }
        i += w.length();
    }

    private void expect(char c) {
        char d = next();
        if (d != c) throw bad(d, "'" + c + "'");
    }

    private char next() {
        if (i >= s.length()) throw bad("unexpected end of line");
        return s.charAt(i++);
    }

    private char peek() {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private void space() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
            i++;
        }
    }

    private IllegalArgumentException bad(char found, String expected) {
        if (found == '\0' && i >= s.length()) return bad("unexpected end of line");
        return new IllegalArgumentException(
                "unexpected '" + found + "' at column " + i + " (expected " + expected + ")");
    }

    private IllegalArgumentException bad(String what) {
        return new IllegalArgumentException(what + " at column " + (i + 1));
    }
}
