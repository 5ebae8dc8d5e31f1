package io.nernst.core.analysis;

/**
 * Non-negative quadratic programming min 1/2 x^T H x - g^T x subject to x_i &gt;= 0 for the
 * constrained components, by the Lawson-Hanson active-set method written on the normal
 * equations (Lawson &amp; Hanson, Solving Least Squares Problems, 1974, ch. 23), with H symmetric
 * positive definite. Small dense problems (the DRT's few hundred unknowns).
 */
final class Nnls {
    private Nnls() {
    }

    /**
     * @param h           n x n symmetric positive definite (row-major, not modified)
     * @param g           right-hand side
     * @param constrained which components must stay non-negative (others are free)
     * @return the minimiser; {@code free[i]} on exit tells whether component i is not at its bound
     */
    static double[] solve(double[][] h, double[] g, boolean[] constrained, boolean[] free) {
        int n = g.length;
        double[] x = new double[n];
        boolean[] passive = new boolean[n];
        for (int i = 0; i < n; i++) {
            passive[i] = !constrained[i];
        }
        if (anyPassive(passive)) {
            double[] z = solvePassive(h, g, passive);
            // start feasible: unconstrained components from their own solve, constrained at zero
            System.arraycopy(z, 0, x, 0, n);
        }
        double[] w = new double[n];
        for (int outer = 0; outer < 10 * n + 10; outer++) {
            // gradient of the negative objective: w = g - H x
            for (int i = 0; i < n; i++) {
                double s = g[i];
                for (int j = 0; j < n; j++) {
                    s -= h[i][j] * x[j];
                }
                w[i] = s;
            }
            int best = -1;
            double bestW = 1e-14 * (1 + maxAbs(g));
            for (int i = 0; i < n; i++) {
                if (!passive[i] && w[i] > bestW) {
                    bestW = w[i];
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            passive[best] = true;
            while (true) {
                double[] z = solvePassive(h, g, passive);
                double alpha = 1.0;
                int blocking = -1;
                for (int i = 0; i < n; i++) {
                    if (passive[i] && constrained[i] && z[i] <= 0) {
                        double a = x[i] / (x[i] - z[i]);
                        if (a < alpha) {
                            alpha = a;
                            blocking = i;
                        }
                    }
                }
                if (blocking < 0) {
                    System.arraycopy(z, 0, x, 0, n);
                    break;
                }
                for (int i = 0; i < n; i++) {
                    if (passive[i]) {
                        x[i] += alpha * (z[i] - x[i]);
                    }
                }
                for (int i = 0; i < n; i++) {
                    if (passive[i] && constrained[i] && x[i] <= 1e-300) {
                        x[i] = 0;
                        passive[i] = false;
                    }
                }
                passive[blocking] = false;
                x[blocking] = 0;
            }
        }
        System.arraycopy(passive, 0, free, 0, n);
        return x;
    }

    private static boolean anyPassive(boolean[] p) {
        for (boolean b : p) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double d : v) {
            m = Math.max(m, Math.abs(d));
        }
        return m;
    }

    /** Solves H_PP z_P = g_P by Cholesky; z is zero off P. */
    static double[] solvePassive(double[][] h, double[] g, boolean[] passive) {
        int n = g.length;
        int[] idx = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (passive[i]) {
                idx[m++] = i;
            }
        }
        double[][] l = new double[m][m];
        for (int a = 0; a < m; a++) {
            for (int b = 0; b <= a; b++) {
                double s = h[idx[a]][idx[b]];
                for (int k = 0; k < b; k++) {
                    s -= l[a][k] * l[b][k];
                }
                if (a == b) {
                    l[a][a] = Math.sqrt(Math.max(s, 1e-300));
                } else {
                    l[a][b] = s / l[b][b];
                }
            }
        }
        double[] y = new double[m];
        for (int a = 0; a < m; a++) {
            double s = g[idx[a]];
            for (int k = 0; k < a; k++) {
                s -= l[a][k] * y[k];
            }
            y[a] = s / l[a][a];
        }
        for (int a = m - 1; a >= 0; a--) {
            double s = y[a];
            for (int k = a + 1; k < m; k++) {
                s -= l[k][a] * y[k];
            }
            y[a] = s / l[a][a];
        }
        double[] z = new double[n];
        for (int a = 0; a < m; a++) {
            z[idx[a]] = y[a];
        }
        return z;
    }
}
