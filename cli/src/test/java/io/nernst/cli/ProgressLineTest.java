package io.nernst.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.core.simulation.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The progress line says what is known about the running step, and never shows "?". */
class ProgressLineTest {

    private static Progress report(String sentence, double elapsed, double expected, boolean estimated) {
        return new Progress(2, 10, 0, sentence, 5000 + elapsed, elapsed, 86400, expected, estimated, 3.87654, -12.0, 1.23456);
    }

    private static final Duration WALL = Duration.ofSeconds(3725);

    @Test
    void stepWithItsOwnDurationShowsTheExactFraction() {
        String line = ProgressLine.line(report("Rest for 10 minutes", 270, 600, false), WALL, 125);
        assertEquals("simulating step 3/10 [=======>        ]  45%  270/600 s  Rest for 10 minutes  3.8765 V  1.235 A.h  wall 1:02:05",
                line);
    }

    @Test
    void currentStepIsMeasuredAgainstTheNominalCapacityTimeMarkedAsAnEstimate() {
        String line = ProgressLine.line(report("Discharge at 1C until 3.105 V", 1800, 3600, true), WALL, 125);
        assertEquals("simulating step 3/10 [========>       ] ~50%  1800/~3600 s  Discharge at 1C until 3.105 V  3.8765 V  1.235 A.h  wall 1:02:05",
                line);
        // past the estimate: no bar, no percentage above 100
        line = ProgressLine.line(report("Discharge at 1C until 3.105 V", 3650, 3600, true), WALL, 125);
        assertTrue(line.startsWith("simulating step 3/10  3650 s (past the nominal ~3600 s)  Discharge at 1C"), line);
        assertFalse(line.contains("%"), line);
    }

    @Test
    void stepOfUnknownLengthShowsTimeOnly() {
        String line = ProgressLine.line(report("Hold at 4.1 V until C/50", 1234.4, Double.NaN, false), WALL, 125);
        assertEquals("simulating step 3/10  1234 s  Hold at 4.1 V until C/50  3.8765 V  1.235 A.h  wall 1:02:05", line);
    }

    @Test
    void fullBarAndLongSentences() {
        String line = ProgressLine.line(report("Rest for 10 minutes", 600, 600, false), WALL, 125);
        assertTrue(line.contains("[================] 100%  600/600 s"), line);
        String longSentence = "Charge at 0.5 mA/cm2 for 30 minutes or until 4.2 V, with period 10 seconds and more words";
        line = ProgressLine.line(report(longSentence, 60, 1800, false), WALL, 125);
        assertEquals(125, line.length(), line);
        assertTrue(line.contains("Charge at 0.5 mA/cm2") && line.contains("...  3.8765 V"), line);
    }

    @Test
    void logModeWritesPlainLinesStartingWithSimulating() {
        StringWriter err = new StringWriter();
        ProgressLine progress = new ProgressLine(new PrintWriter(err, true), true, false);
        progress.progress(report("Rest for 10 minutes", 0, 600, false));
        progress.progress(new Progress(3, 10, 0, "Hold at 4.1 V until C/50", 6000, 30, 86400, Double.NaN, false, 4.1, -1, 1.0));
        progress.clear();
        String text = err.toString();
        assertFalse(text.isEmpty());
        assertTrue(text.lines().allMatch(l -> l.startsWith("simulating")), text);
        assertFalse(text.contains("?"), text);
        // the last line shows the last report
        String[] lines = text.split("\n");
        assertTrue(lines[lines.length - 1].startsWith("simulating step 4/10  30 s  Hold at 4.1 V until C/50"), text);
        assertEquals("", ProgressLines.strip(text));
    }
}
