package io.nernst.benchmarks.study;

import io.nernst.core.experiment.Experiment;
import io.nernst.core.model.CellModel;
import io.nernst.core.simulation.Simulation;
import io.nernst.core.simulation.Solution;
import io.nernst.core.simulation.SolverOptions;
import io.nernst.models.ModelOptions;
import io.nernst.models.ModelRegistry;
import java.util.concurrent.TimeUnit;
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
 * One 1C discharge of the Marquis 2019 cell to 3.105 V with SPM, SPMe or DFN at PyBaMM's default mesh
 * (20 finite volumes per electrode and separator, 20 shells per particle), through the whole
 * {@link Simulation} loop a study runs (experiment step, cut-off event, outputs at every integrator step,
 * capacity quadrature), rtol 1e-6 and atol 1e-6 as PyBaMM's IDAKLU defaults. Two variants: the model built
 * once in setup ({@code rebuild = false}, the integration alone), or built in every call
 * ({@code rebuild = true}: what a study run costs, model assembly and Jacobian pattern included).
 * Peers (PyBaMM 25.x, IDAKLU, warm): SPM about 2.5 ms, SPMe about 5.1 ms (issue 12).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SinglePassDischargeBenchmark {

    @Param({"SPM", "SPMe", "DFN"})
    public String model;

    @Param({"false", "true"})
    public boolean rebuild;

    private CellModel built;
    private Experiment experiment;
    private SolverOptions options;
    private ModelOptions mesh;

    @Setup
    public void setUp() {
        mesh = ModelOptions.builder().negativePoints(20).separatorPoints(20).positivePoints(20).particlePoints(20).build();
        built = ModelRegistry.create(model, ModelRegistry.parameterSet("marquis2019"), mesh);
        experiment = Experiment.builder().block(1, "Discharge at 1C until 3.105 V").build();
        options = SolverOptions.defaults().withTolerances(1e-6, 1e-6);
    }

    /** Runs the discharge and returns its capacity (consumed by JMH). */
    @Benchmark
    public double discharge1C() {
        CellModel m = rebuild ? ModelRegistry.create(model, ModelRegistry.parameterSet("marquis2019"), mesh) : built;
        Solution s = new Simulation(m, experiment, options).run();
        if (s.status() != Solution.Status.COMPLETED) {
            throw new IllegalStateException(s.failure());
        }
        return s.last(Solution.CAPACITY);
    }
}
