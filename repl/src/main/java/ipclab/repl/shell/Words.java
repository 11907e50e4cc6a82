package ipclab.repl.shell;

import java.util.ArrayList;
import java.util.List;

/** A command line cut into words: spaces separate, single or double quotes keep spaces in a word. */
final class Words {
    private Words() {}

    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean in = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else w.append(c);
            } else if (c == '"' || c == '\'') {
                quote = c;
                in = true;
            } else if (Character.isWhitespace(c)) {
                if (in) out.add(w.toString());
                w.setLength(0);
                in = false;
            } else {
                w.append(c);
                in = true;
            }
        }
        if (in) out.add(w.toString());
        return out;
    }
}
