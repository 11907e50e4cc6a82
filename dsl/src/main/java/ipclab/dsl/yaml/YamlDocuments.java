package ipclab.dsl.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A YAML file of several documents, each a scenario, separated by lines {@code ---}: the parts of
 * one comparison ({@code scenarios/compare.yaml}). Each document is handed to the reader preceded by
 * as many empty lines as came before it, so that its diagnostics keep the file's line numbers.
 */
public final class YamlDocuments {
    private static final Pattern SEPARATOR = Pattern.compile("---\\s*(#.*)?");

    private YamlDocuments() {}

    /** The documents holding more than blank lines and comments; one (the text itself) when there is no separator. */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        StringBuilder doc = new StringBuilder();
        int start = 0;
        boolean content = false;
        for (int i = 0; i <= lines.length; i++) {
            if (i == lines.length || SEPARATOR.matcher(lines[i]).matches()) {
                if (content) out.add("\n".repeat(start) + doc);
                doc.setLength(0);
                content = false;
                start = i + 1;
                continue;
            }
            doc.append(lines[i]).append('\n');
            String t = lines[i].strip();
            if (!t.isEmpty() && !t.startsWith("#")) content = true;
        }
        return out.size() <= 1 ? List.of(text) : out;
    }
}
