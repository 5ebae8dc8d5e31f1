package io.nernst.benchmarks.deposition;

import io.nernst.solvers.multigrid.GeometricMultigrid;
import io.nernst.solvers.multigrid.MultigridSettings;
import io.nernst.solvers.multigrid.WallCondition;
import java.util.Random;
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
 * The linear kernel of the deposition step: multigrid-preconditioned CG on
 * {@code -div(k grad u) = f} with k jumping by 1e3 across a diffuse wavy interface (the
 * electrolyte/lithium weighting), periodic in x, Neumann below, Dirichlet above, to a 1e-9
 * relative residual from a zero start, plus the coefficient update (hierarchy rebuild) that
 * precedes every Newton solve.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MultigridSolveBenchmark {

    /** Cells per side. */
    @Param({"128", "256", "512"})
    public int cells;

    private GeometricMultigrid multigrid;
    private double[] conductivity;
    private double[] reaction;
    private double[] rhs;
    private double[] x;

    /** Coefficients and right-hand side. */
    @Setup
    public void setUp() {
        int n = cells;
        double h = 1.0 / n;
        conductivity = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double surface = 0.3 + 0.1 * Math.sin(2 * Math.PI * (i + 0.5) * h);
                double phi = 0.5 * (1 + Math.tanh(((j + 0.5) * h - surface) / (2 * h)));
                conductivity[i + n * j] = 1e-3 + (1 - 1e-3) * phi;
            }
        }
        reaction = new double[n * n];
        rhs = new double[n * n];
        Random r = new Random(1);
        for (int k = 0; k < rhs.length; k++) {
            rhs[k] = r.nextDouble() - 0.5;
        }
        x = new double[n * n];
        multigrid = new GeometricMultigrid(n, n, h, h, true, WallCondition.NEUMANN, WallCondition.DIRICHLET,
                MultigridSettings.builder().relativeTolerance(1e-9).build());
        multigrid.setCellCoefficients(conductivity, reaction);
    }

    /** Hierarchy update plus one solve from zero. */
    @Benchmark
    public double updateAndSolve() {
        multigrid.update();
        java.util.Arrays.fill(x, 0.0);
        multigrid.solve(rhs, x);
        return x[0];
    }
}
