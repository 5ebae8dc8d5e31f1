package io.nernst.core.output;

import io.nernst.core.simulation.Solution;
import io.nernst.core.simulation.StepSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code voltage.png}: terminal voltage against discharge capacity, one series per step,
 * or one per cycle when the run has several cycles. Rendered with XChart off-screen.
 */
public final class VoltagePlot {

    private VoltagePlot() {
    }

    /** Builds the chart (no file I/O), or null when there is nothing to plot. */
    public static XYChart chart(Solution solution, String title) {
        if (solution.rows() == 0) {
            return null;
        }
        XYChart chart = new XYChartBuilder().width(900).height(600).title(title)
                .xAxisTitle(Solution.CAPACITY).yAxisTitle(Solution.VOLTAGE).build();
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSW);
        chart.getStyler().setMarkerSize(0);
        double[] capacity = solution.column(Solution.CAPACITY);
        double[] voltage = solution.column(Solution.VOLTAGE);
        double[] step = solution.column(Solution.STEP);
        double[] cycle = solution.column(Solution.CYCLE);
        int cycles = (int) cycle[cycle.length - 1] + 1;
        boolean byCycle = cycles > 1;
        double[] group = byCycle ? cycle : step;
        int start = 0;
        while (start < group.length) {
            int end = start;
            while (end < group.length && group[end] == group[start]) {
                end++;
            }
            int g = (int) group[start];
            String name = byCycle ? "cycle " + (g + 1) : "step " + (g + 1) + ": " + sentence(solution.steps(), g);
            double[] x = java.util.Arrays.copyOfRange(capacity, start, end);
            double[] y = java.util.Arrays.copyOfRange(voltage, start, end);
            String unique = name;
            for (int k = 2; chart.getSeriesMap().containsKey(unique); k++) {
                unique = name + " (" + k + ")";
            }
            XYSeries s = chart.addSeries(unique, x, y);
            s.setMarker(SeriesMarkers.NONE);
            start = end;
        }
        return chart;
    }

    private static String sentence(List<StepSummary> steps, int index) {
        for (StepSummary s : steps) {
            if (s.index() == index) {
                String t = s.sentence();
                return t.length() > 48 ? t.substring(0, 45) + "..." : t;
            }
        }
        return "";
    }

    /** Writes the PNG atomically; does nothing when the solution is empty. */
    public static boolean write(Path file, Solution solution, String title) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        XYChart chart = chart(solution, title);
        if (chart == null) {
            return false;
        }
        AtomicFiles.write(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
        return true;
    }

    /** Series names in order, for tests and reports. */
    public static List<String> seriesNames(XYChart chart) {
        return new ArrayList<>(chart.getSeriesMap().keySet());
    }
}
