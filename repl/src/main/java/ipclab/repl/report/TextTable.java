package ipclab.repl.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A table of aligned columns for the terminal: a header line, then rows; numbers right-aligned,
 * text left-aligned, two spaces between columns. Widths are measured on the plain text, and
 * colour (a {@link Style.Tone} per cell) is applied after padding, so colour never breaks alignment.
 */
public final class TextTable {
    /** How a column lines up. */
    public enum Align {
        LEFT,
        RIGHT
    }

    /** One cell: its text and what it means. */
    public record Cell(String text, Style.Tone tone) {
        public Cell {
            if (text == null) text = "";
        }
    }

    /**
     * A column described once: its header, how it lines up, and the cell it shows for a row's
     * {@code T} (a channel's figures, a process's...).
     */
    public record Column<T>(String header, Align align, Function<? super T, Cell> cell) {
        /** A left-aligned column of plain text. */
        public static <T> Column<T> text(String header, Function<? super T, String> text) {
            return new Column<>(header, Align.LEFT, t -> new Cell(text.apply(t), Style.Tone.PLAIN));
        }

        /** A right-aligned column of plain text. */
        public static <T> Column<T> number(String header, Function<? super T, String> text) {
            return new Column<>(header, Align.RIGHT, t -> new Cell(text.apply(t), Style.Tone.PLAIN));
        }

        /** This column, showing {@code -} where {@code absent} holds (no figures to show). */
        public Column<T> dashWhen(Predicate<? super T> absent) {
            return new Column<>(header, align, t -> absent.test(t) ? DASH : cell.apply(t));
        }
    }

    private static final Cell DASH = new Cell("-", Style.Tone.PLAIN);

    private final List<String> headers = new ArrayList<>();
    private final List<Align> aligns = new ArrayList<>();
    private final List<List<Cell>> rows = new ArrayList<>();

    /** Adds a column. */
    public TextTable column(String header, Align align) {
        headers.add(header);
        aligns.add(align);
        return this;
    }

    /** Left-aligned columns, in order. */
    public TextTable text(String... headers) {
        for (String h : headers) column(h, Align.LEFT);
        return this;
    }

    /** Right-aligned columns, in order. */
    public TextTable number(String... headers) {
        for (String h : headers) column(h, Align.RIGHT);
        return this;
    }

    /** Adds the columns' headers, in order. */
    public TextTable columns(List<? extends Column<?>> columns) {
        for (Column<?> c : columns) column(c.header(), c.align());
        return this;
    }

    /** Starts a row; add exactly one cell per column. */
    public Row row() {
        List<Cell> r = new ArrayList<>();
        rows.add(r);
        return new Row(r);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Adds cells to one row. */
    public final class Row {
        private final List<Cell> cells;

        private Row(List<Cell> cells) {
            this.cells = cells;
        }

        public Row cell(String text) {
            return cell(text, Style.Tone.PLAIN);
        }

        public Row cell(String text, Style.Tone tone) {
            return cell(new Cell(text, tone));
        }

        public Row cell(Cell cell) {
            if (cells.size() == headers.size()) {
                throw new IllegalStateException(
                        "row has more cells than the " + headers.size() + " columns " + headers);
            }
            cells.add(cell);
            return this;
        }

        /** The cells {@code columns} show for {@code item}. */
        public <T> Row cells(List<Column<T>> columns, T item) {
            for (Column<T> c : columns) cell(c.cell().apply(item));
            return this;
        }
    }

    /** The table as lines (no trailing spaces), the header in the HEAD tone. */
    public List<String> render(Style style) {
        int n = headers.size();
        int[] width = new int[n];
        for (int c = 0; c < n; c++) width[c] = headers.get(c).length();
        for (List<Cell> r : rows) {
            if (r.size() != n)
                throw new IllegalStateException(
                        "row has " + r.size() + " cells, table has " + n + " columns " + headers);
            for (int c = 0; c < n; c++)
                width[c] = Math.max(
                        width[c],
                        r.get(c).text().codePointCount(0, r.get(c).text().length()));
        }
        List<String> out = new ArrayList<>();
        List<Cell> head =
                headers.stream().map(h -> new Cell(h, Style.Tone.HEAD)).toList();
        out.add(line(head, width, style));
        for (List<Cell> r : rows) out.add(line(r, width, style));
        return out;
    }

    private String line(List<Cell> cells, int[] width, Style style) {
        StringBuilder sb = new StringBuilder();
        int n = cells.size();
        for (int c = 0; c < n; c++) {
            Cell cell = cells.get(c);
            int pad = width[c] - cell.text().codePointCount(0, cell.text().length());
            boolean last = c == n - 1;
            if (aligns.get(c) == Align.RIGHT) sb.append(" ".repeat(pad));
            sb.append(style.paint(cell.tone(), cell.text()));
            if (aligns.get(c) == Align.LEFT && !last) sb.append(" ".repeat(pad));
            if (!last) sb.append("  ");
        }
        return sb.toString().stripTrailing();
    }
}
