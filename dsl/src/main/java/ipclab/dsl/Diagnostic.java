package ipclab.dsl;

import java.util.Comparator;

/**
 * One problem in a scenario, for a person: where (file, line, column of the offending key or value,
 * and the dotted path), and what is wrong and what would be valid. Prints as
 * {@code file:line:col: path: message}; with a line only (a builder call in a Java file) as
 * {@code File.java:12: path: message}; without a position as {@code file: path: message}; without a
 * path as {@code file:line:col: message}.
 *
 * @param file    the file name as given, or {@code <java>} / the scenario name for a built scenario
 * @param line    1-based, 0 when unknown
 * @param column  1-based, 0 when unknown
 * @param path    dotted path such as {@code processes.producer.size} or {@code expect[1]}; empty for the file itself
 * @param message what is wrong and what would be valid
 */
public record Diagnostic(String file, int line, int column, String path, String message) {
    /** By line, then column, then path. */
    public static final Comparator<Diagnostic> ORDER = Comparator.comparingInt(Diagnostic::line)
            .thenComparingInt(Diagnostic::column)
            .thenComparing(Diagnostic::path)
            .thenComparing(Diagnostic::message);

    /**
     * One line each: a value echoed in a message (a block scalar, a quoted "a\nb") has its line
     * breaks escaped, and so have NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR, which editors and
     * Java's regular expressions take as line ends too.
     */
    public Diagnostic {
        message = oneLine(message);
        path = oneLine(path);
    }

    private static String oneLine(String s) {
        if (s.chars().noneMatch(Diagnostic::lineBreak)) return s;
        StringBuilder sb = new StringBuilder(s.length() + 8);
        s.chars().forEach(c -> {
            if (c == '\n') sb.append("\\n");
            else if (c == '\r') sb.append("\\r");
            else if (lineBreak(c)) sb.append("\\u").append(String.format("%04x", c));
            else sb.append((char) c);
        });
        return sb.toString();
    }

    private static boolean lineBreak(int c) {
        return c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) sb.append(':').append(line);
        if (line > 0 && column > 0) sb.append(':').append(column);
        sb.append(": ");
        if (!path.isEmpty()) sb.append(path).append(": ");
        return sb.append(message).toString();
    }
}
