package ipclab.repl.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A stepped trace for the terminal: one column per process, one row per step, the step's outcome
 * in its process's column ({@code |} marks the others' lifelines), and the shared state where it changes.
 *
 * <pre>
 * step  adder-1                  adder-2                  shared state
 *    1  load(counter) ok value=0 |
 *    2  |                        load(counter) ok value=0
 *    3  store(counter) ok value=1|                        counter=1
 * </pre>
 */
public final class TraceDiagram {
    private final Style style;

    public TraceDiagram(Style style) {
        this.style = style;
    }

    /**
     * Shows a trace under its title: written as SVG to {@code svg} (and said so on {@code out}), or,
     * {@code svg} null, printed on {@code out} as text.
     */
    public static void show(TraceRows rows, String title, Path svg, PrintWriter out, Style style) throws IOException {
        if (svg != null) {
            Files.writeString(svg, TraceSvg.render(rows, title));
            out.println("wrote " + svg + " (" + title + ")");
        } else {
            out.println(title);
            new TraceDiagram(style).render(rows).forEach(out::println);
        }
    }

    public List<String> render(TraceRows rows) {
        TextTable t = new TextTable().number("step");
        for (String p : rows.processes()) t.text(p);
        t.text("shared state");
        for (TraceRows.Row r : rows.rows()) {
            TextTable.Row row = t.row().cell(Integer.toString(r.step()));
            for (String p : rows.processes()) {
                if (p.equals(r.process())) row.cell(r.what(), r.blocked() ? Style.Tone.DIM : Style.Tone.PLAIN);
                else row.cell("|", Style.Tone.DIM);
            }
            row.cell(r.state(), Style.Tone.WARN);
        }
        return t.render(style);
    }
}
