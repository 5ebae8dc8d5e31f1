package io.nernst.models.cell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.core.model.CellModel;
import io.nernst.solvers.sparse.CsrMatrix;
import java.util.Random;

/** Shared checks for cell models: analytic Jacobian versus central finite differences. */
final class ModelTestSupport {
    private ModelTestSupport() {
    }

    /** A perturbed but physical state: concentrations +-5 %, potentials +-5 mV, yDot random. */
    static double[][] perturbedState(CellModel model, double current, long seed) {
        Random random = new Random(seed);
        double[] y = model.initialState();
        for (int i = 0; i < y.length; i++) {
            double v = y[i];
            if (Math.abs(v) > 50) {
                y[i] = v * (1 + 0.05 * (random.nextDouble() - 0.5));
            } else {
                y[i] = v + 0.005 * (random.nextDouble() - 0.5);
            }
        }
        y[y.length - 1] = current;
        double[] yDot = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            yDot[i] = model.isAlgebraic(i) ? 0.0 : (random.nextDouble() - 0.5) * 0.1 * (Math.abs(y[i]) + 1e-3);
        }
        return new double[][] {y, yDot};
    }

    /**
     * Compares every entry of the analytic J = dF/dy + cj dF/dy' with central differences
     * (including entries outside the pattern, which must vanish); tolerance relative to the
     * row's largest entry.
     */
    static void assertJacobianMatchesFiniteDifferences(CellModel model, double[] y, double[] yDot, double cj, double tolerance) {
        int n = model.dimension();
        CsrMatrix jac = model.jacobianPattern().withSamePattern();
        model.jacobian(0.0, y, yDot, cj, jac);
        double[][] fd = new double[n][n];
        double[] fp = new double[n];
        double[] fm = new double[n];
        for (int c = 0; c < n; c++) {
            double h = 1e-6 * (Math.abs(y[c]) + 1e-3);
            double keep = y[c];
            y[c] = keep + h;
            model.residual(0.0, y, yDot, fp);
            y[c] = keep - h;
            model.residual(0.0, y, yDot, fm);
            y[c] = keep;
            for (int r = 0; r < n; r++) {
                fd[r][c] = (fp[r] - fm[r]) / (2 * h);
            }
            double hd = 1e-6 * (Math.abs(yDot[c]) + 1e-3);
            double keepDot = yDot[c];
            yDot[c] = keepDot + hd;
            model.residual(0.0, y, yDot, fp);
            yDot[c] = keepDot - hd;
            model.residual(0.0, y, yDot, fm);
            yDot[c] = keepDot;
            for (int r = 0; r < n; r++) {
                fd[r][c] += cj * (fp[r] - fm[r]) / (2 * hd);
            }
        }
        int checked = 0;
        for (int r = 0; r < n; r++) {
            double scale = 0;
            for (int c = 0; c < n; c++) {
                scale = Math.max(scale, Math.abs(fd[r][c]));
            }
            for (int c = 0; c < n; c++) {
                double a = jac.get(r, c);
                if (Math.abs(a - fd[r][c]) > tolerance * scale) {
                    String inPattern = jac.slot(r, c) >= 0 ? "in pattern" : "NOT in pattern";
                    assertTrue(false, model.name() + " Jacobian (" + r + ", " + c + ") " + inPattern + ": analytic " + a
                            + " vs finite difference " + fd[r][c] + " (row scale " + scale + ")");
                }
                checked++;
            }
        }
        assertTrue(checked == n * n);
    }
}
