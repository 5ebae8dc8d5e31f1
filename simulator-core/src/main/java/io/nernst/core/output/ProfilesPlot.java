package io.nernst.core.output;

import io.nernst.core.simulation.FieldSnapshot;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code profiles.png}: one panel per field output (e.g. electrolyte concentration across
 * the cell), one line per snapshot time, at most {@value #MAX_LINES} evenly chosen times
 * per panel so that the picture stays readable.
 */
public final class ProfilesPlot {

    /** Most lines drawn in one panel. */
    public static final int MAX_LINES = 8;

    private ProfilesPlot() {
    }

    /** The panels, one per field name in order of first appearance; empty without snapshots. */
    public static List<XYChart> charts(List<FieldSnapshot> snapshots) {
        Map<String, List<FieldSnapshot>> byField = new LinkedHashMap<>();
        for (FieldSnapshot s : snapshots) {
            byField.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(s);
        }
        List<XYChart> charts = new ArrayList<>();
        for (Map.Entry<String, List<FieldSnapshot>> e : byField.entrySet()) {
            List<FieldSnapshot> all = e.getValue();
            XYChart chart = new XYChartBuilder().width(600).height(400).title(e.getKey())
                    .xAxisTitle(all.get(0).axisName()).yAxisTitle(e.getKey()).build();
            chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
            // positions are SI metres of order 1e-4: engineering notation reads better than long decimals
            chart.getStyler().setXAxisDecimalPattern("0.##E0");
            int lines = Math.min(MAX_LINES, all.size());
            for (int k = 0; k < lines; k++) {
                // evenly spaced picks, always including the first and the last snapshot
                int index = lines == 1 ? all.size() - 1 : (int) Math.round(k * (all.size() - 1.0) / (lines - 1));
                FieldSnapshot s = all.get(index);
                String name = String.format(Locale.ROOT, "t = %.0f s", s.time());
                String unique = name;
                for (int n = 2; chart.getSeriesMap().containsKey(unique); n++) {
                    unique = name + " (" + n + ")";
                }
                XYSeries series = chart.addSeries(unique, s.positions(), s.values());
                series.setMarker(SeriesMarkers.NONE);
            }
            charts.add(chart);
        }
        return charts;
    }

    /** Writes the PNG atomically (panels in a grid of up to 3 columns); false when there are no snapshots. */
    public static boolean write(Path file, List<FieldSnapshot> snapshots) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        List<XYChart> charts = charts(snapshots);
        if (charts.isEmpty()) {
            return false;
        }
        int columns = Math.min(3, charts.size());
        int rows = (charts.size() + columns - 1) / columns;
        // composed by hand: XChart's own grid needs rows * columns == number of charts
        int width = charts.get(0).getWidth();
        int height = charts.get(0).getHeight();
        BufferedImage grid = new BufferedImage(columns * width, rows * height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
        for (int i = 0; i < charts.size(); i++) {
            g.drawImage(BitmapEncoder.getBufferedImage(charts.get(i)), (i % columns) * width, (i / columns) * height, null);
        }
        g.dispose();
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(grid, "png", out)) {
                throw new java.io.IOException("no PNG writer available");
            }
        });
        return true;
    }
}
