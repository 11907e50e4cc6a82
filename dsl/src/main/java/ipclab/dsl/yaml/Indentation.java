package ipclab.dsl.yaml;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names a mis-indented line as such. SnakeYAML reports one as "while parsing a block mapping
 * (line 6, column 3) ... expected &lt;block end&gt;, but found &lt;block mapping start&gt;", which a
 * newcomer does not read as "this line is indented wrongly"; this says which line, by how much,
 * and what would be right.
 */
final class Indentation {
    private static final Pattern FROM =
            Pattern.compile("while parsing a block mapping\\s+in 'reader', line (\\d+), column (\\d+)");

    private Indentation() {}

    /** The message for a block-end error at {@code line}; null when the text does not show an indentation mistake. */
    static String explain(String text, int line, String yamlMessage) {
        String[] lines = text.split("\n", -1);
        if (line < 1 || line > lines.length) return null;
        String bad = lines[line - 1];
        int indent = indent(bad);
        Matcher m = FROM.matcher(yamlMessage.replace('\n', ' '));
        int mapLine = -1, mapIndent = -1;
        if (m.find()) {
            mapLine = Integer.parseInt(m.group(1));
            mapIndent = Integer.parseInt(m.group(2)) - 1;
        }
        int prev = -1, prevLine = -1;
        for (int i = line - 2; i >= 0; i--) {
            String l = lines[i];
            if (l.isBlank() || l.strip().startsWith("#")) continue;
            prev = indent(l);
            prevLine = i + 1;
            break;
        }
        if (mapIndent < 0 && prev < 0) return null;
        String key = bad.strip();
        int colon = key.indexOf(':');
        if (colon > 0) key = key.substring(0, colon + 1);
        StringBuilder sb = new StringBuilder("indentation: '")
                .append(key)
                .append("' is indented by ")
                .append(spaces(indent));
        if (mapIndent >= 0)
            sb.append(", but the keys of the mapping it is in (from line ")
                    .append(mapLine)
                    .append(") by ")
                    .append(spaces(mapIndent));
        if (prev >= 0 && prev != mapIndent)
            sb.append(" and line ").append(prevLine).append(" by ").append(spaces(prev));
        sb.append(
                "; YAML reads indentation as structure and keys of one mapping start in the same column: indent it by ");
        if (mapIndent >= 0) sb.append(mapIndent);
        if (prev >= 0 && prev != mapIndent)
            sb.append(mapIndent >= 0 ? " or " : "")
                    .append(prev)
                    .append(" (under the key of line ")
                    .append(prevLine)
                    .append(")");
        return sb.append(" (spaces, not tabs)").toString();
    }

    private static int indent(String l) {
        int n = 0;
        while (n < l.length() && l.charAt(n) == ' ') n++;
        return n;
    }

    private static String spaces(int n) {
        return n + (n == 1 ? " space" : " spaces");
    }
}
