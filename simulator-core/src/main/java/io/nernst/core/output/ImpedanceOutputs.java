package io.nernst.core.output;

import io.nernst.core.impedance.ImpedanceSpectrum;
import io.nernst.core.simulation.MeasuredSpectrum;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Impedance outputs of a run's EIS steps: {@code impedance.csv} (long format, one row per
 * frequency with the step and the state: step and cycle from 1, time, voltage, DC current,
 * f, Z', Z'', |Z|, phase) and the {@code nyquist.png} (-Z'' against Z') and
 * {@code bode.png} (|Z| and phase against log f) plots, all written atomically.
 */
public final class ImpedanceOutputs {
    /** Column names of impedance.csv. */
    public static final List<String> COLUMNS = List.of("Step", "Cycle", "Time [s]", "Voltage [V]", "Current [A]",
            "Frequency [Hz]", "Z' [Ohm]", "Z'' [Ohm]", "|Z| [Ohm]", "Phase [deg]");

    private ImpedanceOutputs() {
    }

    /** Writes impedance.csv. */
    public static void writeCsv(Path file, List<MeasuredSpectrum> spectra) {
        AtomicFiles.write(file, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write(String.join(",", COLUMNS.stream().map(ImpedanceOutputs::quote).toList()));
            w.write('\n');
            for (MeasuredSpectrum m : spectra) {
                ImpedanceSpectrum z = m.spectrum();
                for (int k = 0; k < z.size(); k++) {
                    w.write((m.stepIndex() + 1) + "," + (m.cycle() + 1) + "," + TimeseriesCsv.number(m.time()) + ","
                            + TimeseriesCsv.number(m.voltage()) + "," + TimeseriesCsv.number(m.current()) + ","
                            + TimeseriesCsv.number(z.frequency(k)) + "," + TimeseriesCsv.number(z.real(k)) + ","
                            + TimeseriesCsv.number(z.imaginary(k)) + "," + TimeseriesCsv.number(z.modulus(k)) + ","
                            + TimeseriesCsv.number(z.phaseDegrees(k)) + "\n");
                }
            }
            w.flush();
        });
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String label(MeasuredSpectrum m) {
        return String.format(Locale.ROOT, "step %d at %.4f V", m.stepIndex() + 1, m.voltage());
    }

    /** The Nyquist chart: -Z'' [mOhm] against Z' [mOhm], one series per spectrum. */
    public static XYChart nyquist(List<MeasuredSpectrum> spectra, String title) {
        XYChart chart = new XYChartBuilder().width(800).height(700).title(title + ": Nyquist")
                .xAxisTitle("Z' [mOhm]").yAxisTitle("-Z'' [mOhm]").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setMarkerSize(4);
        for (MeasuredSpectrum m : spectra) {
            ImpedanceSpectrum z = m.spectrum();
            double[] x = new double[z.size()];
            double[] y = new double[z.size()];
            for (int k = 0; k < z.size(); k++) {
                x[k] = 1e3 * z.real(k);
                y[k] = -1e3 * z.imaginary(k);
            }
            XYSeries s = chart.addSeries(unique(chart, label(m)), x, y);
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    /** The Bode chart: |Z| [mOhm] (left axis) and -phase [deg] (right axis) against frequency on a log axis. */
    public static XYChart bode(List<MeasuredSpectrum> spectra, String title) {
        XYChart chart = new XYChartBuilder().width(900).height(600).title(title + ": Bode")
                .xAxisTitle("Frequency [Hz]").yAxisTitle("|Z| [mOhm]").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setMarkerSize(3);
        for (MeasuredSpectrum m : spectra) {
            ImpedanceSpectrum z = m.spectrum();
            double[] f = z.frequencies();
            double[] mod = new double[z.size()];
            double[] phase = new double[z.size()];
            for (int k = 0; k < z.size(); k++) {
                mod[k] = 1e3 * z.modulus(k);
                phase[k] = -z.phaseDegrees(k);
            }
            chart.addSeries(unique(chart, "|Z| " + label(m)), f, mod);
            XYSeries p = chart.addSeries(unique(chart, "-phase [deg] " + label(m)), f, phase);
            p.setYAxisGroup(1);
        }
        chart.setYAxisGroupTitle(1, "-phase [deg]");
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        return chart;
    }

    private static String unique(XYChart chart, String name) {
        String u = name;
        for (int k = 2; chart.getSeriesMap().containsKey(u); k++) {
            u = name + " (" + k + ")";
        }
        return u;
    }

    /** Writes a chart as PNG atomically. */
    static void writePng(Path file, XYChart chart) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        AtomicFiles.write(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    }
}
