package io.nernst.models.parameters;

import io.nernst.core.experiment.Experiment;
import io.nernst.core.model.CellModel;
import io.nernst.core.output.AtomicFiles;
import io.nernst.core.parameters.ParameterSet;
import io.nernst.core.simulation.Simulation;
import io.nernst.core.simulation.Solution;
import io.nernst.core.simulation.SolverOptions;
import io.nernst.models.ModelOptions;
import io.nernst.models.ModelRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Runs the {@code Validation} experiments of a BPX file with the DFN model and compares the
 * voltage: the measured current series becomes experiment steps (one per run of equal
 * current, BPX currents are negative on discharge), the last step runs until the last measured
 * voltage, and the simulated voltage is interpolated at the measured times. The measured
 * capacity is the integral of |I| over the data; the simulated one is the charge passed until
 * the simulation reaches the last measured voltage.
 */
public final class BpxValidation {

    /** One experiment's comparison. */
    public record Result(String experiment, double rmsVoltageError, double maxVoltageError, double measuredCapacityAh,
                         double simulatedCapacityAh, int comparedPoints, double[] time, double[] measured, double[] simulated) {

        /** (simulated - measured) / measured. */
        public double capacityError() {
            return simulatedCapacityAh / measuredCapacityAh - 1.0;
        }
    }

    private BpxValidation() {
    }

    /** Runs every validation experiment of {@code bpxFile}. */
    public static List<Result> run(Path bpxFile, ModelOptions options) {
        ParameterSet p = ModelRegistry.parameters(null, null, bpxFile);
        Map<String, double[][]> data = Bpx.validationData(bpxFile);
        List<Result> out = new ArrayList<>();
        for (Map.Entry<String, double[][]> e : data.entrySet()) {
            out.add(runOne(p, e.getKey(), e.getValue(), options));
        }
        return out;
    }

    static Result runOne(ParameterSet p, String name, double[][] cols, ModelOptions options) {
        double[] t = cols[0];
        double[] current = cols[1];
        double[] voltage = cols[2];
        int n = t.length;
        List<String> steps = new ArrayList<>();
        int start = 0;
        for (int k = 1; k <= n; k++) {
            boolean last = k == n;
            if (last || current[k] != current[start] || k == n - 1) {
                int end = last ? n - 1 : k;
                double i = -current[start];
                double duration = t[end] - t[start];
                boolean finalStep = end == n - 1;
                String verb = i > 0 ? "Discharge" : i < 0 ? "Charge" : "Rest";
                String amount = i == 0 ? "" : String.format(Locale.ROOT, " at %.10g A", Math.abs(i));
                if (finalStep && i != 0) {
                    steps.add(String.format(Locale.ROOT, "%s%s until %.10g V", verb, amount, voltage[n - 1]));
                } else if (duration > 0) {
                    steps.add(String.format(Locale.ROOT, "%s%s for %.10g s", verb, amount, duration));
                }
                start = k;
                if (finalStep) {
                    break;
                }
            }
        }
        Experiment experiment = Experiment.of(steps, 1, Math.max(1.0, (t[n - 1] - t[0]) / 2000.0));
        CellModel model = ModelRegistry.create("DFN", p, options);
        Solution s = new Simulation(model, experiment, SolverOptions.defaults()).run();
        double[] st = s.column(Solution.TIME);
        double[] sv = s.column(Solution.VOLTAGE);
        double[] sim = new double[n];
        double sum = 0;
        double max = 0;
        int compared = 0;
        for (int k = 0; k < n; k++) {
            double tk = t[k] - t[0];
            sim[k] = interpolate(st, sv, tk);
            if (!Double.isNaN(sim[k])) {
                double d = sim[k] - voltage[k];
                sum += d * d;
                max = Math.max(max, Math.abs(d));
                compared++;
            }
        }
        double measuredCapacity = 0;
        for (int k = 1; k < n; k++) {
            measuredCapacity += 0.5 * (Math.abs(current[k]) + Math.abs(current[k - 1])) * (t[k] - t[k - 1]) / 3600.0;
        }
        double simulated = s.rows() == 0 ? 0.0 : Math.abs(s.last(Solution.CAPACITY));
        return new Result(name, Math.sqrt(sum / Math.max(1, compared)), max, measuredCapacity, simulated, compared,
                t.clone(), voltage.clone(), sim);
    }

    private static double interpolate(double[] x, double[] y, double xv) {
        if (x.length == 0 || xv < x[0] - 1e-9 || xv > x[x.length - 1] + 1e-9) {
            return Double.NaN;
        }
        int i = java.util.Arrays.binarySearch(x, xv);
        if (i >= 0) {
            return y[i];
        }
        i = -i - 2;
        if (i < 0) {
            return y[0];
        }
        if (i >= x.length - 1) {
            return y[x.length - 1];
        }
        double w = (xv - x[i]) / (x[i + 1] - x[i]);
        return y[i] + w * (y[i + 1] - y[i]);
    }

    /** Writes a PNG of measured and simulated voltage for every experiment (atomically). */
    public static void plot(List<Result> results, Path file, String title) {
        XYChart chart = new XYChartBuilder().width(900).height(600).title(title).xAxisTitle("time [s]").yAxisTitle("voltage [V]").build();
        for (Result r : results) {
            chart.addSeries(r.experiment() + " measured", r.time(), r.measured()).setMarker(SeriesMarkers.CIRCLE);
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int k = 0; k < r.time().length; k++) {
                if (!Double.isNaN(r.simulated()[k])) {
                    xs.add(r.time()[k]);
                    ys.add(r.simulated()[k]);
                }
            }
            if (!xs.isEmpty()) {
                chart.addSeries(r.experiment() + " Nernst DFN", xs, ys).setMarker(SeriesMarkers.NONE);
            }
        }
        AtomicFiles.write(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    }

    /** Results as a JSON-friendly map. */
    public static Map<String, Object> summary(Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("experiment", r.experiment());
        m.put("voltageRmsErrorMillivolts", r.rmsVoltageError() * 1e3);
        m.put("voltageMaxErrorMillivolts", r.maxVoltageError() * 1e3);
        m.put("measuredCapacityAh", r.measuredCapacityAh());
        m.put("simulatedCapacityAh", r.simulatedCapacityAh());
        m.put("capacityErrorPercent", r.capacityError() * 100);
        m.put("comparedPoints", r.comparedPoints());
        return m;
    }
}
