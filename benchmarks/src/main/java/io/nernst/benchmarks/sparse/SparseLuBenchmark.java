package io.nernst.benchmarks.sparse;

import io.nernst.solvers.linear.BandedLuSolver;
import io.nernst.solvers.linear.SparseLuSolver;
import io.nernst.solvers.ordering.FillReducingOrdering;
import io.nernst.solvers.sparse.CsrMatrix;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.interfaces.linsol.LinearSolverSparse;
import org.ejml.sparse.FillReducing;
import org.ejml.sparse.csc.factory.LinearSolverFactory_DSCC;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Factor + solve of one system: our banded and sparse LU against EJML's sparse LU
 * ({@code LinearSolverFactory_DSCC.lu(FillReducing.NONE)}, the best ordering EJML 0.43 offers for
 * LU), on (a) {@code cell1d}: a 1D cell-like Jacobian, 4 coupled fields x 250 points = 1000
 * unknowns, and (b) {@code poisson128}: the 2D 5-point Laplacian on a 128 x 128 grid.
 *
 * <p>{@code banded}/{@code sparseAmd}: the Newton-iteration use, analyse once in set-up, then
 * factor + solve per call (the sparse LU reuses its pivot sequence). {@code ...Cold}: analyse +
 * factor + solve per call, from a fresh solver. EJML: {@code setA} (symbolic + numeric) + solve
 * per call, its documented use.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SparseLuBenchmark {
    @Param({"cell1d", "poisson128"})
    public String problem;

    private CsrMatrix matrix;
    private double[] rhs;
    private double[] solution;
    private BandedLuSolver banded;
    private SparseLuSolver sparseAmd;
    private LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> ejml;
    private DMatrixSparseCSC ejmlMatrix;
    private DMatrixSparseCSC ejmlWork;
    private DMatrixRMaj ejmlRhs;
    private DMatrixRMaj ejmlSolution;

    @Setup(Level.Trial)
    public void setUp() {
        switch (problem) {
            case "cell1d":
                matrix = BenchmarkMatrices.cellLike1D(250, 11L);
                break;
            case "poisson128":
                matrix = BenchmarkMatrices.laplacian2D(128);
                break;
            default:
                throw new IllegalArgumentException("unknown problem '" + problem + "', expected cell1d or poisson128");
        }
        int n = matrix.rows();
        rhs = new double[n];
        for (int i = 0; i < n; i++) {
            rhs[i] = Math.sin(0.01 * i) + 0.5;
        }
        solution = new double[n];
        banded = new BandedLuSolver();
        banded.analyse(matrix);
        banded.factor(matrix);
        sparseAmd = new SparseLuSolver(FillReducingOrdering.APPROXIMATE_MINIMUM_DEGREE);
        sparseAmd.analyse(matrix);
        sparseAmd.factor(matrix);
        ejml = LinearSolverFactory_DSCC.lu(FillReducing.NONE);
        ejmlMatrix = BenchmarkMatrices.toEjml(matrix);
        ejmlWork = ejmlMatrix.copy();
        ejmlRhs = new DMatrixRMaj(n, 1, true, rhs.clone());
        ejmlSolution = new DMatrixRMaj(n, 1);
        // All three must agree before anything is timed.
        double[] a = new double[n];
        double[] b = new double[n];
        banded.solve(rhs, a);
        sparseAmd.solve(rhs, b);
        ejmlSolve();
        double scale = 0.0;
        double diffBanded = 0.0;
        double diffSparse = 0.0;
        for (int i = 0; i < n; i++) {
            scale = Math.max(scale, Math.abs(ejmlSolution.data[i]));
            diffBanded = Math.max(diffBanded, Math.abs(a[i] - ejmlSolution.data[i]));
            diffSparse = Math.max(diffSparse, Math.abs(b[i] - ejmlSolution.data[i]));
        }
        if (diffBanded > 1e-9 * scale || diffSparse > 1e-9 * scale) {
            throw new IllegalStateException("solvers disagree on " + problem + ": banded " + diffBanded + ", sparse "
                    + diffSparse + ", scale " + scale);
        }
    }

    private double[] ejmlSolve() {
        if (ejml.modifiesA()) {
            ejmlWork.setTo(ejmlMatrix);
        } else {
            ejmlWork = ejmlMatrix;
        }
        if (!ejml.setA(ejmlWork)) {
            throw new IllegalStateException("EJML LU failed on " + problem);
        }
        ejml.solve(ejmlRhs, ejmlSolution);
        return ejmlSolution.data;
    }

    @Benchmark
    public double[] ejmlSparseLu() {
        return ejmlSolve();
    }

    @Benchmark
    public double[] banded() {
        banded.factor(matrix);
        banded.solve(rhs, solution);
        return solution;
    }

    @Benchmark
    public double[] sparseAmd() {
        sparseAmd.factor(matrix);
        sparseAmd.solve(rhs, solution);
        return solution;
    }

    @Benchmark
    public double[] bandedCold() {
        BandedLuSolver solver = new BandedLuSolver();
        solver.analyse(matrix);
        solver.factor(matrix);
        solver.solve(rhs, solution);
        return solution;
    }

    @Benchmark
    public double[] sparseAmdCold() {
        SparseLuSolver solver = new SparseLuSolver(FillReducingOrdering.APPROXIMATE_MINIMUM_DEGREE);
        solver.analyse(matrix);
        solver.factor(matrix);
        solver.solve(rhs, solution);
        return solution;
    }
}
