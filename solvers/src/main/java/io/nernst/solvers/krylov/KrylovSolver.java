package io.nernst.solvers.krylov;

import io.nernst.solvers.linear.LinearSolver;
import io.nernst.solvers.linear.SingularMatrixException;
import io.nernst.solvers.precond.Preconditioner;
import io.nernst.solvers.sparse.CsrMatrix;
import java.util.Arrays;

/**
 * Common life cycle of the preconditioned Krylov solvers, mapped onto {@link LinearSolver}:
 * <ul>
 *   <li>{@link #analyse}: rejects a pattern with an empty row or column
 *       ({@link SingularMatrixException} naming it), allocates the solver workspaces, a private value copy of the matrix
 *       and the preconditioner structure;</li>
 *   <li>{@link #factor}: checks and copies the matrix values (later changes to the caller's
 *       matrix do not affect solves, as with a direct solver) and builds the preconditioner
 *       numerically;</li>
 *   <li>{@link #solve}: iterates from zero or from the solution array's content
 *       ({@link KrylovSettings#initialGuess()}) until
 *       {@code ||b - A x||_2 <= relativeTolerance * ||b||_2}, where the residual is the true
 *       one, recomputed from {@code A} and {@code x} before convergence is accepted.</li>
 * </ul>
 * {@link #iterations()} and {@link #finalResidual()} report on the last solve, also when it
 * failed. Neither {@code factor} (after the first) nor {@code solve} allocates.
 */
public abstract class KrylovSolver implements LinearSolver {
    /** The settings. */
    protected final KrylovSettings settings;
    /** The preconditioner, owned by this solver. */
    protected final Preconditioner preconditioner;
    /** Dimension of the analysed system; -1 before {@link #analyse}. */
    protected int n = -1;
    /** Private copy of the factored matrix (values refreshed by every {@link #factor}). */
    protected CsrMatrix matrix;
    /** Copy of the right-hand side of the current solve (so rhs may alias the solution). */
    protected double[] rhsCopy;

    private CsrMatrix analysedPattern;
    private boolean factored;
    private int iterations;
    private double finalResidual = Double.NaN;

    /**
     * @param settings solver settings; the preconditioner is created from them here
     */
    protected KrylovSolver(KrylovSettings settings) {
        this.settings = java.util.Objects.requireNonNull(settings, "settings");
        this.preconditioner = settings.newPreconditioner();
    }

    @Override
    public final void analyse(CsrMatrix pattern) {
        if (pattern.rows() != pattern.columns()) {
            throw new IllegalArgumentException("matrix must be square, got " + pattern.rows() + " x " + pattern.columns());
        }
        requireNoEmptyRowOrColumn(pattern);
        factored = false;
        n = pattern.rows();
        analysedPattern = pattern;
        matrix = pattern.withSamePattern();
        rhsCopy = new double[n];
        allocateWorkspace(n);
        preconditioner.analyse(matrix);
    }

    /**
     * A row or column without stored entries makes the matrix singular for any values; an
     * iterative method would only discover that by failing to converge, so say it up front.
     */
    private static void requireNoEmptyRowOrColumn(CsrMatrix pattern) {
        int rows = pattern.rows();
        int[] rowStart = pattern.rowStart();
        for (int r = 0; r < rows; r++) {
            if (rowStart[r + 1] == rowStart[r]) {
                throw new SingularMatrixException("row " + r + " of the " + rows + " x " + rows
                        + " matrix has no stored entries: the matrix is structurally singular", r);
            }
        }
        boolean[] seen = new boolean[rows];
        int[] column = pattern.columnIndex();
        for (int p = 0, end = rowStart[rows]; p < end; p++) {
            seen[column[p]] = true;
        }
        for (int c = 0; c < rows; c++) {
            if (!seen[c]) {
                throw new SingularMatrixException("column " + c + " of the " + rows + " x " + rows
                        + " matrix has no stored entries: the matrix is structurally singular", c);
            }
        }
    }

