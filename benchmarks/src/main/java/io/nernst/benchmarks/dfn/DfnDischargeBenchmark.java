package io.nernst.benchmarks.dfn;

import io.nernst.core.model.CellModel;
import io.nernst.core.model.Control;
import io.nernst.models.ModelOptions;
import io.nernst.models.ModelRegistry;
import io.nernst.solvers.dae.BdfIntegrator;
import io.nernst.solvers.dae.BdfSettings;
import io.nernst.solvers.dae.DaeEvent;
import io.nernst.solvers.dae.EventDirection;
import io.nernst.solvers.dae.IntegrationResult;
import io.nernst.solvers.linear.BandedLuSolver;
import io.nernst.solvers.linear.LinearSolver;
import io.nernst.solvers.linear.SparseLuSolver;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One full 1C constant-current discharge of the Marquis 2019 cell with the DFN model at the
 * PyBaMM comparison discretisation (31/11/31 x-cells, 11 shells per particle), rtol 1e-6 and
 * atol 1e-6 (PyBaMM IDAKLU's defaults): consistent initialisation plus integration to
 * 3600 s with the 3.105 V cut-off event. The model is built once in {@link #setUp()}.
 * Peer: PyBaMM 25.12 IDA+KLU, about 45 ms per discharge (README of the COMSOL data).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DfnDischargeBenchmark {

    /** Newton linear solver: band LU in the model's interleaved ordering, or sparse LU (AMD). */
    @Param({"banded", "sparse"})
    public String linearSolver;

    private CellModel model;
    private BdfSettings settings;
    private List<DaeEvent> events;

    @Setup
    public void setUp() {
        model = ModelRegistry.create("DFN", ModelRegistry.parameterSet("marquis2019"), ModelOptions.defaults());
        settings = settings(linearSolver);
        events = List.of(cutoff(model, 3.105));
    }

    static BdfSettings settings(String linearSolver) {
        Supplier<LinearSolver> factory;
        switch (linearSolver) {
            case "banded":
                factory = () -> new BandedLuSolver(BandedLuSolver.Ordering.NATURAL);
                break;
            case "sparse":
                factory = SparseLuSolver::new;
                break;
            default:
                throw new IllegalArgumentException("linearSolver must be banded or sparse, got " + linearSolver);
        }
        return BdfSettings.builder().relativeTolerance(1e-6).absoluteTolerance(1e-6).linearSolver(factory).build();
    }

    static DaeEvent cutoff(CellModel model, double voltage) {
        return new DaeEvent() {
            @Override
            public double g(double t, double[] y, double[] yDot) {
                return model.voltage(y) - voltage;
            }

            @Override
            public EventDirection direction() {
                return EventDirection.DECREASING;
            }

            @Override
            public boolean terminal() {
                return true;
            }
        };
    }

    /** Runs one discharge and returns the final voltage (consumed by JMH). */
    static double discharge(CellModel model, BdfSettings settings, List<DaeEvent> events, double current, double endTime) {
        model.setControl(Control.CURRENT, current);
        double[] y = model.initialState();
        double[] yDot = new double[y.length];
        BdfIntegrator integrator = new BdfIntegrator(settings);
        integrator.initialize(model, 0.0, y, yDot);
        IntegrationResult r = integrator.integrate(model, 0.0, y, yDot, endTime, events, null);
        return model.voltage(r.y());
    }

    @Benchmark
    public double discharge1C() {
        return discharge(model, settings, events, 24.0, 3600.0);
    }
}
