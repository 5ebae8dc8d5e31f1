package io.nernst.benchmarks.krylov;

import io.nernst.solvers.krylov.BiCgStabSolver;
import io.nernst.solvers.krylov.ConvectionDiffusion2D;
import io.nernst.solvers.krylov.GmresSolver;
import io.nernst.solvers.krylov.KrylovSettings;
import io.nernst.solvers.krylov.KrylovSolver;
import io.nernst.solvers.precond.Ilu0Preconditioner;
import io.nernst.solvers.sparse.CsrMatrix;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.interfaces.linsol.LinearSolverSparse;
import org.ejml.sparse.FillReducing;
import org.ejml.sparse.csc.factory.LinearSolverFactory_DSCC;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * ILU(0)-preconditioned BiCGSTAB and GMRES(30) versus EJML's sparse LU on the 2D
 * convection-diffusion model problem ({@link ConvectionDiffusion2D}: D = 1, velocity (100, 50),
 * upwind, {@code gridSize x gridSize} interior nodes), one random right-hand side.
 *
 * <p>Each benchmark measures set-up plus one solve from scratch values:
 * <ul>
 *   <li>{@code ejmlSparseLu}: {@code LinearSolverFactory_DSCC.lu(FillReducing.NONE)}, {@code setA}
 *       (symbolic + numeric factorisation with partial pivoting) and {@code solve}. NONE is EJML's
 *       best LU option here: it has no minimum-degree ordering for LU, the natural grid order is
 *       banded, and RANDOM only adds fill. EJML neither modifies A nor B.</li>
 *   <li>{@code bicgstabIlu0} / {@code gmres30Ilu0}: {@code factor} (ILU(0) numeric set-up) and
 *       {@code solve} to relative residual 1e-8, from a zero initial guess; {@code analyse} (a
 *       once-per-pattern allocation, like a Newton loop uses it) is in {@code @Setup}.</li>
 *   <li>{@code bicgstabIlu0WithAnalyse}: also a new solver and {@code analyse} every call, for a
 *       like-for-like comparison with EJML's {@code setA}, which redoes its symbolic work.</li>
 * </ul>
 * {@code @TearDown} checks every last solution's true residual so a wrong answer fails the run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KrylovVsEjmlBenchmark {
    private static final double TOLERANCE = 1e-8;

    /** Interior nodes per direction. */
    @Param({"256"})
    public int gridSize;

    private CsrMatrix matrix;
    private DMatrixSparseCSC ejmlMatrix;
    private double[] rhs;
    private DMatrixRMaj ejmlRhs;
    private KrylovSolver bicgstab;
    private KrylovSolver gmres;
    private double[] bicgstabSolution;
    private double[] gmresSolution;
    private double[] coldSolution;
    private DMatrixRMaj ejmlSolution;

    @Setup
    public void setUp() {
        matrix = ConvectionDiffusion2D.assemble(gridSize, gridSize, 1.0, 100.0, 50.0);
        int n = matrix.rows();
        rhs = new double[n];
        Random random = new Random(77L);
        for (int i = 0; i < n; i++) {
            rhs[i] = 2.0 * random.nextDouble() - 1.0;
        }
        ejmlMatrix = toCsc(matrix);
        ejmlRhs = new DMatrixRMaj(n, 1, true, rhs.clone());
        ejmlSolution = new DMatrixRMaj(n, 1);
        bicgstab = new BiCgStabSolver(settings());
        bicgstab.analyse(matrix);
        gmres = new GmresSolver(settings());
        gmres.analyse(matrix);
        bicgstabSolution = new double[n];
        gmresSolution = new double[n];
        coldSolution = new double[n];
    }

    private static KrylovSettings settings() {
        return KrylovSettings.builder().relativeTolerance(TOLERANCE).maxIterations(5000).restart(30)
                .preconditioner(Ilu0Preconditioner::new).build();
    }

    /** CSR of A read as CSC is A^T; transpose by counting entries per column. */
    static DMatrixSparseCSC toCsc(CsrMatrix a) {
        int n = a.rows();
        int nnz = a.nonZeros();
        DMatrixSparseCSC csc = new DMatrixSparseCSC(n, a.columns(), nnz);
        int[] colStart = csc.col_idx;
        int[] rowIndex = csc.nz_rows;
        double[] values = csc.nz_values;
        int[] rs = a.rowStart();
        int[] ci = a.columnIndex();
        double[] v = a.values();
        for (int p = 0; p < nnz; p++) {
            colStart[ci[p] + 1]++;
        }
        for (int c = 0; c < a.columns(); c++) {
            colStart[c + 1] += colStart[c];
        }
        int[] next = java.util.Arrays.copyOf(colStart, a.columns());
        for (int r = 0; r < n; r++) {
            for (int p = rs[r]; p < rs[r + 1]; p++) {
                int q = next[ci[p]]++;
                rowIndex[q] = r; // rows visited in increasing order: sorted within each column
                values[q] = v[p];
            }
        }
        csc.nz_length = nnz;
        csc.indicesSorted = true;
        return csc;
    }

    @Benchmark
    public DMatrixRMaj ejmlSparseLu() {
        LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> lu = LinearSolverFactory_DSCC.lu(FillReducing.NONE);
        if (!lu.setA(ejmlMatrix)) {
            throw new IllegalStateException("EJML LU reports a singular matrix");
        }
        lu.solve(ejmlRhs, ejmlSolution);
        return ejmlSolution;
    }

    @Benchmark
    public double[] bicgstabIlu0() {
        bicgstab.factor(matrix);
        bicgstab.solve(rhs, bicgstabSolution);
        return bicgstabSolution;
    }

    @Benchmark
    public double[] gmres30Ilu0() {
        gmres.factor(matrix);
        gmres.solve(rhs, gmresSolution);
        return gmresSolution;
    }

    @Benchmark
    public double[] bicgstabIlu0WithAnalyse() {
        KrylovSolver solver = new BiCgStabSolver(settings());
        solver.analyse(matrix);
        solver.factor(matrix);
        solver.solve(rhs, coldSolution);
        return coldSolution;
    }

    /** Fails the run if any benchmark that ran produced a wrong answer. */
    @TearDown
    public void checkSolutions() {
        check("bicgstab-ilu0", bicgstabSolution, TOLERANCE, bicgstab);
        check("gmres(30)-ilu0", gmresSolution, TOLERANCE, gmres);
        check("bicgstab-ilu0 with analyse", coldSolution, TOLERANCE, null);
        check("ejml sparse lu", ejmlSolution.data, 1e-10, null);
    }

    private void check(String what, double[] x, double tolerance, KrylovSolver solver) {
        boolean ran = false;
        for (double value : x) {
            if (value != 0.0) {
                ran = true;
                break;
            }
        }
        if (!ran) {
            return; // this benchmark was not selected
        }
        double[] ax = new double[x.length];
        matrix.multiply(x, ax);
        double num = 0.0;
        double den = 0.0;
        for (int i = 0; i < x.length; i++) {
            num += (rhs[i] - ax[i]) * (rhs[i] - ax[i]);
            den += rhs[i] * rhs[i];
        }
        double residual = Math.sqrt(num / den);
        System.out.println(what + ": relative residual " + residual
                + (solver == null ? "" : ", iterations " + solver.iterations()));
        if (!(residual <= tolerance)) {
            throw new IllegalStateException(what + " residual " + residual + " above " + tolerance);
        }
    }
}
