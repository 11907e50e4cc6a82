package ipclab.repl.compare;

import ipclab.dsl.verdict.Verdict;
import ipclab.repl.report.Style;
import ipclab.repl.report.TextTable;
import java.util.List;

/**
 * The claims table for the terminal, as the lecture notes print theirs: each claim, its verdict on
 * this machine, and the one figure that decides it (the crossover when two systems trade places,
 * else the first deciding line; the report files hold them all).
 */
public final class VerdictTable {
    private VerdictTable() {}

    public static List<String> render(List<Verdict> verdicts, Style style) {
        TextTable t = new TextTable()
                .text("")
                .text("claim")
                .text("verdict")
                .text("on this machine")
                .text("deciding figure");
        for (Verdict v : verdicts) {
            Style.Tone tone =
                    switch (v.kind()) {
                        case CONFIRMED -> Style.Tone.GOOD;
                        case REFUTED -> Style.Tone.BAD;
                        case RANGE, INCONCLUSIVE -> Style.Tone.WARN;
                    };
            String mark =
                    switch (v.kind()) {
                        case CONFIRMED -> style.pass();
                        case REFUTED -> style.fail();
                        case RANGE -> "~";
                        case INCONCLUSIVE -> "?";
                    };
            t.row()
                    .cell(mark, tone)
                    .cell(claim(v.claim()))
                    .cell(v.kind().label(), tone)
                    .cell(v.summary())
                    .cell(deciding(v), Style.Tone.DIM);
        }
        List<String> out = new java.util.ArrayList<>(t.render(style));
        for (Verdict v : verdicts) {
            String note = note(v.claim());
            if (!note.isEmpty()) out.add(style.paint(Style.Tone.DIM, "   note on '" + claim(v.claim()) + "': " + note));
        }
        return out;
    }

    /** The claim without its note: what precedes a ' #'. */
    public static String claim(String text) {
        int hash = noteStart(text);
        return hash < 0 ? text : text.substring(0, hash).strip();
    }

    /** The note after ' #', or empty. */
    static String note(String text) {
        int hash = noteStart(text);
        return hash < 0
                ? ""
                : text.substring(hash).replaceFirst("^\\s*#\\s*", "").strip();
    }

    private static int noteStart(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(^|\\s)#").matcher(text);
        return m.find() ? m.start() : -1;
    }

    /** The one line that best tells why. */
    static String deciding(Verdict v) {
        if (!v.crossovers().isEmpty()) return v.crossovers().getFirst().text();
        if (v.figures().isEmpty()) return "";
        String first = v.figures().getFirst();
        int more = v.figures().size() - 1;
        return more == 0 ? first : first + " (+" + more + " more)";
    }
}
