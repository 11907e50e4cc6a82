package ipclab.dsl.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean ...?": ipclab's one suggestion policy, for YAML keys, values and names as for
 * command names. The distance is Damerau-Levenshtein (a swap of two neighbours counts one step,
 * so {@code ipsc} is one step from {@code ipcs}), case ignored; a suggestion may be at most
 * {@link #allowed(String)} steps away, about a third of the word's length.
 */
public final class Suggestions {
    private Suggestions() {}

    /** How many steps away a suggestion for {@code word} may be: a third of its length, from 1 to 3. */
    public static int allowed(String word) {
        return Math.max(1, Math.min(3, word.length() / 3));
    }

    /** The closest candidate within {@link #allowed(String)} steps (the first of equals), if any. */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        return nearest(word, candidates, false).stream().findFirst();
    }

    /** {@code "; did you mean 'x'?"} or the empty string. */
    public static String didYouMean(String word, Collection<String> candidates) {
        return closest(word, candidates).map(s -> "; did you mean '" + s + "'?").orElse("");
    }

    /**
     * For a command typed wrong or in part: every name at the smallest distance within
     * {@link #allowed(String)} steps, in the names' order; a name that starts with what was typed
     * counts as one step away ({@code val} suggests {@code validate}). Empty when none is close.
     */
    public static List<String> commands(String typed, Collection<String> names) {
        return nearest(typed, names, true);
    }

    private static List<String> nearest(String word, Collection<String> candidates, boolean prefixes) {
        String w = word.toLowerCase(Locale.ROOT);
        int limit = allowed(word);
        int best = Integer.MAX_VALUE;
        List<String> out = new ArrayList<>();
        for (String c : candidates) {
            int d = distance(w, c.toLowerCase(Locale.ROOT));
            if (prefixes && !word.isEmpty() && c.startsWith(word)) d = Math.min(d, 1);
            if (d > limit || d > best) continue;
            if (d < best) {
                best = d;
                out.clear();
            }
            out.add(c);
        }
        return out;
    }

    /** Damerau-Levenshtein distance (optimal string alignment): insertions, deletions, substitutions, adjacent swaps. */
    public static int distance(String a, String b) {
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
