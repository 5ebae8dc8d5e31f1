package io.nernst.solvers.dae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Observed convergence order of fixed-order, fixed-step BDF k = 1..5 on a linear test system.
 *
 * <p>Problem: y_i' = lambda_i (y_i - phi(t)) + phi'(t) on [0, 2] with lambda = (-1, -2000) (a non-stiff and
 * a stiff mode; h lambda stays far from -1 for every step tried), y(0) = 0 and
 * phi(t) = e^t - sum_{j<=6} t^j/j!, so the exact solution is y_i = phi. Two properties make the
 * observed order clean: phi = O(t^7), so the low-order start-up steps (the order ramps 1, 2, ..., k
 * while the history fills) commit errors of O(h^7) only; and every derivative of phi is positive,
 * so the leading global error C_k h^k int e^{lambda (T-s)} phi^(k+1)(s) ds (Hairer &amp; Wanner,
 * Solving ODEs II, sec. III.1-2) cannot partially cancel.
 */
class FixedOrderConvergenceTest {
    private static final double END = 2.0;
    private static final double[] LAMBDA = {-1.0, -2000.0};

    /** e^t minus its Taylor polynomial of degree {@code degree}. */
    static double expTail(double t, int degree) {
        double term = 1.0;
        double sum = 1.0;
        for (int j = 1; j <= degree; j++) {
            term *= t / j;
            sum += term;
        }
        return Math.exp(t) - sum;
    }

    static double phi(double t) {
        return expTail(t, 6);
    }

    static double phiDot(double t) {
        return expTail(t, 5);
    }

    static final DenseJacobianDae LINEAR = new DenseJacobianDae(2, null) {
        @Override
        public void residual(double t, double[] y, double[] yp, double[] f) {
            for (int i = 0; i < 2; i++) {
                f[i] = yp[i] - LAMBDA[i] * (y[i] - phi(t)) - phiDot(t);
            }
        }

        @Override
        void denseJacobian(double t, double[] y, double[] yp, double cj, double[] j) {
            j[0] = cj - LAMBDA[0];
            j[3] = cj - LAMBDA[1];
        }
    };

    static double errorAtEnd(int order, int steps) {
        BdfSettings settings = BdfSettings.builder().fixedOrder(order).fixedStepSize(END / steps)
                .relativeTolerance(1e-13).absoluteTolerance(1e-15).maxNewtonIterations(10).build();
        IntegrationResult r = new BdfIntegrator(settings).integrate(LINEAR, 0.0, new double[2], new double[2], END, null,
                null);
        assertEquals(END, r.time());
        assertEquals(steps, r.statistics().steps(), "fixed step: exactly 1/h steps");
        assertEquals(order, r.statistics().lastOrder());
        double[] y = r.y();
        return Math.max(Math.abs(y[0] - phi(END)), Math.abs(y[1] - phi(END)));
    }

    @Test
    void observedOrderEqualsFixedOrder() {
        int[][] stepCounts = {{40, 80, 160, 320}, {40, 80, 160, 320}, {40, 80, 160, 320}, {40, 80, 160, 320},
            {40, 80, 160, 320}};
        for (int k = 1; k <= 5; k++) {
            int[] counts = stepCounts[k - 1];
            double[] errors = new double[counts.length];
            StringBuilder report = new StringBuilder("BDF" + k + ":");
            for (int m = 0; m < counts.length; m++) {
                errors[m] = errorAtEnd(k, counts[m]);
                report.append(" N=").append(counts[m]).append(" err=").append(errors[m]);
            }
            for (int m = 1; m < counts.length; m++) {
                double slope = Math.log(errors[m - 1] / errors[m]) / Math.log((double) counts[m] / counts[m - 1]);
                assertEquals(k, slope, 0.15, "observed order between N=" + counts[m - 1] + " and " + counts[m] + ": " + report);
            }
        }
    }
}
