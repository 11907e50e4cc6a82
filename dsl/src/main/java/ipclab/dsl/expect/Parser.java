package ipclab.dsl.expect;

import ipclab.dsl.model.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Recursive descent over a claim's text; see {@link Claim} for the grammar. */
final class Parser {
    private static final Map<String, Double> UNITS = Map.ofEntries(
            Map.entry("ns", 1d),
            Map.entry("us", 1e3),
            Map.entry("ms", 1e6),
            Map.entry("s", 1e9),
            Map.entry("m", 60e9),
            Map.entry("B", 1d),
            Map.entry("KiB", 1024d),
            Map.entry("MiB", 1024d * 1024),
            Map.entry("GiB", 1024d * 1024 * 1024),
            Map.entry("k", 1e3),
            Map.entry("M", 1e6));
    private static final String UNIT_LIST = "ns, us, ms, s, m, B, KiB, MiB, GiB, k, M";

    private final String s;
    private int i;
    private int numberEnd = -1; // where the last number (and its unit) ended

    Parser(String s) {
        this.s = s;
    }

    List<Claim.Comparison> claims() throws ClaimSyntaxException {
        if (s.isBlank())
            throw new ClaimSyntaxException("the claim is empty; write e.g. 'consumer.received == producer.sent'", 1);
        List<Claim.Comparison> out = new ArrayList<>();
        out.add(comparison());
        while (true) {
            skip();
            if (i >= s.length()) return out;
            if (word("and")) {
                out.add(comparison());
                continue;
            }
            spacedUnit();
            throw new ClaimSyntaxException("unexpected '" + rest() + "'; claims are joined with 'and'", i + 1);
        }
    }

    private Claim.Comparison comparison() throws ClaimSyntaxException {
        Claim.Expr left = expr();
        skip();
        int at = i;
        Operator op = op();
        if (op == null) {
            if (i >= s.length())
                throw new ClaimSyntaxException("a comparison needs an operator: == != < <= > >=", at + 1);
            if (s.charAt(i) == '=') throw new ClaimSyntaxException("'=' is not a comparison; write '=='", at + 1);
            spacedUnit();
            throw new ClaimSyntaxException("expected one of == != < <= > >=, found '" + rest() + "'", at + 1);
        }
        Claim.Expr right = expr();
        return new Claim.Comparison(left, op, right);
    }

    private Operator op() {
        for (String symbol : new String[] {"==", "!=", "<=", ">=", "<", ">"}) { // two-character ones first
            if (s.startsWith(symbol, i)) {
                i += symbol.length();
                return Operator.of(symbol);
            }
        }
        return null;
    }

    private Claim.Expr expr() throws ClaimSyntaxException {
        return chain(this::term, '+', '-');
    }

    private Claim.Expr term() throws ClaimSyntaxException {
        return chain(this::factor, '*', '/');
    }

    /** Operands joined left to right by either of two operators of one precedence. */
    private Claim.Expr chain(Operand operand, char op1, char op2) throws ClaimSyntaxException {
        Claim.Expr e = operand.parse();
        while (true) {
            skip();
            if (i < s.length() && (s.charAt(i) == op1 || s.charAt(i) == op2)) {
                char op = s.charAt(i++);
                e = new Claim.Bin(op, e, operand.parse());
            } else return e;
        }
    }

    private interface Operand {
        Claim.Expr parse() throws ClaimSyntaxException;
    }

    private Claim.Expr factor() throws ClaimSyntaxException {
        skip();
        if (i >= s.length())
            throw new ClaimSyntaxException(
                    "the claim ends too early; expected a number or a name such as consumer.received", i + 1);
        char c = s.charAt(i);
        if (c == '(') {
            int open = i++;
            Claim.Expr e = expr();
            skip();
            if (i >= s.length() || s.charAt(i) != ')') throw new ClaimSyntaxException("'(' is not closed", open + 1);
            i++;
            return e;
        }
        if (c == '-') {
            i++;
            return new Claim.Neg(factor());
        }
        if (Character.isDigit(c) || c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))
            return number();
        if (Character.isLetter(c) || c == '_') return path();
        throw new ClaimSyntaxException(
                "expected a number or a name such as consumer.received, found '" + rest() + "'", i + 1);
    }

    private Claim.Expr number() throws ClaimSyntaxException {
        int start = i;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '.')) i++;
        String digits = s.substring(start, i).replace("_", "");
        double v;
        try {
            v = Double.parseDouble(digits);
        } catch (NumberFormatException e) {
            throw new ClaimSyntaxException("'" + s.substring(start, i) + "' is not a number", start + 1);
        }
        int u = i;
        while (i < s.length() && (Character.isLetter(s.charAt(i)) || s.charAt(i) == 'µ')) i++;
        if (i > u) {
            String unit = s.substring(u, i);
            Double f = UNITS.get(unit);
            if (f == null) {
                throw new ClaimSyntaxException(
                        "unknown unit '" + unit + "' in '" + s.substring(start, i) + "'; units are " + UNIT_LIST
                                + (mistake(unit) != null
                                        ? "; did you mean '" + mistake(unit) + "'?"
                                        : ipclab.dsl.model.Suggestions.didYouMean(unit, UNITS.keySet())),
                        u + 1);
            }
            v *= f;
        }
        numberEnd = i;
        return new Claim.Num(v);
    }

    /** {@code 50 us}: a unit written apart from its number. */
    private void spacedUnit() throws ClaimSyntaxException {
        if (numberEnd < 0
                || i >= s.length()
                || !Character.isLetter(s.charAt(i))
                || !s.substring(numberEnd, i).isBlank()) return;
        int end = i;
        while (end < s.length() && Character.isLetter(s.charAt(end))) end++;
        String unit = s.substring(i, end);
        if (end < s.length() && s.charAt(end) == '.' || !UNITS.containsKey(unit) && mistake(unit) == null) return;
        if (!UNITS.containsKey(unit)) unit = mistake(unit);
        String number = s.substring(0, numberEnd).replaceAll(".*?([0-9._]+[A-Za-z]*)$", "$1");
        throw new ClaimSyntaxException(
                "write the unit right after its number, without a space: '" + number + unit + "'", i + 1);
    }

    /** The unit meant by one written wrong, but never in place of a unit claims take ({@code k}, {@code M}). */
    private static String mistake(String unit) {
        return UNITS.containsKey(unit) ? null : Values.unitMeant(unit);
    }

    private Claim.Expr path() throws ClaimSyntaxException {
        int start = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '-'))
            i++;
        while (i < s.length() - 1
                && s.charAt(i) == '.'
                && (Character.isLetterOrDigit(s.charAt(i + 1)) || s.charAt(i + 1) == '_')) {
            i++;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
        }
        String text = s.substring(start, i);
        if (text.equals("and"))
            throw new ClaimSyntaxException(
                    "'and' joins two comparisons; a number or a name is missing before it", start + 1);
        return new Claim.Ref(new Claim.Path(text, start + 1));
    }

    private boolean word(String w) {
        if (s.startsWith(w, i)
                && (i + w.length() == s.length() || !Character.isLetterOrDigit(s.charAt(i + w.length())))) {
            i += w.length();
            return true;
        }
        return false;
    }

    private void skip() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
    }

    private String rest() {
        return s.substring(i, Math.min(s.length(), i + 20));
    }
}
