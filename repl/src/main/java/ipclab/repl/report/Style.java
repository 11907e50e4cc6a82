package ipclab.repl.report;

import java.nio.charset.Charset;

/**
 * How text for people is decorated: ANSI colour (only on a terminal and without {@code NO_COLOR})
 * and the check marks (only when the output's charset can encode them).
 */
public final class Style {
    private static final String RESET = "\u001b[0m";

    /** What a piece of text means; the colour follows from it. */
    public enum Tone {
        PLAIN(""),
        GOOD("\u001b[32m"),
        BAD("\u001b[31m"),
        WARN("\u001b[33m"),
        HEAD("\u001b[1m"),
        DIM("\u001b[2m");

        private final String sgr;

        Tone(String sgr) {
            this.sgr = sgr;
        }
    }

    private final boolean color;
    private final boolean unicode;

    public Style(boolean color, boolean unicode) {
        this.color = color;
        this.unicode = unicode;
    }

    /** No colour, ASCII-safe marks decided by the charset. */
    public static Style plain(Charset charset) {
        return new Style(false, canMark(charset));
    }

    /**
     * The style for an output stream: colour when it is the process's own terminal and the
     * environment has no {@code NO_COLOR} (see no-color.org: any non-empty value turns it off).
     */
    public static Style forOutput(boolean isTerminal, String noColor, Charset charset) {
        boolean color = isTerminal && (noColor == null || noColor.isEmpty());
        return new Style(color, canMark(charset));
    }

    private static boolean canMark(Charset cs) {
        return cs.newEncoder().canEncode("\u2713\u2717");
    }

    public boolean color() {
        return color;
    }

    /** Wraps {@code text} in the tone's colour, or returns it as is. */
    public String paint(Tone tone, String text) {
        if (!color || tone == Tone.PLAIN || text.isEmpty()) return text;
        return tone.sgr + text + RESET;
    }

    /** A check mark for a claim that held: {@code ✓}, or {@code ok} where the charset lacks it. */
    public String pass() {
        return unicode ? "\u2713" : "ok";
    }

    /** A cross for a claim refuted: {@code ✗}, or {@code FAIL}. */
    public String fail() {
        return unicode ? "\u2717" : "FAIL";
    }
}
