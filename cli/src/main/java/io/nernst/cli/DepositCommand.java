package io.nernst.cli;

import io.nernst.core.error.ErrorKind;
import io.nernst.core.error.Failures;
import io.nernst.core.error.OutputFailureException;
import io.nernst.core.output.OutputSet;
import io.nernst.models.deposition.DepositionModel;
import io.nernst.models.deposition.DepositionObservables;
import io.nernst.models.deposition.DepositionOutputs;
import io.nernst.models.deposition.DepositionRun;
import io.nernst.models.deposition.DepositionScenario;
import io.nernst.models.deposition.DepositionSettings;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nernst deposit SCENARIO.yaml [--out DIR]}: lithium deposition and dendrite growth in 2D
 * (level-set model of seed 003, see docs/deposition.md). Reads the scenario
 * ({@link DepositionScenario}), runs it with a progress line, prints a summary and writes
 * {@code timeseries.csv}, PNG snapshots and the final morphology into the output directory.
 *
 * <p>The end time, the wall-time budget, the deposit reaching the top of the domain and
 * Sand-type depletion are clean stops (exit code 0, outputs written). Bad input gives one message
 * naming the key, the value and the allowed range (exit code 2); a solver failure keeps the outputs
 * up to the last completed step (exit code 3).
 */
@Command(name = "deposit", mixinStandardHelpOptions = true,
        description = "Simulate lithium deposition / dendrite growth in 2D (writes timeseries.csv, snapshots/*.png, morphology.png).")
public final class DepositCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO.yaml", description = "Deposition scenario (YAML), e.g. examples/deposition/deposition-1mAcm2.yaml.")
    private Path scenarioFile;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Output directory (default: the scenario's output.dir).")
    private Path out;

    @Option(names = "--debug", description = "Print stack traces of errors.")
    private boolean debug;

    @Option(names = {"-q", "--quiet"}, description = "Print only errors.")
    private boolean quiet;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        try {
            return run(stdout, stderr);
        } catch (UncheckedIOException e) {
            // the writers' IOExceptions: the outputs could not be written
            return Failures.report(new OutputFailureException("cannot write outputs: " + e.getMessage(), e.getCause()),
                    stderr, debug);
        } catch (RuntimeException | OutOfMemoryError e) {
            // one table for every command: io.nernst.core.error.Failures
            return Failures.report(e, stderr, debug);
        }
    }

    private int run(PrintWriter stdout, PrintWriter stderr) {
        DepositionScenario scenario = DepositionScenario.load(scenarioFile);
        DepositionSettings s = scenario.settings();
        Path dir = out != null ? out : scenario.outputDirectory();
        if (!quiet) {
            stdout.printf(Locale.ROOT, "nernst deposit: %s%n", scenarioFile);
            if (!scenario.description().isEmpty()) {
                stdout.printf(Locale.ROOT, "  %s%n", scenario.description());
            }
            stdout.printf(Locale.ROOT, "  grid %d x %d (%.3g x %.3g um cells), kappa %.4g S/m, D %.4g m2/s, t+ %.3g, c0 %.4g mol/m3, i0 %.4g A/m2%n",
                    s.cellsX(), s.cellsY(), s.width() / s.cellsX() * 1e6, s.height() / s.cellsY() * 1e6, s.conductivity(),
                    s.diffusivity(), s.transferenceNumber(), s.bulkConcentration(), s.exchangeCurrentDensity());
            stdout.printf(Locale.ROOT, "  %s, %.4g s, outputs in %s%n",
                    s.controlMode() == DepositionSettings.ControlMode.GALVANOSTATIC
                            ? String.format(Locale.ROOT, "galvanostatic %.4g A/m2", s.currentDensity())
                            : String.format(Locale.ROOT, "potentiostatic %.4g V", s.electrodePotential()),
                    s.duration(), dir);
            stdout.flush();
        }
        // written into a staging directory that replaces the target as a whole at the end
        OutputSet outputSet = OutputSet.begin(dir, DepositionOutputs.NAMES);
        try {
            return runAndWrite(stdout, stderr, s, dir, outputSet);
        } finally {
            outputSet.abandon();
        }
    }

    private int runAndWrite(PrintWriter stdout, PrintWriter stderr, DepositionSettings s, Path dir, OutputSet outputSet) {
        DepositionOutputs outputs = new DepositionOutputs(outputSet.directory(), s);
        boolean terminal = !quiet && System.console() != null;
        DepositionRun.Listener listener = new DepositionRun.Listener() {
            private long last;

            @Override
            public void stepCompleted(DepositionModel model, DepositionObservables o) {
                outputs.stepCompleted(model, o);
                long now = System.nanoTime();
                if (terminal && now - last > 100_000_000L) {
                    last = now;
                    stdout.printf(Locale.ROOT, "\r  t = %8.1f s  step %5d  max height %7.3f um  phi_s %8.4f V  ",
                            o.time(), model.stepCount(), o.maxHeight() * 1e6, o.electrodePotential());
                    stdout.flush();
                }
            }

            @Override
            public void finished(DepositionModel model, DepositionRun.Result result) {
                outputs.finished(model, result);
                if (terminal) {
                    stdout.print("\r" + " ".repeat(78) + "\r");
                }
            }
        };
        DepositionRun.Result result = DepositionRun.run(s, listener);
        outputSet.commit();
        DepositionObservables o = result.last();
        if (!quiet) {
            stdout.printf(Locale.ROOT, "stopped: %s (%s)%n", result.reason(), result.message());
            stdout.printf(Locale.ROOT, "  t = %.1f s in %d steps, wall time %.1f s%n", o.time(), result.steps(), result.wallSeconds());
            stdout.printf(Locale.ROOT, "  deposit height: max %.4f um, mean %.4f um, std %.4f um; tip velocity %.4g m/s%n",
                    o.maxHeight() * 1e6, o.meanHeight() * 1e6, o.heightStandardDeviation() * 1e6, o.tipVelocity());
            stdout.printf(Locale.ROOT, "  current amplification %.4f, min surface concentration %.2f mol/m3, electrode potential %.4f V%n",
                    o.currentAmplification(), o.minSurfaceConcentration(), o.electrodePotential());
            stdout.printf(Locale.ROOT, "  deposited volume %.6g m2 vs Faraday %.6g m2 (%+.3f %%)%n", o.depositedVolume(),
                    o.faradayVolume(), o.faradayVolume() != 0 ? 100 * (o.depositedVolume() / o.faradayVolume() - 1) : 0.0);
            stdout.printf(Locale.ROOT, "  outputs: %s%n", dir.resolve("timeseries.csv"));
            stdout.flush();
        }
        if (result.reason() == DepositionRun.StopReason.SOLVER_FAILURE) {
            stderr.println("nernst: solver failure at t = " + String.format(Locale.ROOT, "%.6g s", o.time()) + ": " + result.message()
                    + "; the outputs up to the failure were written to " + dir);
            stderr.flush();
            return ErrorKind.SOLVER_FAILURE.exitStatus();
        }
        return ExitCodes.OK;
    }
}
