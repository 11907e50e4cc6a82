package ipclab.dsl.verdict;

import ipclab.dsl.expect.ClaimSyntaxException;
import ipclab.dsl.expect.Operator;
import ipclab.dsl.model.ByteSize;
import ipclab.dsl.model.Suggestions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one {@link ComparativeClaim}; see there for the forms. Errors name the 1-based column. */
final class ClaimReader {
    private static final Pattern TOKEN = Pattern.compile("==|!=|<=|>=|<|>|=|[^\\s<>=!]+");
    private static final Pattern NOTE = Pattern.compile("(^|\\s)#");
    private static final Pattern SYSTEM = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    private static final Pattern NUMBER = Pattern.compile("([0-9][0-9_]*(?:\\.[0-9]+)?)([A-Za-zµ/]*)");
    /** Units of a bound, to the figure's own unit (ns for times, MiB/s for throughput). */
    private static final Map<String, Double> UNITS = Map.of(
            "ns", 1d, "us", 1e3, "µs", 1e3, "ms", 1e6, "s", 1e9, "KiB/s", 1d / 1024, "MiB/s", 1d, "GiB/s", 1024d);

    private static final String FORMS =
            "'A beats B in FIGURE', 'A.FIGURE OP NUMBER' or 'A setup pays for itself after N messages'";

    private record Token(String text, int column) {}

    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private int next;

    ClaimReader(String text) {
        this.text = text;
        // ' # ...' is a note for the reader of the report, not part of the claim.
        Matcher note = NOTE.matcher(text);
        String claim = note.find() ? text.substring(0, note.start()) : text;
        Matcher m = TOKEN.matcher(claim);
        while (m.find()) tokens.add(new Token(m.group(), m.start() + 1));
    }

    ComparativeClaim claim() throws ClaimSyntaxException {
        if (tokens.isEmpty()) throw new ClaimSyntaxException("the claim is empty; write " + FORMS, 1);
        Token first = take("a system such as msgq");
        int dot = first.text.indexOf('.');
        if (dot >= 0) return bound(first, dot);
        String system = system(first);
        Token verb = take("'beats' or 'setup pays for itself'");
        return switch (verb.text) {
            case "beats" -> beats(system);
            case "setup" -> payback(system);
            default ->
                throw new ClaimSyntaxException(
                        "expected 'beats', 'setup pays for itself' or a figure such as '" + system
                                + ".throughput', found '" + verb.text + "'",
                        verb.column);
        };
    }

    private ComparativeClaim beats(String winner) throws ClaimSyntaxException {
        String loser = system(take("the system it beats"));
        if (winner.equals(loser))
            throw new ClaimSyntaxException(
                    "a system cannot beat itself; name two different systems", tokens.get(next - 1).column);
        expect("in");
        Figure figure = figure(take("a figure (" + Figure.names() + ")"));
        return new ComparativeClaim.Beats(text, winner, loser, figure, range());
    }

    private ComparativeClaim bound(Token first, int dot) throws ClaimSyntaxException {
        String system = system(new Token(first.text.substring(0, dot), first.column));
        Figure figure = figure(new Token(first.text.substring(dot + 1), first.column + dot + 1));
        Token op = take("one of == != < <= > >=");
        Operator o = Operator.of(op.text);
        if (op.text.equals("=")) throw new ClaimSyntaxException("'=' is not a comparison; write '=='", op.column);
        if (o == null)
            throw new ClaimSyntaxException("expected one of == != < <= > >=, found '" + op.text + "'", op.column);
        double value = value(take("a number"), figure);
        return new ComparativeClaim.Bound(text, system, figure, o, value, range());
    }

    private ComparativeClaim payback(String system) throws ClaimSyntaxException {
        expect("pays");
        expect("for");
        expect("itself");
        expect("after");
        Token n = take("a number of messages");
        long messages = count(n);
        Token unit = take("'messages'");
        if (!unit.text.equals("messages") && !unit.text.equals("message")) {
            throw new ClaimSyntaxException("expected 'messages', found '" + unit.text + "'", unit.column);
        }
        String against = null;
        if (peek("against")) {
            next++;
            against = system(take("the system it is weighed against"));
            if (against.equals(system))
                throw new ClaimSyntaxException(
                        "weigh " + system + " against another system", tokens.get(next - 1).column);
        }
        return new ComparativeClaim.Payback(text, system, messages, against, range());
    }

