package io.nernst.benchmarks.impedance;

import io.nernst.core.impedance.Frequencies;
import io.nernst.core.impedance.SmallSignalImpedance;
import io.nernst.core.model.CellModel;
import io.nernst.core.model.Control;
import io.nernst.models.ModelOptions;
import io.nernst.models.ModelRegistry;
import io.nernst.solvers.dae.BdfIntegrator;
import io.nernst.solvers.dae.BdfSettings;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Frequency-domain EIS of the Marquis 2019 DFN at the PyBaMM comparison mesh (31/11/31 cells,
 * 11 shells: 953 unknowns) at rest at its initial state: 36 frequencies from 100 kHz to
 * 10 mHz (5 per decade). One call linearises the model (dF/dy, dF/dy', dV/dy) and solves the
 * 2n real block system at every frequency, reusing the symbolic analysis made in setup.
 * Peer: PyBaMM's frequency-domain EIS (pybamm-eis) takes about 30 ms for this case.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DfnImpedanceBenchmark {
    private SmallSignalImpedance impedance;
    private double[] y;
    private double[] yDot;
    private double[] frequencies;
    private double[] zReal;
    private double[] zImaginary;

    @Setup
    public void setUp() {
        CellModel model = ModelRegistry.create("DFN", ModelRegistry.parameterSet("marquis2019"), ModelOptions.defaults());
        model.setControl(Control.CURRENT, 0.0);
        y = model.initialState();
        yDot = new double[y.length];
        new BdfIntegrator(BdfSettings.builder().build()).initialize(model, 0.0, y, yDot);
        impedance = new SmallSignalImpedance(model);
        frequencies = Frequencies.logarithmic(1e5, 1e-2, 5);
        if (frequencies.length != 36 || y.length != 953) {
            throw new IllegalStateException("expected 36 frequencies and 953 unknowns, got " + frequencies.length
                    + " and " + y.length);
        }
        zReal = new double[frequencies.length];
        zImaginary = new double[frequencies.length];
    }

    @Benchmark
    public double spectrum36() {
        impedance.compute(0.0, y, yDot, frequencies, zReal, zImaginary);
        return zReal[0] + zImaginary[35];
    }
}
