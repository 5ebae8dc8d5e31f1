package io.nernst.solvers.linear;

import io.nernst.solvers.sparse.CsrMatrix;

/**
 * Dense LU with partial pivoting behind the {@link LinearSolver} interface. The reference
 * implementation for tests and for tiny systems (a few hundred unknowns); O(n^3).
 */
public final class DenseLuSolver implements LinearSolver {
    private static final double SINGULAR_RELATIVE = 1e-14;
    private int n = -1;
    private CsrMatrix analysedPattern;
    private double[] lu;
    private int[] pivot;
    private boolean factored;

    @Override
    public void analyse(CsrMatrix pattern) {
        if (pattern.rows() != pattern.columns()) {
            throw new IllegalArgumentException("matrix must be square, got " + pattern.rows() + " x " + pattern.columns());
        }
        StructuralChecks.requireNoEmptyRowOrColumn(pattern);
        n = pattern.rows();
        analysedPattern = pattern;
        lu = new double[n * n];
        pivot = new int[n];
        factored = false;
    }

    @Override
    public void factor(CsrMatrix a) {
        if (analysedPattern == null) {
            throw new IllegalStateException("analyse must be called before factor");
        }
        if (!a.samePattern(analysedPattern)) {
            throw new IllegalArgumentException("matrix pattern differs from the analysed pattern");
        }
        factored = false;
        a.checkFinite();
        java.util.Arrays.fill(lu, 0.0);
        int[] rs = a.rowStart();
        int[] ci = a.columnIndex();
        double[] v = a.values();
        double scale = 0.0;
        for (int r = 0; r < n; r++) {
            for (int p = rs[r]; p < rs[r + 1]; p++) {
                lu[r * n + ci[p]] = v[p];
                scale = Math.max(scale, Math.abs(v[p]));
            }
        }
        for (int k = 0; k < n; k++) {
            int best = k;
            double bestAbs = Math.abs(lu[k * n + k]);
            for (int i = k + 1; i < n; i++) {
                double m = Math.abs(lu[i * n + k]);
                if (m > bestAbs) {
                    bestAbs = m;
                    best = i;
                }
            }
            if (bestAbs <= SINGULAR_RELATIVE * scale || bestAbs == 0.0) {
                factored = false;
                throw new SingularMatrixException("matrix is numerically singular at column " + k
                        + " (largest pivot " + bestAbs + ")", k);
            }
            pivot[k] = best;
            if (best != k) {
                for (int j = 0; j < n; j++) {
                    double t = lu[k * n + j];
                    lu[k * n + j] = lu[best * n + j];
                    lu[best * n + j] = t;
                }
            }
            double d = lu[k * n + k];
            for (int i = k + 1; i < n; i++) {
                double l = lu[i * n + k] / d;
                if (l == 0.0) {
                    continue;
                }
                lu[i * n + k] = l;
                for (int j = k + 1; j < n; j++) {
                    lu[i * n + j] -= l * lu[k * n + j];
                }
            }
        }
        factored = true;
    }

    @Override
    public void solve(double[] rhs, double[] x) {
        if (!factored) {
            throw new IllegalStateException("factor must succeed before solve");
        }
        if (rhs.length < n || x.length < n) {
            throw new IllegalArgumentException("right-hand side and solution need length " + n);
        }
        if (x != rhs) {
            System.arraycopy(rhs, 0, x, 0, n);
        }
        for (int k = 0; k < n; k++) {
            int p = pivot[k];
            if (p != k) {
                double t = x[k];
                x[k] = x[p];
                x[p] = t;
            }
        }
        for (int i = 0; i < n; i++) {
            double s = x[i];
            for (int j = 0; j < i; j++) {
                s -= lu[i * n + j] * x[j];
            }
            x[i] = s;
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = x[i];
            for (int j = i + 1; j < n; j++) {
                s -= lu[i * n + j] * x[j];
            }
            x[i] = s / lu[i * n + i];
        }
    }

    @Override
    public String name() {
        return "dense-lu";
    }
}
