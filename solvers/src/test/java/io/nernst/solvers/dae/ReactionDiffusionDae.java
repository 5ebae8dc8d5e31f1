package io.nernst.solvers.dae;

import io.nernst.solvers.sparse.CsrMatrix;

/**
 * Test DAE with a banded sparse pattern: m cells, unknowns interleaved as y[2i] = u_i
 * (differential) and y[2i+1] = v_i (algebraic),
 * <pre>
 *   u_i' = D (u_{i-1} - 2 u_i + u_{i+1}) - u_i v_i      (zero-flux ends)
 *   0    = v_i + v_i^3 / 2 - u_i^2
 * </pre>
 * The algebraic equation is strictly monotone in v_i, so the DAE has index one.
 */
final class ReactionDiffusionDae implements DaeSystem {
    final int cells;
    final double diffusivity;
    boolean analytic = true;
    private final CsrMatrix pattern;

    ReactionDiffusionDae(int cells, double diffusivity) {
        this.cells = cells;
        this.diffusivity = diffusivity;
        int n = 2 * cells;
        int[] r = new int[6 * cells];
        int[] c = new int[6 * cells];
        int k = 0;
        for (int i = 0; i < cells; i++) {
            int u = 2 * i;
            int v = u + 1;
            if (i > 0) {
                r[k] = u;
                c[k++] = u - 2;
            }
            r[k] = u;
            c[k++] = u;
            r[k] = u;
            c[k++] = v;
            if (i < cells - 1) {
                r[k] = u;
                c[k++] = u + 2;
            }
            r[k] = v;
            c[k++] = u;
            r[k] = v;
            c[k++] = v;
        }
        pattern = CsrMatrix.fromTriplets(n, n, r, c, null, k);
    }

    @Override
    public int dimension() {
        return 2 * cells;
    }

    @Override
    public boolean isAlgebraic(int component) {
        return component % 2 == 1;
    }

    @Override
    public void residual(double t, double[] y, double[] yDot, double[] f) {
        for (int i = 0; i < cells; i++) {
            double u = y[2 * i];
            double v = y[2 * i + 1];
            double left = i > 0 ? y[2 * i - 2] : u;
            double right = i < cells - 1 ? y[2 * i + 2] : u;
            f[2 * i] = yDot[2 * i] - (diffusivity * (left - 2 * u + right) - u * v);
            f[2 * i + 1] = v + 0.5 * v * v * v - u * u;
        }
    }

    @Override
    public CsrMatrix jacobianPattern() {
        return pattern;
    }

    @Override
    public boolean hasAnalyticJacobian() {
        return analytic;
    }

    @Override
    public void jacobian(double t, double[] y, double[] yDot, double cj, CsrMatrix j) {
        j.zeroValues();
        double[] val = j.values();
        for (int i = 0; i < cells; i++) {
            int ui = 2 * i;
            int vi = ui + 1;
            double u = y[ui];
            double v = y[vi];
            int neighbours = (i > 0 ? 1 : 0) + (i < cells - 1 ? 1 : 0);
            val[j.slot(ui, ui)] = cj + diffusivity * neighbours + v;
            val[j.slot(ui, vi)] = u;
            if (i > 0) {
                val[j.slot(ui, ui - 2)] = -diffusivity;
            }
            if (i < cells - 1) {
                val[j.slot(ui, ui + 2)] = -diffusivity;
            }
            val[j.slot(vi, ui)] = -2 * u;
            val[j.slot(vi, vi)] = 1 + 1.5 * v * v;
        }
    }

    /** The algebraic v solving v + v^3/2 = u^2, by scalar Newton (independent of the integrator). */
    static double algebraicFor(double u) {
        double v = u * u;
        for (int it = 0; it < 100; it++) {
            double f = v + 0.5 * v * v * v - u * u;
            double step = f / (1 + 1.5 * v * v);
            v -= step;
            if (Math.abs(step) < 1e-16 * (1 + Math.abs(v))) {
                break;
            }
        }
        return v;
    }
}
