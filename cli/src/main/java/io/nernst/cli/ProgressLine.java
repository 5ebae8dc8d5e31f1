package io.nernst.cli;

import io.nernst.core.simulation.Progress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressState;

/**
 * The progress line of a run, drawn by the progressbar library with a renderer of our own. The
 * bar measures the running experiment step (the total of a run is unknown in advance, since
 * most steps end at a voltage or current limit):
 * <ul>
 *   <li>a step that ends on its own duration shows how much of it has passed,
 *       {@code [=====>    ]  45%  270/600 s};</li>
 *   <li>a constant-current step with a voltage limit is measured against the time to pass the
 *       nominal capacity at its current (3600 / C-rate s), marked as an estimate with "~",
 *       {@code [=====>    ] ~45%  1620/~3600 s}; once past it only the time is shown;</li>
 *   <li>any other step (a hold until a current, a rest until a voltage, a power step) shows
 *       the time only: no bar, no guessed percentage.</li>
 * </ul>
 * followed by the step's sentence, voltage, capacity and wall time. On a terminal the line is
 * redrawn in place ten times a second; when stderr is a file or pipe a plain line is written
 * every few seconds so logs stay readable. Every line starts with "simulating". Disabled with
 * --quiet.
 */
final class ProgressLine implements Progress.Listener {
    private static final int TERMINAL_INTERVAL_MILLIS = 100;
    private static final int LOG_INTERVAL_MILLIS = 5000;
    private static final int WIDTH = 125;
    private static final int BAR_WIDTH = 16;

    private final PrintWriter out;
    private final boolean enabled;
    private final boolean terminal;
    private ProgressBar bar;
    /** The latest report, read by the library's rendering thread. */
    private volatile Progress latest;
    private int barStep = -1;
    /** Length of the last line drawn on a terminal, to blank what a shorter line leaves. */
    private int drawnLength;
    /** The last line written to a log, so that the final redraw is not written twice. */
    private String lastLogged;

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
        latest = p;
        if (bar == null) {
            bar = new ProgressBarBuilder()
                    .setTaskName("simulating")
                    .setInitialMax(-1)
                    .setUpdateIntervalMillis(terminal ? TERMINAL_INTERVAL_MILLIS : LOG_INTERVAL_MILLIS)
                    .setRenderer(this::render)
                    .setConsumer(new DelegatingProgressBarConsumer(this::print, WIDTH))
                    .build();
        }
        // The library's state counts simulated seconds of the run, so that it only moves forward
        // (a step back would force a redraw on this thread); its maximum is where the running
        // step is expected to end, or indefinite. The line itself is drawn from the report.
        if (p.stepIndex() != barStep) {
            barStep = p.stepIndex();
            double expected = p.stepExpectedDuration();
            double stepStart = p.time() - p.stepElapsed();
            bar.maxHint(expected > 0 ? Math.max(1L, Math.round(stepStart + expected)) : -1L);
        }
        bar.stepTo(Math.max(bar.getCurrent(), Math.round(p.time())));
    }

    private String render(ProgressState state, int maxLength) {
        Progress p = latest;
        return p == null ? "simulating" : line(p, state.getTotalElapsed(), maxLength);
    }

    /**
     * The text of the progress line for one report (see the class documentation), at most
     * {@code maxLength} characters: the step sentence is shortened when the line is too long.
     */
    static String line(Progress p, Duration wall, int maxLength) {
        StringBuilder head = new StringBuilder("simulating step ").append(p.stepIndex() + 1).append('/').append(p.stepCount());
        double elapsed = p.stepElapsed();
        double expected = p.stepExpectedDuration();
        boolean estimated = p.stepDurationEstimated();
        if (expected > 0 && (!estimated || elapsed <= expected)) {
            double fraction = Math.min(1.0, Math.max(0.0, elapsed / expected));
            int filled = (int) Math.floor(fraction * BAR_WIDTH);
            head.append(" [").append("=".repeat(filled));
            if (filled < BAR_WIDTH) {
                head.append('>').append(" ".repeat(BAR_WIDTH - filled - 1));
            }
            String percent = (estimated ? "~" : "") + (int) Math.floor(100 * fraction) + "%";
            head.append(']').append(String.format(Locale.ROOT, "%5s", percent));
            head.append(String.format(Locale.ROOT, "  %.0f/%s%.0f s", elapsed, estimated ? "~" : "", expected));
        } else if (expected > 0) {
            head.append(String.format(Locale.ROOT, "  %.0f s (past the nominal ~%.0f s)", elapsed, expected));
        } else {
            head.append(String.format(Locale.ROOT, "  %.0f s", elapsed));
        }
        String tail = String.format(Locale.ROOT, "  %.4f V  %.3f A.h  wall %s", p.voltage(), p.capacity(), clock(wall));
        String sentence = p.sentence();
        int room = maxLength - head.length() - tail.length() - 2;
        if (room < sentence.length()) {
            sentence = room >= 4 ? sentence.substring(0, room - 3) + "..." : "";
        }
        return sentence.isEmpty() ? head + tail : head + "  " + sentence + tail;
    }

    private static String clock(Duration d) {
        long s = d.getSeconds();
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    private void print(String line) {
        synchronized (out) {
            if (terminal) {
                out.print('\r');
                out.print(line);
                if (line.length() < drawnLength) {
                    out.print(" ".repeat(drawnLength - line.length()));
                }
                drawnLength = line.length();
            } else if (!line.equals(lastLogged)) {
                out.println(line);
                lastLogged = line;
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
