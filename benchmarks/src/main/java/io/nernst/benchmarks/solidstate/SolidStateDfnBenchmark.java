package io.nernst.benchmarks.solidstate;

import io.nernst.core.model.CellModel;
import io.nernst.core.model.ModelChoice;
import io.nernst.models.ModelOptions;
import io.nernst.models.ModelRegistry;
import io.nernst.solvers.dae.BdfIntegrator;
import io.nernst.solvers.dae.BdfSettings;
import io.nernst.solvers.dae.DaeEvent;
import io.nernst.solvers.dae.EventDirection;
import io.nernst.solvers.dae.IntegrationResult;
import io.nernst.solvers.linear.SparseLuSolver;
import io.nernst.core.model.Control;
import java.util.List;
import java.util.Map;
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
 * Cost per unknown of a solid-state DFN discharge against the liquid DFN in one run (issue 10
 * section 6): seed 001's composite-cathode cell (single-ion electrolyte, composite positive
 * with the lithiation-dependent electronic conductivity, Li-In counter electrode) discharged at
 * 0.1C for 5 h (of about 5.7 h to 2.1 V vs Li-In), and the Marquis 2019 liquid cell at 1C to 3.105 V, both at
 * rtol = 1e-6 with sparse LU, 31 positive / 11 separator (/ 31 negative) x-cells and 11 shells.
 * The per-unknown figure is the score divided by the model's unknowns (printed at setup).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SolidStateDfnBenchmark {

    @Param({"solid-state", "liquid"})
    public String cell;

    private CellModel model;
    private BdfSettings settings;
    private List<DaeEvent> events;
    private double current;
    private double cutoff;
    private double endTime;

    @Setup
    public void setUp() {
        ModelOptions mesh = ModelOptions.builder().negativePoints(31).separatorPoints(11).positivePoints(31).particlePoints(11).build();
        if (cell.equals("solid-state")) {
            model = ModelRegistry.create(new ModelChoice("DFN", Map.of("electrolyte", "single-ion", "positive", "composite",
                    "negative", "lithium-indium")), ModelRegistry.parameterSet("seed001-ncm90-lic"), mesh);
            current = 0.1 * model.nominalCapacity();
            cutoff = 2.1;
            // 5 h of the 5.7 h discharge: the raw integrator (without the Simulation's end-of-step
            // handling) cannot step into the final collapse as the surface lithiates fully
            endTime = 5 * 3600.0;
        } else {
            model = ModelRegistry.create("DFN", ModelRegistry.parameterSet("marquis2019"), mesh);
            current = 24.0;
            cutoff = 3.105;
            endTime = 3600.0;
        }
        System.out.println("# " + cell + ": " + model.dimension() + " unknowns");
        settings = BdfSettings.builder().relativeTolerance(1e-6).absoluteTolerance(1e-6)
                .linearSolver(SparseLuSolver::new).build();
        double v = cutoff;
        events = List.of(new DaeEvent() {
            @Override
            public double g(double t, double[] y, double[] yDot) {
                return model.voltage(y) - v;
            }

            @Override
            public EventDirection direction() {
                return EventDirection.DECREASING;
            }

            @Override
            public boolean terminal() {
                return true;
            }
        });
    }

    @Benchmark
    public double discharge() {
        model.setControl(Control.CURRENT, current);
        double[] y = model.initialState();
        double[] yDot = new double[y.length];
        BdfIntegrator integrator = new BdfIntegrator(settings);
        integrator.initialize(model, 0.0, y, yDot);
        IntegrationResult r = integrator.integrate(model, 0.0, y, yDot, endTime, events, null);
        return model.voltage(r.y());
    }
}
