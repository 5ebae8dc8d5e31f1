package io.nernst.models.deposition;

import io.nernst.core.output.AtomicFiles;
import io.nernst.solvers.grid.CartesianGrid2D;
import java.io.PrintWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Writes the outputs of a deposition run into a directory, every file atomically (temporary file,
 * then rename), so a run stopped at any moment leaves consistent files:
 * <ul>
 *   <li>{@code timeseries.csv}: one row per step with the {@link DepositionObservables} (rewritten
 *       every {@value #CSV_EVERY} steps and at the end);</li>
 *   <li>{@code snapshots/levelset_NNNN.png}, {@code concentration_NNNN.png}, {@code current_NNNN.png}:
 *       heat maps of Phi, the salt concentration and the interface current density (band cells only)
 *       at t = 0, every {@code output.snapshotInterval} and at the end;</li>
 *   <li>{@code morphology.png}: the interface height profiles h(x) of every snapshot (XChart) and
 *       {@code morphology_final.png}: the final level set with the interface.</li>
 * </ul>
 */
public final class DepositionOutputs implements DepositionRun.Listener {
    /** Every name a deposition run writes into its directory (what an output set may replace). */
    public static final java.util.Set<String> NAMES = java.util.Set.of("timeseries.csv", "snapshots", "morphology.png",
            "morphology_final.png");

    /** Steps between rewrites of the CSV. */
    public static final int CSV_EVERY = 10;

    private final Path directory;
    private final double interval;
    private final List<DepositionObservables> rows = new ArrayList<>();
    private final List<double[]> profiles = new ArrayList<>();
    private final List<Double> profileTimes = new ArrayList<>();
    private double nextSnapshot;
    private int snapshotIndex;
    private double lastSnapshotTime = Double.NaN;

    /**
     * @param directory output directory (created if needed)
     * @param settings  the run's settings (snapshot interval)
     */
    public DepositionOutputs(Path directory, DepositionSettings settings) {
        this.directory = directory;
        this.interval = settings.snapshotInterval();
        this.nextSnapshot = 0.0;
    }

    @Override
    public void stepCompleted(DepositionModel model, DepositionObservables observables) {
        rows.add(observables);
        if (rows.size() % CSV_EVERY == 1) {
            writeCsv();
        }
        if (interval > 0.0 && model.time() >= nextSnapshot - 1e-9 * Math.max(interval, 1.0)) {
            snapshot(model);
            while (nextSnapshot <= model.time() + 1e-9 * interval) {
                nextSnapshot += interval;
            }
        } else if (rows.size() == 1) {
            snapshot(model);
        }
    }

    @Override
    public void finished(DepositionModel model, DepositionRun.Result result) {
        writeCsv();
        if (lastSnapshotTime != model.time()) {
            snapshot(model);
        }
        writeMorphology(model);
    }

    /** The rows written so far. */
    public List<DepositionObservables> rows() {
        return rows;
    }

    private void writeCsv() {
        List<DepositionObservables> copy = List.copyOf(rows);
        AtomicFiles.write(directory.resolve("timeseries.csv"), out -> {
            PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.println(String.join(",", DepositionObservables.CSV_HEADER));
            for (DepositionObservables o : copy) {
                double[] v = o.csvValues();
                StringBuilder line = new StringBuilder();
                for (int q = 0; q < v.length; q++) {
                    if (q > 0) {
                        line.append(',');
                    }
                    // v + 0.0 turns -0.0 into +0.0 (and leaves every other value unchanged), so that an
                    // exact zero is not printed as -0.00000000.
                    line.append(q == v.length - 1 ? Integer.toString((int) v[q]) : String.format(Locale.ROOT, "%.9g", v[q] + 0.0));
                }
                w.println(line);
            }
            w.flush();
        });
    }

    private void snapshot(DepositionModel model) {
        CartesianGrid2D grid = model.grid();
        String tag = String.format(Locale.ROOT, "%04d", snapshotIndex++);
        String time = String.format(Locale.ROOT, "t = %.1f s", model.time());
        Path dir = directory.resolve("snapshots");
        double[] phi = model.levelSet();
        FieldImage.write(dir.resolve("levelset_" + tag + ".png"), grid, phi, null, phi,
                "Level set Phi (1 electrolyte, 0 lithium), " + time, "[-]");
        FieldImage.write(dir.resolve("concentration_" + tag + ".png"), grid, model.concentration(), electrolyte(phi), phi,
                "Salt concentration, " + time, "[mol/m3]");
        double[] current = model.interfaceCurrent();
        boolean[] band = new boolean[phi.length];
        for (int k = 0; k < phi.length; k++) {
            band[k] = phi[k] > 0.02 && phi[k] < 0.98;
        }
        FieldImage.write(dir.resolve("current_" + tag + ".png"), grid, current, band, null,
                "Interface current density j (plating < 0), " + time, "[A/m2]");
        profiles.add(model.interfaceHeights(new double[grid.nx()]));
        profileTimes.add(model.time());
        lastSnapshotTime = model.time();
    }

    private static boolean[] electrolyte(double[] phi) {
        boolean[] m = new boolean[phi.length];
        for (int k = 0; k < phi.length; k++) {
            m[k] = phi[k] >= 0.5;
        }
        return m;
    }

    private void writeMorphology(DepositionModel model) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        CartesianGrid2D grid = model.grid();
        XYChart chart = new XYChartBuilder().width(900).height(500).title("Interface height profiles")
                .xAxisTitle("x [um]").yAxisTitle("interface height [um]").build();
        chart.getStyler().setMarkerSize(0);
        // Without a pattern XChart prints raw doubles such as 26.249999999999996 on the axis.
        chart.getStyler().setXAxisDecimalPattern("0.##");
        chart.getStyler().setYAxisDecimalPattern("0.##");
        double[] x = new double[grid.nx()];
        for (int i = 0; i < x.length; i++) {
            x[i] = grid.xCentre(i) * 1e6;
        }
        for (int s = 0; s < profiles.size(); s++) {
            double[] h = profiles.get(s).clone();
            for (int i = 0; i < h.length; i++) {
                h[i] = Double.isNaN(h[i]) ? Double.NaN : h[i] * 1e6;
            }
            String name = String.format(Locale.ROOT, "t = %.0f s", profileTimes.get(s));
            String unique = name;
            for (int q = 2; chart.getSeriesMap().containsKey(unique); q++) {
                unique = name + " (" + q + ")";
            }
            XYSeries series = chart.addSeries(unique, x, h);
            series.setMarker(SeriesMarkers.NONE);
        }
        AtomicFiles.write(directory.resolve("morphology.png"),
                out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
        FieldImage.write(directory.resolve("morphology_final.png"), grid, model.levelSet(), null, model.levelSet(),
                String.format(Locale.ROOT, "Final morphology, t = %.1f s", model.time()), "Phi [-]");
    }
}
