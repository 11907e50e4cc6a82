package ipclab.repl.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * "Did you mean" for a mistyped command: the names closest by Damerau-Levenshtein distance (a
 * swap of two neighbours counts one, so {@code ipsc} is one step from {@code ipcs}), within
 * about a third of the word's length. Only the closest names are offered.
 */
final class Suggestions {
    private Suggestions() {}

    static List<String> closest(String typed, Collection<String> names) {
        int limit = Math.max(1, (typed.length() + 1) / 3);
        int best = Integer.MAX_VALUE;
        List<String> out = new ArrayList<>();
        for (String n : names) {
            int d = ipclab.dsl.model.Suggestions.distance(typed.toLowerCase(java.util.Locale.ROOT), n.toLowerCase(java.util.Locale.ROOT));
            if (n.startsWith(typed) && !typed.isEmpty()) d = Math.min(d, 1);
            if (d > limit || d > best) continue;
            if (d < best) {
                best = d;
                out.clear();
            }
            out.add(n);
        }
        return out;
    }
}
