package io.nernst.solvers.dae;

import io.nernst.solvers.sparse.CsrMatrix;
import java.util.Arrays;
import java.util.Random;

/**
 * Test helper: a small DAE whose analytic Jacobian dF/dy + cj dF/dy' is written as a dense
 * row-major array. The sparsity pattern is the union of the structural nonzeros seen at a few
 * random points (plus the diagonal), so the coloured finite differences get a realistic sparse
 * pattern. {@link #analytic} switches the analytic Jacobian off to exercise finite differences.
 */
abstract class DenseJacobianDae implements DaeSystem {
    final int n;
    private final boolean[] algebraicComponents;
    private final double[] dense;
    private CsrMatrix pattern;
    boolean analytic = true;

    DenseJacobianDae(int n, boolean[] algebraic) {
        this.n = n;
        this.algebraicComponents = algebraic == null ? new boolean[n] : algebraic.clone();
        this.dense = new double[n * n];
    }

    /** Writes the full dense dF/dy + cj dF/dy' (row-major, zero entries included). */
    abstract void denseJacobian(double t, double[] y, double[] yDot, double cj, double[] jacobian);

    /** A random point where every structural nonzero is nonzero (override for special domains). */
    double[] samplePoint(Random random) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 0.1 + random.nextDouble();
        }
        return y;
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public boolean isAlgebraic(int component) {
        return algebraicComponents[component];
    }

    @Override
    public CsrMatrix jacobianPattern() {
        if (pattern == null) {
            boolean[] nonzero = new boolean[n * n];
            Random random = new Random(42);
            for (int s = 0; s < 4; s++) {
                double[] y = samplePoint(random);
                double[] yDot = samplePoint(random);
                Arrays.fill(dense, 0.0);
                denseJacobian(0.5, y, yDot, 1.3 + s, dense);
                for (int k = 0; k < n * n; k++) {
                    nonzero[k] |= dense[k] != 0.0;
                }
            }
            int[] rows = new int[n * n];
            int[] cols = new int[n * n];
            int count = 0;
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    if (nonzero[r * n + c] || r == c) {
                        rows[count] = r;
                        cols[count] = c;
                        count++;
                    }
                }
            }
            pattern = CsrMatrix.fromTriplets(n, n, rows, cols, null, count);
        }
        return pattern;
    }

    @Override
    public boolean hasAnalyticJacobian() {
        return analytic;
    }

    @Override
    public void jacobian(double t, double[] y, double[] yDot, double cj, CsrMatrix jacobian) {
        Arrays.fill(dense, 0.0);
        denseJacobian(t, y, yDot, cj, dense);
        int[] rs = jacobian.rowStart();
        int[] ci = jacobian.columnIndex();
        double[] v = jacobian.values();
        for (int r = 0; r < n; r++) {
            for (int p = rs[r]; p < rs[r + 1]; p++) {
                v[p] = dense[r * n + ci[p]];
            }
        }
    }

    /** An explicit ODE y' = f(t, y) written as F = y' - f, so dF/dy + cj dF/dy' = cj I - df/dy. */
    abstract static class ExplicitOde extends DenseJacobianDae {
        ExplicitOde(int n) {
            super(n, null);
        }

        abstract void rhs(double t, double[] y, double[] f);

        /** Writes df/dy (row-major, full). */
        abstract void rhsJacobian(double t, double[] y, double[] dfdy);

        @Override
        public void residual(double t, double[] y, double[] yDot, double[] residual) {
            rhs(t, y, residual);
            for (int i = 0; i < n; i++) {
                residual[i] = yDot[i] - residual[i];
            }
        }

        @Override
        void denseJacobian(double t, double[] y, double[] yDot, double cj, double[] jacobian) {
            rhsJacobian(t, y, jacobian);
            for (int k = 0; k < n * n; k++) {
                jacobian[k] = -jacobian[k];
            }
            for (int i = 0; i < n; i++) {
                jacobian[i * n + i] += cj;
            }
        }
    }
}
