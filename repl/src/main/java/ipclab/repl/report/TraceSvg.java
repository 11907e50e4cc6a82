package ipclab.repl.report;

import java.util.Locale;

/**
 * A stepped trace as an SVG sequence diagram: a lifeline per process, a box per step in its
 * process's column (grey when it would have blocked), the shared state at the right where it
 * changes. Plain SVG 1.1 text, no script, no external font.
 */
public final class TraceSvg {
    private static final int COL = 200, ROW = 24, LEFT = 50, TOP = 40, STATE = 300;

    private TraceSvg() {}

    public static String render(TraceRows rows, String title) {
        int n = rows.processes().size();
        int width = LEFT + n * COL + STATE;
        int height = TOP + rows.rows().size() * ROW + 20;
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                        + "viewBox=\"0 0 %d %d\" font-family=\"monospace\" font-size=\"11\">%n",
                width,
                height + 20,
                width,
                height + 20));
        b.append("<title>").append(escape(title)).append("</title>\n");
        b.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height + 20));
        for (int i = 0; i < n; i++) {
            int x = LEFT + i * COL + COL / 2;
            b.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"20\" text-anchor=\"middle\" font-weight=\"bold\">%s</text>%n",
                    x,
                    escape(rows.processes().get(i))));
            b.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"28\" x2=\"%d\" y2=\"%d\" stroke=\"#bbb\" stroke-dasharray=\"4 3\"/>%n",
                    x,
                    x,
                    height));
        }
        b.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"20\" font-weight=\"bold\">shared state</text>%n",
                LEFT + n * COL + 10));
        int y = TOP;
        for (TraceRows.Row r : rows.rows()) {
            int col = rows.processes().indexOf(r.process());
            int x = LEFT + col * COL + 6;
            b.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" fill=\"#888\">%d</text>%n", y + 15, r.step()));
            b.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"3\" fill=\"%s\" stroke=\"#667\"/>%n",
                    x,
                    y + 2,
                    COL - 12,
                    ROW - 4,
                    r.blocked() ? "#eee" : "#dde8ff"));
            b.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n",
                    x + 4,
                    y + 16,
                    r.blocked() ? "#777" : "#000",
                    escape(fit(r.what()))));
            if (!r.state().isEmpty()) {
                b.append(String.format(
                        Locale.ROOT,
                        "<text x=\"%d\" y=\"%d\" fill=\"#a40\">%s</text>%n",
                        LEFT + n * COL + 10,
                        y + 16,
                        escape(r.state())));
            }
            y += ROW;
        }
        return b.append("</svg>\n").toString();
    }

    /** A box holds about 30 characters of 11px monospace. */
    private static String fit(String s) {
        return s.length() <= 30 ? s : s.substring(0, 29) + "\u2026";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
