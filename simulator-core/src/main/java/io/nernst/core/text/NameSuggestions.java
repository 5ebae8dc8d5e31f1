package io.nernst.core.text;

import java.util.Collection;
import java.util.Locale;

/**
 * "Did you mean ...?" for every place that rejects a name (parameters, scenario keys, model
 * names, experiment keywords): the closest candidate by Levenshtein edit distance.
 */
public final class NameSuggestions {

    private NameSuggestions() {
    }

    /**
     * The candidate closest to {@code name}, compared case-insensitively; ties go to the first.
     *
     * @return the closest candidate, or {@code null} when there are none
     */
    public static String closest(String name, Collection<String> candidates) {
        String key = name.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = editDistance(key, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best;
    }

    /** Levenshtein distance: insertions, deletions and substitutions each cost one. */
    public static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), substitution);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
