package io.nernst.solvers.dae;

import io.nernst.solvers.linear.LinearSolver;
import io.nernst.solvers.linear.SingularMatrixException;
import io.nernst.solvers.sparse.CsrMatrix;

/**
 * The Newton iteration matrix of a BDF integrator for one Jacobian pattern: evaluation of
 * dF/dy + cj dF/dy' (analytic, or coloured finite differences over the pattern), of the
 * consistent-initialisation matrix, row equilibration, factorisation and solves.
 *
 * <p>Rows are scaled to unit max-norm (and right-hand sides identically in {@link #solveScaled})
 * because DAE iteration matrices mix rows of size cj ~ 1/h with algebraic rows of size one:
 * unscaled, a solver's relative pivot threshold would call a perfectly regular matrix singular at
 * small h. Allocates once per pattern; evaluation, factorisation and solves allocate nothing.
 */
final class IterationMatrix {
    /** Failure kinds of {@link #setup} and {@link #setupInitialization}. */
    static final int SINGULAR = 1;
    static final int NOT_FINITE = 2;

    private final CsrMatrix pattern;
    private final int n;
    private final LinearSolver linearSolver;
    private final CsrMatrix matrix;
    private final double[] rowScale;
    private CsrMatrix scratch;
    private ColoredFiniteDifferenceJacobian finiteDifferences;
    private int failureKind;
    private int failureIndex;
    private int lastResidualEvaluations;
    private long factorizations;

    /** A matrix on {@code pattern} factored by {@code linearSolver} (analysed here, once). */
    IterationMatrix(CsrMatrix pattern, LinearSolver linearSolver) {
        this.pattern = pattern;
        this.n = pattern.rows();
        this.linearSolver = linearSolver;
        this.matrix = pattern.withSamePattern();
        this.rowScale = new double[n];
        linearSolver.analyse(pattern);
    }

    CsrMatrix pattern() {
        return pattern;
    }

    String linearSolverName() {
        return linearSolver.name();
    }

    /** Kind ({@link #SINGULAR} or {@link #NOT_FINITE}) of the last failed setup. */
    int failureKind() {
        return failureKind;
    }

    /** Row or column of the last failed setup. */
    int failureIndex() {
        return failureIndex;
    }

    /** Residual evaluations spent by the last finite-difference evaluation (0 when analytic). */
    int lastResidualEvaluations() {
        return lastResidualEvaluations;
    }

    /** Factorisations attempted since the last {@link #resetCounters}. */
    long factorizations() {
        return factorizations;
    }

    void resetCounters() {
        factorizations = 0;
    }

    ColoredFiniteDifferenceJacobian finiteDifferences() {
        if (finiteDifferences == null) {
            finiteDifferences = new ColoredFiniteDifferenceJacobian(pattern);
        }
        return finiteDifferences;
    }

    /**
     * Evaluates and factors dF/dy + cj dF/dy' at (t, y, y'); {@code residual} holds F there (used by
     * finite differences). False on a singular or non-finite matrix.
     */
    boolean setup(DaeSystem system, double t, double[] y, double[] yp, double cj, double h, double[] residual,
            double[] weights, boolean[] algebraic) {
        lastResidualEvaluations = 0;
        if (system.hasAnalyticJacobian()) {
            system.jacobian(t, y, yp, cj, matrix);
        } else {
            finiteDifferences().iterationMatrix(system, t, y, yp, cj, h, residual, weights, algebraic, matrix);
            lastResidualEvaluations = finiteDifferences.groupCount();
        }
        return factor();
    }

    /**
     * Evaluates and factors the consistent-initialisation matrix: column j is dF/dy_j for algebraic j
     * and dF/dy'_j for differential j.
     */
    boolean setupInitialization(DaeSystem system, double t, double[] y, double[] yDot, boolean[] algebraic,
            double timeScale, double[] residual, double[] weights) {
        lastResidualEvaluations = 0;
        double[] values = matrix.values();
        if (system.hasAnalyticJacobian()) {
            if (scratch == null) {
                scratch = pattern.withSamePattern();
            }
            // J(cj) = dF/dy + cj dF/dy' is linear in cj: J(0) = dF/dy and J(1) - J(0) = dF/dy'.
            system.jacobian(t, y, yDot, 0.0, scratch);
            system.jacobian(t, y, yDot, 1.0, matrix);
            double[] dFdy = scratch.values();
            int[] rs = pattern.rowStart();
            int[] ci = pattern.columnIndex();
            for (int r = 0; r < n; r++) {
                for (int p = rs[r]; p < rs[r + 1]; p++) {
                    values[p] = algebraic[ci[p]] ? dFdy[p] : values[p] - dFdy[p];
                }
            }
        } else {
            finiteDifferences().initializationMatrix(system, t, y, yDot, algebraic, timeScale, residual, weights,
                    matrix);
            lastResidualEvaluations = finiteDifferences.groupCount();
        }
        return factor();
    }

    /** Row-equilibrates and factors the matrix; false if it is not finite or singular. */
    private boolean factor() {
        double[] v = matrix.values();
        int[] rs = matrix.rowStart();
        for (int r = 0; r < n; r++) {
            double max = 0.0;
            for (int p = rs[r]; p < rs[r + 1]; p++) {
                double a = Math.abs(v[p]);
                if (!(a < Double.POSITIVE_INFINITY)) {
                    failureKind = NOT_FINITE;
                    failureIndex = r;
                    return false;
                }
                max = Math.max(max, a);
            }
            if (max == 0.0) {
                failureKind = SINGULAR;
                failureIndex = r;
                return false;
            }
            double scale = 1.0 / max;
            rowScale[r] = scale;
            for (int p = rs[r]; p < rs[r + 1]; p++) {
                v[p] *= scale;
            }
        }
        try {
            linearSolver.factor(matrix);
        } catch (SingularMatrixException ex) {
            failureKind = SINGULAR;
            failureIndex = ex.index();
            return false;
        } finally {
            factorizations++;
        }
        return true;
    }

    /** Solves (row-scaled) J x = rhs with the current factorisation; {@code x} may be {@code rhs}. */
    void solveScaled(double[] rhs, double[] x) {
        for (int i = 0; i < n; i++) {
            x[i] = rhs[i] * rowScale[i];
        }
        linearSolver.solve(x, x);
    }
}
