package io.nernst.cli;

import io.nernst.core.simulation.Progress;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress line of a run, drawn by the progressbar library: simulated time (the total is
 * unknown in advance, since most steps end at a voltage or current limit), wall time, the
 * running experiment step, voltage and capacity. On a terminal the line is redrawn in place ten
 * times a second; when stderr is a file or pipe a plain line is written every few seconds so
 * logs stay readable. Disabled with --quiet.
 */
final class ProgressLine implements Progress.Listener {
    private static final int TERMINAL_INTERVAL_MILLIS = 100;
    private static final int LOG_INTERVAL_MILLIS = 5000;
    private static final int WIDTH = 110;

    private final PrintWriter out;
    private final boolean enabled;
    private final boolean terminal;
    private ProgressBar bar;

    ProgressLine(PrintWriter out, boolean enabled, boolean terminal) {
        this.out = out;
        this.enabled = enabled;
        this.terminal = terminal;
    }

    @Override
    public void progress(Progress p) {
        if (!enabled) {
            return;
        }
        if (bar == null) {
            bar = new ProgressBarBuilder()
                    .setTaskName("simulating")
                    .setInitialMax(-1)
                    .setUnit(" s", 1)
                    .setStyle(ProgressBarStyle.ASCII)
                    .hideEta()
                    .setUpdateIntervalMillis(terminal ? TERMINAL_INTERVAL_MILLIS : LOG_INTERVAL_MILLIS)
                    .setConsumer(new DelegatingProgressBarConsumer(this::render, WIDTH))
                    .build();
        }
        bar.stepTo((long) p.time());
        bar.setExtraMessage(String.format(Locale.ROOT, "step %d/%d  %.4f V  %.4g A.h",
                p.stepIndex() + 1, p.stepCount(), p.voltage(), p.capacity()));
    }

    private void render(String line) {
        synchronized (out) {
            if (terminal) {
                out.print('\r');
                out.print(line);
            } else {
                out.println(line);
            }
            out.flush();
        }
    }

    /** Draws the final state and ends the line. */
    void clear() {
        if (bar != null) {
            bar.close();
            bar = null;
            if (terminal) {
                synchronized (out) {
                    out.println();
                    out.flush();
                }
            }
        }
    }
}
