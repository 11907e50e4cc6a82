package ipclab.dsl.expect;

/** A claim that does not parse; {@link #column()} is the 1-based position in the claim's text. */
public final class ClaimSyntaxException extends Exception {
    private final int column;

    public ClaimSyntaxException(String message, int column) {
        super(message, null, false, false);
        this.column = column;
    }

    public int column() {
        return column;
    }
}
