package io.nernst.core.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Counts of a study's recorded runs, with failures grouped by kind and message pattern (numbers replaced
 * by '#', so "step 1 failed at t = 12.5 s" and "... t = 40.1 s" fall in one group).
 */
public record StudySummary(int total, int recorded, int completed, int failed, List<FailureGroup> failures,
                           double meanWallSeconds) {

    /** Runs that failed the same way. */
    public record FailureGroup(String kind, String pattern, int count, String example, int firstRun) {
    }

    /** The summary of the store's rows. */
    public static StudySummary of(int total, List<Map<String, Object>> rows) {
        int completed = 0;
        int failed = 0;
        double wall = 0;
        Map<String, FailureGroup> groups = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            Object w = row.get("wall time [s]");
            wall += w == null ? 0 : ((Number) w).doubleValue();
            if ("completed".equals(row.get("status"))) {
                completed++;
                continue;
            }
            failed++;
            String kind = String.valueOf(row.get("failure kind"));
            String message = String.valueOf(row.get("failure"));
            String pattern = message.replaceAll("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?", "#");
            String key = kind + "\u0000" + pattern;
            FailureGroup g = groups.get(key);
            int run = ((Number) row.get("run")).intValue();
            groups.put(key, g == null ? new FailureGroup(kind, pattern, 1, message, run)
                    : new FailureGroup(kind, pattern, g.count() + 1, g.example(), g.firstRun()));
        }
        List<FailureGroup> list = new ArrayList<>(groups.values());
        list.sort((a, b) -> Integer.compare(b.count(), a.count()));
        return new StudySummary(total, rows.size(), completed, failed, list, rows.isEmpty() ? 0 : wall / rows.size());
    }

    /** Lines for a terminal: counts, then one line per failure group. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%d of %d runs recorded: %d completed, %d failed; mean run wall time %.3g s",
                recorded, total, completed, failed, meanWallSeconds));
        for (FailureGroup g : failures) {
            out.add(String.format(Locale.ROOT, "  %d x %s: %s (first: run %d)", g.count(), g.kind(), g.example(), g.firstRun()));
        }
        return out;
    }
}
