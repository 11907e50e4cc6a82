package ipclab.dsl.expect;

import ipclab.dsl.model.Names;

/** A comparison in a claim: {@code == != < <= > >=}, shared by run claims and comparative claims. */
public enum Operator {
    EQ,
    NE,
    LT,
    LE,
    GT,
    GE;

    /** As a claim writes it: {@code <=}. */
    public String symbol() {
        return switch (this) {
            case EQ -> "==";
            case NE -> "!=";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
        };
    }

    /** The operator written {@code symbol}, or {@code null}. */
    public static Operator of(String symbol) {
        return Names.named(Operator.class, Operator::symbol, symbol).orElse(null);
    }

    /** {@code l OP r}, exactly. */
    public boolean test(double l, double r) {
        return test(l, r, l == r);
    }

    /** {@code l OP r}, where {@code ==} and {@code !=} take values within {@code tolerance} of each other (a fraction of the larger) as equal. */
    public boolean testWithin(double l, double r, double tolerance) {
        return test(l, r, l == r || Math.abs(l - r) <= tolerance * Math.max(Math.abs(l), Math.abs(r)));
    }

    private boolean test(double l, double r, boolean equal) {
        return switch (this) {
            case EQ -> equal;
            case NE -> !equal;
            case LT -> l < r;
            case LE -> l <= r;
            case GT -> l > r;
            case GE -> l >= r;
        };
    }
}
