package io.nernst.benchmarks.parameters;

import io.nernst.core.model.CellModel;
import io.nernst.core.model.Control;
import io.nernst.core.parameters.ParameterSet;
import io.nernst.models.ModelOptions;
import io.nernst.models.ModelRegistry;
import io.nernst.models.materials.DifferentiableFunction;
import io.nernst.solvers.dae.BdfIntegrator;
import io.nernst.solvers.dae.BdfSettings;
import io.nernst.solvers.dae.DaeEvent;
import io.nernst.solvers.dae.EventDirection;
import io.nernst.solvers.dae.IntegrationResult;
import io.nernst.solvers.linear.BandedLuSolver;
import java.util.List;
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
 * A cell read from a parameter file runs as fast as one written in Java: one 1C DFN
 * discharge of chen2020 (default mesh, rtol = atol = 1e-6, band LU, to 2.5 V) with its
 * functions from the resource file (compiled expressions) or from hand-written Java
 * {@link DifferentiableFunction}s of the same formulas ("code"). Target ratio file/code within 1.1.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FileDefinedCellBenchmark {

    @Param({"file", "code"})
    public String definition;

    private CellModel model;
    private BdfSettings settings;
    private List<DaeEvent> events;
    private DifferentiableFunction[] functions;

    @Setup
    public void setUp() {
        ParameterSet p = ModelRegistry.parameterSet("chen2020");
        if (definition.equals("code")) {
            p = inCode(p);
        }
        model = ModelRegistry.create("DFN", p, ModelOptions.defaults());
        functions = new DifferentiableFunction[4];
        String[] names = {"Negative electrode OCP", "Positive electrode OCP", "Electrolyte diffusivity", "Electrolyte conductivity"};
        for (int k = 0; k < 4; k++) {
            functions[k] = DifferentiableFunction.of(p.function(names[k]));
        }
        settings = BdfSettings.builder().relativeTolerance(1e-6).absoluteTolerance(1e-6)
                .linearSolver(() -> new BandedLuSolver(BandedLuSolver.Ordering.NATURAL)).build();
        events = List.of(new DaeEvent() {
            @Override
            public double g(double t, double[] y, double[] yDot) {
                return model.voltage(y) - 2.5;
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

    /** chen2020 with its four function parameters written in Java (the same formulas as the file). */
    static ParameterSet inCode(ParameterSet p) {
        return p.with("Negative electrode OCP", new DifferentiableFunction() {
            @Override
            public double value(double x, double t) {
                return 1.9793 * Math.exp(-39.3631 * x) + 0.2482 - 0.0909 * tanh(29.8538 * (x - 0.1234))
                        - 0.04478 * tanh(14.9159 * (x - 0.2769)) - 0.0205 * tanh(30.4444 * (x - 0.6103));
            }

            @Override
            public double derivative(double x, double t) {
                double a = tanh(29.8538 * (x - 0.1234));
                double b = tanh(14.9159 * (x - 0.2769));
                double c = tanh(30.4444 * (x - 0.6103));
                return -39.3631 * 1.9793 * Math.exp(-39.3631 * x) - 0.0909 * 29.8538 * (1 - a * a)
                        - 0.04478 * 14.9159 * (1 - b * b) - 0.0205 * 30.4444 * (1 - c * c);
            }
        }).with("Positive electrode OCP", new DifferentiableFunction() {
            @Override
            public double value(double x, double t) {
                return -0.8090 * x + 4.4875 - 0.0428 * tanh(18.5138 * (x - 0.5542)) - 17.7326 * tanh(15.7890 * (x - 0.3117))
                        + 17.5842 * tanh(15.9308 * (x - 0.3120));
            }

            @Override
            public double derivative(double x, double t) {
                double a = tanh(18.5138 * (x - 0.5542));
                double b = tanh(15.7890 * (x - 0.3117));
                double c = tanh(15.9308 * (x - 0.3120));
                return -0.8090 - 0.0428 * 18.5138 * (1 - a * a) - 17.7326 * 15.7890 * (1 - b * b) + 17.5842 * 15.9308 * (1 - c * c);
            }
        }).with("Electrolyte diffusivity", new DifferentiableFunction() {
            @Override
            public double value(double c, double t) {
                double m = c / 1000;
                return 8.794e-11 * m * m - 3.972e-10 * m + 4.862e-10;
            }

            @Override
            public double derivative(double c, double t) {
                return (2 * 8.794e-11 * c / 1000 - 3.972e-10) / 1000;
            }
        }).with("Electrolyte conductivity", new DifferentiableFunction() {
            @Override
            public double value(double c, double t) {
                double m = c / 1000;
                return 0.1297 * m * m * m - 2.51 * Math.pow(m, 1.5) + 3.329 * m;
            }

            @Override
            public double derivative(double c, double t) {
                double m = c / 1000;
                return (3 * 0.1297 * m * m - 1.5 * 2.51 * Math.sqrt(m) + 3.329) / 1000;
            }
        });
    }

    private static double tanh(double u) {
        if (u > 20.0) {
            return 1.0;
        }
        if (u < -20.0) {
            return -1.0;
        }
        return 1.0 - 2.0 / (Math.exp(2.0 * u) + 1.0);
    }

    /**
     * The four functions alone, value and derivative at 1000 points each as the DFN calls them
     * (through {@code DifferentiableFunction.of}): the per-evaluation cost behind the discharge
     * ratio, measurable on a loaded machine where the 100 ms discharge is noisy.
     */
    @Benchmark
    public double functions() {
        double sum = 0;
        for (int i = 0; i < 1000; i++) {
            double x = 0.05 + 0.9e-3 * i;
            double c = 100 + 3.0 * i;
            sum += functions[0].value(x, 298.15) + functions[0].derivative(x, 298.15)
                    + functions[1].value(x, 298.15) + functions[1].derivative(x, 298.15)
                    + functions[2].value(c, 298.15) + functions[2].derivative(c, 298.15)
                    + functions[3].value(c, 298.15) + functions[3].derivative(c, 298.15);
        }
        return sum;
    }

    @Benchmark
    public double discharge() {
        model.setControl(Control.CURRENT, 5.0);
        double[] y = model.initialState();
        double[] yDot = new double[y.length];
        BdfIntegrator integrator = new BdfIntegrator(settings);
        integrator.initialize(model, 0.0, y, yDot);
        IntegrationResult r = integrator.integrate(model, 0.0, y, yDot, 3600.0 * 1.2, events, null);
        return r.time();
    }
}
