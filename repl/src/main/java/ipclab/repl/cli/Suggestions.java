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
            int d = distance(typed.toLowerCase(java.util.Locale.ROOT), n.toLowerCase(java.util.Locale.ROOT));
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

    /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
