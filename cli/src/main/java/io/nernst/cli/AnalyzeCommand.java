package io.nernst.cli;

import io.nernst.core.analysis.AnalysisException;
import io.nernst.core.analysis.Arrhenius;
import io.nernst.core.analysis.Circuit;
import io.nernst.core.analysis.DataTable;
import io.nernst.core.analysis.DifferentialCapacity;
import io.nernst.core.analysis.Drt;
import io.nernst.core.analysis.EcmFit;
import io.nernst.core.analysis.Gitt;
import io.nernst.core.analysis.InitialGuess;
import io.nernst.core.analysis.KramersKronig;
import io.nernst.core.impedance.ImpedanceSpectrum;
import io.nernst.core.output.AtomicFiles;
import io.nernst.core.units.Dimension;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nernst analyze METHOD DATA.csv [options]}: the analysis toolkit on Nernst outputs or
 * measured data (docs/analysis.md). Columns are chosen by name with units (headers such as
 * {@code Z' [Ohm]} carry theirs; {@code --real 'Zre[mOhm]'} names one). Bad input: exit 2 with
 * the reason; a fit that does not converge is reported, exit 3.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Analyse spectra and titrations: ecm, drt, kk, gitt, dqdv, arrhenius.",
        subcommands = {AnalyzeCommand.Ecm.class, AnalyzeCommand.DrtCommand.class, AnalyzeCommand.Kk.class,
            AnalyzeCommand.GittCommand.class, AnalyzeCommand.Dqdv.class, AnalyzeCommand.ArrheniusCommand.class})
public final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("nernst analyze: missing method; one of ecm, drt, kk, gitt, dqdv, arrhenius");
        spec.commandLine().usage(err);
        return ExitCodes.BAD_INPUT;
    }

    /** Options naming the spectrum columns (defaults: Nernst's impedance.csv). */
    static final class SpectrumColumns {
        @Parameters(index = "0", paramLabel = "DATA.csv", description = "Spectrum table (e.g. a run's impedance.csv).")
        Path data;
        @Option(names = "--frequency", defaultValue = "Frequency [Hz]", description = "Frequency column (default: ${DEFAULT-VALUE}).")
        String frequency;
        @Option(names = "--real", defaultValue = "Z' [Ohm]", description = "Z' column (default: ${DEFAULT-VALUE}).")
        String real;
        @Option(names = "--imaginary", defaultValue = "Z'' [Ohm]", description = "Z'' column (default: ${DEFAULT-VALUE}).")
        String imaginary;
        @Option(names = "--negative-imaginary", description = "The Z'' column holds -Z''.")
        boolean negativeImaginary;
        @Option(names = "--step", defaultValue = "0", description = "Step number whose spectrum to take (impedance.csv with several).")
        int step;
        @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Write results (CSV, PNG) into DIR.")
        Path out;

        ImpedanceSpectrum read() {
            return DataTable.read(data).spectrum(frequency, real, imaginary, negativeImaginary, step);
        }
    }

    /** Runs an analysis body with the exit-code mapping. */
    static int guarded(CommandSpec spec, Callable<Integer> body) {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return body.call();
        } catch (AnalysisException e) {
            err.println("nernst analyze: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (java.io.UncheckedIOException e) {
            err.println("nernst analyze: could not write outputs: " + e.getMessage());
            return ExitCodes.OUTPUT_ERROR;
        } catch (Exception e) {
            err.println("nernst analyze: internal error: " + e);
            return ExitCodes.INTERNAL_ERROR;
        }
    }

    static String g(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    static void writeText(Path file, String text) {
        AtomicFiles.write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    static void writePng(Path file, XYChart chart) {
        AtomicFiles.write(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    }

    static Path outDir(Path out) throws java.io.IOException {
        Files.createDirectories(out);
        return out;
    }

    @Command(name = "ecm", mixinStandardHelpOptions = true,
            description = "Fit an equivalent circuit (e.g. 'R0-p(R1,CPE1)-p(R2,CPE2)-W1' or 'seed001').")
    static final class Ecm implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        SpectrumColumns columns;
        @Option(names = {"-c", "--circuit"}, required = true, description = "Circuit string or template name.")
        String circuit;
        @Option(names = "--initial", split = ",", description = "Initial values in parameter order, SI (default: estimated from the data).")
        double[] initial;

        @Override
        public Integer call() {
            return guarded(spec, () -> {
                PrintWriter out = spec.commandLine().getOut();
                Circuit c = Circuit.parse(circuit);
                ImpedanceSpectrum z = columns.read();
                double[] start = initial != null ? initial : InitialGuess.of(c, z);
                EcmFit.Result r = EcmFit.fit(c, z, start);
                StringBuilder csv = new StringBuilder("parameter,value,standard error\n");
                out.println("circuit " + c + ", " + z.size() + " frequencies: " + r.message() + " after " + r.iterations()
                        + " iterations, weighted residual RMS " + g(r.rms()));
                for (int j = 0; j < r.values().length; j++) {
                    out.printf(Locale.ROOT, "  %-14s %14s +- %s%n", r.names().get(j), g(r.values()[j]), g(r.standardErrors()[j]));
                    csv.append(r.names().get(j)).append(',').append(g(r.values()[j])).append(',')
                            .append(g(r.standardErrors()[j])).append('\n');
                }
                if (columns.out != null) {
                    Path dir = outDir(columns.out);
                    writeText(dir.resolve("ecm.csv"), csv.toString());
                    XYChart chart = new XYChartBuilder().width(900).height(500).title("ECM residuals: " + c)
                            .xAxisTitle("Frequency [Hz]").yAxisTitle("(Z_fit - Z)/|Z|").build();
                    chart.getStyler().setXAxisLogarithmic(true);
                    chart.addSeries("real", z.frequencies(), r.residualReal()).setMarker(SeriesMarkers.CIRCLE);
                    chart.addSeries("imaginary", z.frequencies(), r.residualImag()).setMarker(SeriesMarkers.DIAMOND);
                    writePng(dir.resolve("ecm-residuals.png"), chart);
                    out.println("wrote " + dir.resolve("ecm.csv") + ", " + dir.resolve("ecm-residuals.png"));
                }
                return r.converged() ? ExitCodes.OK : ExitCodes.SOLVER_FAILURE;
            });
        }
    }

    @Command(name = "drt", mixinStandardHelpOptions = true,
            description = "Distribution of relaxation times (Tikhonov, non-negative, Gaussian RBF, GCV), after a Kramers-Kronig check.")
    static final class DrtCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        SpectrumColumns columns;
        @Option(names = "--lambda", defaultValue = "NaN", description = "Regularisation parameter (default: generalised cross-validation).")
        double lambda;
        @Option(names = "--derivative", defaultValue = "2", description = "Penalty derivative order, 1 or 2 (default: ${DEFAULT-VALUE}).")
        int derivative;
        @Option(names = "--part", defaultValue = "COMBINED", description = "Data used: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Drt.DataPart part;
        @Option(names = "--inductance", description = "Fit a series inductance.")
        boolean inductance;

        @Override
        public Integer call() {
            return guarded(spec, () -> {
                PrintWriter out = spec.commandLine().getOut();
                ImpedanceSpectrum z = columns.read();
                Drt.Result r = Drt.invert(z, new Drt.Options(derivative, lambda, part, inductance, 0.5));
                printKk(out, r.kramersKronig());
                out.println("DRT: Gaussian RBF (FWHM coefficient 0.5), derivative order " + derivative + ", " + part
                        + " data, lambda " + g(r.lambda()) + (r.gcvChosen() ? " (GCV)" : " (given)") + ", R_inf " + g(r.rInf())
                        + " ohm" + (inductance ? ", L " + g(r.inductance()) + " H" : ""));
                out.println("  peak  tau [s]        f [Hz]         R [ohm]");
                int k = 1;
                for (Drt.Peak p : r.peaks()) {
                    out.printf(Locale.ROOT, "  %-5d %-14s %-14s %s%n", k++, g(p.tau()), g(p.frequency()), g(p.resistance()));
                }
                if (columns.out != null) {
                    Path dir = outDir(columns.out);
                    StringBuilder csv = new StringBuilder("tau [s],gamma [ohm]\n");
                    for (int i = 0; i < r.tau().length; i++) {
                        csv.append(g(r.tau()[i])).append(',').append(g(r.gamma()[i])).append('\n');
                    }
                    writeText(dir.resolve("drt.csv"), csv.toString());
                    XYChart chart = new XYChartBuilder().width(900).height(500).title("DRT, lambda " + g(r.lambda()))
                            .xAxisTitle("tau [s]").yAxisTitle("gamma [ohm]").build();
                    chart.getStyler().setXAxisLogarithmic(true);
                    chart.getStyler().setMarkerSize(0);
                    chart.addSeries("gamma", r.tau(), r.gamma());
                    writePng(dir.resolve("drt.png"), chart);
                    out.println("wrote " + dir.resolve("drt.csv") + ", " + dir.resolve("drt.png"));
                }
                return ExitCodes.OK;
            });
        }
    }

    static void printKk(PrintWriter out, KramersKronig.Result kk) {
        out.println("Kramers-Kronig (linear KK, " + kk.elements() + " Voigt elements, mu " + g(kk.mu()) + "): largest residual "
                + String.format(Locale.ROOT, "%.3f %%", 100 * kk.maxResidual()) + " of |Z|"
                + (kk.consistent() ? "" : " -- above 1 %: drift or non-linearity; interpret with care"));
    }

    @Command(name = "kk", mixinStandardHelpOptions = true, description = "Kramers-Kronig (linear KK) consistency check.")
    static final class Kk implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        SpectrumColumns columns;

        @Override
        public Integer call() {
            return guarded(spec, () -> {
                printKk(spec.commandLine().getOut(), KramersKronig.check(columns.read()));
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "gitt", mixinStandardHelpOptions = true,
            description = "GITT: diffusivity per pulse by Weppner-Huggins, D = 4/(pi tau) (R/3)^2 (dEs/dEtau)^2.")
    static final class GittCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "DATA.csv", description = "Time series (e.g. a run's timeseries.csv).")
        Path data;
        @Option(names = "--time", defaultValue = "Time [s]", description = "Time column (default: ${DEFAULT-VALUE}).")
        String time;
        @Option(names = "--voltage", defaultValue = "Voltage [V]", description = "Voltage column (default: ${DEFAULT-VALUE}).")
        String voltage;
        @Option(names = "--current", defaultValue = "Current [A]", description = "Current column (default: ${DEFAULT-VALUE}).")
        String current;
        @Option(names = "--radius", required = true, description = "Particle radius with unit, e.g. '5 um'.")
        String radius;

        @Override
        public Integer call() {
            return guarded(spec, () -> {
                PrintWriter out = spec.commandLine().getOut();
                double r = quantity(radius, Dimension.LENGTH, "particle radius");
                DataTable t = DataTable.read(data);
                List<Gitt.Pulse> pulses = Gitt.analyse(t.column(time, Dimension.TIME, "time"),
                        t.column(voltage, Dimension.VOLTAGE, "voltage"), t.column(current, Dimension.CURRENT, "current"), r);
                out.println("pulse  start [s]    tau [s]   IR [mV]    dEs [mV]   dEtau [mV]  D [m2/s]     D endpoint   D1");
                int k = 1;
                for (Gitt.Pulse p : pulses) {
                    out.printf(Locale.ROOT, "%-6d %-12s %-9s %-10s %-10s %-11s %-12s %-12s %s%n", k++, g(p.startTime()),
                            g(p.duration()), g(1e3 * p.irStep()), g(1e3 * p.deltaEs()), g(1e3 * p.deltaEtau()),
                            g(p.diffusivity()), g(p.diffusivityEnd()), g(p.normalised()));
                }
                return ExitCodes.OK;
            });
        }
    }

    static double quantity(String text, Dimension dimension, String what) {
        io.nernst.core.units.Quantity q;
        try {
            q = io.nernst.core.units.Quantity.parse(text);
        } catch (io.nernst.core.units.UnitException e) {
            throw new AnalysisException(what + " '" + text + "': " + e.getMessage());
        }
        if (!q.dimension().equals(dimension)) {
            throw new AnalysisException(what + " '" + text + "' is not " + dimension.withArticle() + " (e.g. 5 "
                    + dimension.exampleUnit() + ")");
        }
        return q.siValue();
    }

    @Command(name = "dqdv", mixinStandardHelpOptions = true, description = "Differential capacity dQ/dV with peak positions.")
    static final class Dqdv implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "DATA.csv", description = "One (dis)charge segment.")
        Path data;
        @Option(names = "--capacity", defaultValue = "Discharge capacity [A.h]", description = "Capacity column (default: ${DEFAULT-VALUE}).")
        String capacity;
        @Option(names = "--voltage", defaultValue = "Voltage [V]", description = "Voltage column (default: ${DEFAULT-VALUE}).")
        String voltage;
        @Option(names = "--bin", defaultValue = "1 mV", description = "Voltage bin (default: ${DEFAULT-VALUE}).")
        String bin;
        @Option(names = "--smoothing", defaultValue = "5 mV", description = "Gaussian smoothing width (default: ${DEFAULT-VALUE}).")
        String smoothing;

        @Override
        public Integer call() {
            return guarded(spec, () -> {
                PrintWriter out = spec.commandLine().getOut();
                DataTable t = DataTable.read(data);
                DifferentialCapacity.Result r = DifferentialCapacity.compute(
                        t.column(capacity, Dimension.CURRENT.multiply(Dimension.TIME), "capacity"),
                        t.column(voltage, Dimension.VOLTAGE, "voltage"), quantity(bin, Dimension.VOLTAGE, "bin"),
                        quantity(smoothing, Dimension.VOLTAGE, "smoothing"));
                StringBuilder peaks = new StringBuilder();
                for (double p : r.peaks()) {
                    peaks.append(peaks.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f V", p));
                }
                out.println("dQ/dV peaks: " + (peaks.length() == 0 ? "none" : peaks));
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "arrhenius", mixinStandardHelpOptions = true,
            description = "Arrhenius fit of conductivity against temperature (sigma T form by default).")
    static final class ArrheniusCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "DATA.csv", description = "Table of temperature and conductivity.")
        Path data;
        @Option(names = "--temperature", defaultValue = "Temperature [K]", description = "Temperature column (default: ${DEFAULT-VALUE}).")
        String temperature;
        @Option(names = "--conductivity", defaultValue = "Conductivity [S/m]", description = "Conductivity column (default: ${DEFAULT-VALUE}).")
        String conductivity;
        @Option(names = "--form", defaultValue = "SIGMA_T", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Arrhenius.Form form;

        @Override
        public Integer call() {
            return guarded(spec, () -> {
                DataTable t = DataTable.read(data);
                Arrhenius.Result r = Arrhenius.fit(t.column(temperature, Dimension.TEMPERATURE, "temperature"),
                        t.column(conductivity, Dimension.of(-3, -1, 3, 2, 0, 0), "conductivity"), form);
                spec.commandLine().getOut().printf(Locale.ROOT, "Arrhenius (%s): Ea = %.4f eV (%.1f +- %.1f kJ/mol), A = %s, R^2 = %.5f%n",
                        form == Arrhenius.Form.SIGMA_T ? "sigma T = A exp(-Ea/RT)" : "sigma = A exp(-Ea/RT)",
                        r.activationEnergyEv(), r.activationEnergy() / 1e3, r.activationEnergyError() / 1e3, g(r.prefactor()),
                        r.rSquared());
                return ExitCodes.OK;
            });
        }
    }
}