    @Override
    public final void factor(CsrMatrix a) {
        if (analysedPattern == null) {
            throw new IllegalStateException("analyse must be called before factor");
        }
        if (!a.samePattern(analysedPattern)) {
            throw new IllegalArgumentException("matrix pattern (" + a + ") differs from the analysed pattern ("
                    + analysedPattern + ")");
        }
        factored = false;
        a.checkFinite();
        System.arraycopy(a.values(), 0, matrix.values(), 0, a.nonZeros());
        preconditioner.setup(matrix);
        factored = true;
    }

    @Override
    public final void solve(double[] rhs, double[] solution) {
        if (!factored) {
            throw new IllegalStateException("factor must succeed before solve");
        }
        if (rhs.length != n) {
            throw new IllegalArgumentException("right-hand side has length " + rhs.length + ", expected " + n);
        }
        if (solution.length != n) {
            throw new IllegalArgumentException("solution has length " + solution.length + ", expected " + n);
        }
        iterations = 0;
        finalResidual = Double.NaN;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(rhs[i])) {
                throw new IllegalArgumentException("right-hand side entry " + i + " is " + rhs[i]
                        + "; only finite values are allowed");
            }
        }
        System.arraycopy(rhs, 0, rhsCopy, 0, n);
        if (settings.initialGuess() == KrylovSettings.InitialGuess.ZERO) {
            Arrays.fill(solution, 0, n, 0.0);
        } else {
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(solution[i])) {
                    throw new IllegalArgumentException("initial guess entry " + i + " is " + solution[i]
                            + "; only finite values are allowed");
                }
            }
        }
        double rhsNorm = DenseVectors.norm2(n, rhsCopy);
        if (rhsNorm == 0.0) {
            // b = 0 has the exact solution x = 0 whatever the matrix.
            Arrays.fill(solution, 0, n, 0.0);
            finalResidual = 0.0;
            return;
        }
        iterate(rhsCopy, rhsNorm, solution);
    }

    /** Number of iterations of the last solve (see {@link KrylovSettings#maxIterations()} for the unit). */
    public final int iterations() {
        return iterations;
    }

    /** Relative true residual ||b - A x|| / ||b|| at the end of the last solve; NaN before any. */
    public final double finalResidual() {
        return finalResidual;
    }

    /** The settings this solver was built with. */
    public final KrylovSettings settings() {
        return settings;
    }

    /** Allocates the method's workspaces for dimension {@code n}. */
    protected abstract void allocateWorkspace(int dimension);

    /**
     * Runs the method from the iterate in {@code x} to convergence, using {@link #matrix} and
     * {@link #preconditioner}; must report via {@link #record} and throw
     * {@link KrylovConvergenceException} on failure.
     *
     * @param b       right-hand side (private copy)
     * @param rhsNorm ||b||_2 &gt; 0
     * @param x       initial iterate on entry, solution on exit
     */
    protected abstract void iterate(double[] b, double rhsNorm, double[] x);

    /** Records the statistics of the current solve. */
    protected final void record(int iterationCount, double relativeResidual) {
        this.iterations = iterationCount;
        this.finalResidual = relativeResidual;
    }

    /** Records and builds the exception for a solve that hit the iteration limit or diverged. */
    protected final KrylovConvergenceException notConverged(String reason, int iterationCount, double relativeResidual) {
        record(iterationCount, relativeResidual);
        return new KrylovConvergenceException(name(), reason, iterationCount, relativeResidual,
                settings.relativeTolerance());
    }

    /** Records and builds the exception for a breakdown of the recurrence. */
    protected final KrylovBreakdownException breakdown(String quantity, int iterationCount, double relativeResidual) {
        record(iterationCount, relativeResidual);
        return new KrylovBreakdownException(name(), quantity, iterationCount, relativeResidual,
                settings.relativeTolerance());
    }
}