    /** An optional size range, then the end of the claim. */
    private SizeRange range() throws ClaimSyntaxException {
        SizeRange r = SizeRange.ALL;
        if (next < tokens.size()) {
            Token t = tokens.get(next++);
            switch (t.text) {
                case "at" -> {
                    long s = size(take("a size such as 16KiB"));
                    r = new SizeRange(s, s);
                }
                case "up" -> {
                    expect("to");
                    r = new SizeRange(null, size(take("a size such as 16KiB")));
                }
                case "from" -> {
                    Token fromToken = take("a size such as 16KiB");
                    long from = size(fromToken);
                    Token end = take("'up' or 'to SIZE'");
                    if (end.text.equals("up")) r = new SizeRange(from, null);
                    else if (end.text.equals("to")) {
                        Token toToken = take("a size such as 64KiB");
                        long to = size(toToken);
                        if (to < from)
                            throw new ClaimSyntaxException(
                                    "the range ends (" + toToken.text + ") before it starts (" + fromToken.text + ")",
                                    toToken.column);
                        r = new SizeRange(from, to);
                    } else
                        throw new ClaimSyntaxException(
                                "expected 'up' or 'to SIZE' after 'from " + fromToken.text + "', found '" + end.text
                                        + "'",
                                end.column);
                }
                default ->
                    throw new ClaimSyntaxException(
                            "unexpected '" + t.text + "'; a claim may end with a size range: "
                                    + "'from 16KiB up', 'up to 4KiB', 'from 1KiB to 64KiB' or 'at 64B'",
                            t.column);
            }
        }
        if (next < tokens.size()) {
            Token t = tokens.get(next);
            throw new ClaimSyntaxException("unexpected '" + t.text + "' after the size range", t.column);
        }
        return r;
    }

    private String system(Token t) throws ClaimSyntaxException {
        if (!SYSTEM.matcher(t.text).matches()) {
            throw new ClaimSyntaxException(
                    "'" + t.text + "' is not a system name; write a mechanism's name such as msgq or shm-sem",
                    t.column);
        }
        return t.text;
    }

    private Figure figure(Token t) throws ClaimSyntaxException {
        Optional<Figure> f = Figure.named(t.text);
        if (f.isPresent()) return f.get();
        List<String> names = Arrays.stream(Figure.values()).map(Figure::text).toList();
        throw new ClaimSyntaxException(
                "unknown figure '" + t.text + "'; figures are " + Figure.names()
                        + Suggestions.didYouMean(t.text, names),
                t.column);
    }

    private static long size(Token t) throws ClaimSyntaxException {
        try {
            return ByteSize.parse(t.text).bytes();
        } catch (IllegalArgumentException e) {
            throw new ClaimSyntaxException(e.getMessage(), t.column);
        }
    }

    private static long count(Token t) throws ClaimSyntaxException {
        Matcher m = NUMBER.matcher(t.text);
        if (!m.matches() || m.group(1).contains("."))
            throw new ClaimSyntaxException("'" + t.text + "' is not a whole number of messages", t.column);
        double f =
                switch (m.group(2)) {
                    case "" -> 1;
                    case "k" -> 1e3;
                    case "M" -> 1e6;
                    default ->
                        throw new ClaimSyntaxException(
                                "unknown multiplier '" + m.group(2) + "' in '" + t.text + "'; write 10000, 10k or 1M",
                                t.column);
                };
        return (long) (Long.parseLong(m.group(1).replace("_", "")) * f);
    }

    private static double value(Token t, Figure figure) throws ClaimSyntaxException {
        Matcher m = NUMBER.matcher(t.text);
        if (!m.matches()) throw new ClaimSyntaxException("'" + t.text + "' is not a number", t.column);
        double v = Double.parseDouble(m.group(1).replace("_", ""));
        String unit = m.group(2);
        if (unit.isEmpty()) return v;
        Double f = UNITS.get(unit);
        boolean time = figure.unit().equals("ns"), rate = figure.unit().equals("MiB/s");
        if (f == null || time == unit.endsWith("/s") || rate != unit.endsWith("/s")) {
            String allowed = time ? "ns, us, ms, s" : rate ? "KiB/s, MiB/s, GiB/s" : "none (a plain number)";
            throw new ClaimSyntaxException(
                    "unit '" + unit + "' does not fit " + figure.text() + "; its units are " + allowed,
                    t.column + m.start(2));
        }
        return v * f;
    }

    private Token take(String what) throws ClaimSyntaxException {
        if (next >= tokens.size())
            throw new ClaimSyntaxException(
                    "the claim ends too early; expected " + what,
                    text.stripTrailing().length() + 1);
        return tokens.get(next++);
    }

    private boolean peek(String word) {
        return next < tokens.size() && tokens.get(next).text.equals(word);
    }

    private void expect(String word) throws ClaimSyntaxException {
        Token t = take("'" + word + "'");
        if (!t.text.equals(word))
            throw new ClaimSyntaxException("expected '" + word + "', found '" + t.text + "'", t.column);
    }
}
