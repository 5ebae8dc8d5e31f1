package io.nernst.cli;

import io.nernst.core.simulation.Progress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress display on the terminal, rewritten in place with a carriage return
 * at most ten times a second. Disabled when output is not a terminal or with --quiet.
 */
final class ProgressLine implements Progress.Listener {
    private static final long INTERVAL_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final boolean enabled;
    private long lastPrint;
    private int lastLength;

    ProgressLine(PrintWriter out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
    }

    @Override
    public void progress(Progress p) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastPrint < INTERVAL_NANOS) {
            return;
        }
        lastPrint = now;
        String sentence = p.sentence().length() > 40 ? p.sentence().substring(0, 37) + "..." : p.sentence();
        String line = String.format(Locale.ROOT, "step %d/%d  %-40s  t = %8.0f s  %7.4f V  %9.4g A.h",
                p.stepIndex() + 1, p.stepCount(), sentence, p.time(), p.voltage(), p.capacity());
        StringBuilder sb = new StringBuilder("\r").append(line);
        for (int i = line.length(); i < lastLength; i++) {
            sb.append(' ');
        }
        lastLength = line.length();
        out.print(sb);
        out.flush();
    }

    /** Erases the line. */
    void clear() {
        if (enabled && lastLength > 0) {
            out.print("\r" + " ".repeat(lastLength) + "\r");
            out.flush();
            lastLength = 0;
        }
    }
}
