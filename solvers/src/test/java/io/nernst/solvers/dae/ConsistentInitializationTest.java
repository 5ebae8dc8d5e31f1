package io.nernst.solvers.dae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link BdfIntegrator#initialize}: algebraic y and differential y' from given differential y (IDA's YA_YDP_INIT). */
class ConsistentInitializationTest {
    private static final BdfSettings SETTINGS = BdfSettings.builder().relativeTolerance(1e-8).absoluteTolerance(1e-10)
            .build();

    @Test
    void reactionDiffusionDaeBecomesConsistentWithAnalyticAndFiniteDifferenceMatrices() {
        for (boolean analytic : new boolean[] {true, false}) {
            ReactionDiffusionDae dae = new ReactionDiffusionDae(15, 1.5);
            dae.analytic = analytic;
            int n = dae.dimension();
            double[] y = new double[n];
            double[] yp = new double[n];
            for (int i = 0; i < 15; i++) {
                y[2 * i] = 0.2 + 0.1 * i;  // differential u: kept
                y[2 * i + 1] = -3.0;      // algebraic v: a poor guess
                yp[2 * i] = 7.0;          // differential u': a wrong guess
            }
            double[] u = y.clone();
            new BdfIntegrator(SETTINGS).initialize(dae, 0.0, y, yp);
            double[] f = new double[n];
            dae.residual(0.0, y, yp, f);
            for (int i = 0; i < 15; i++) {
                assertEquals(u[2 * i], y[2 * i], 0.0, "differential y untouched");
                double v = ReactionDiffusionDae.algebraicFor(u[2 * i]);
                assertEquals(v, y[2 * i + 1], 1e-10 * Math.abs(v), "algebraic v_" + i + " (analytic=" + analytic + ")");
                double left = i > 0 ? u[2 * i - 2] : u[2 * i];
                double right = i < 14 ? u[2 * i + 2] : u[2 * i];
                double expectedRate = 1.5 * (left - 2 * u[2 * i] + right) - u[2 * i] * v;
                assertEquals(expectedRate, yp[2 * i], 1e-9, "u'_" + i);
            }
            for (int i = 0; i < n; i++) {
                assertTrue(Math.abs(f[i]) < 1e-10, "residual " + i + " = " + f[i]);
            }
        }
    }

    /**
     * 0 = atan(y2 - y1), y1' = y2 - y1 - y1': undamped Newton on atan diverges from 10 units away
     * (|x0| > 1.39), so this needs the line search.
     */
    @Test
    void lineSearchRescuesNewtonFromFarAway() {
        DenseJacobianDae dae = new DenseJacobianDae(2, new boolean[] {false, true}) {
            @Override
            public void residual(double t, double[] y, double[] yp, double[] f) {
                f[0] = yp[0] - (y[1] - y[0]);
                f[1] = Math.atan(y[1] - y[0]);
            }

            @Override
            void denseJacobian(double t, double[] y, double[] yp, double cj, double[] j) {
                double d = 1.0 / (1.0 + (y[1] - y[0]) * (y[1] - y[0]));
                j[0] = cj + 1.0;
                j[1] = -1.0;
                j[2] = -d;
                j[3] = d;
            }
        };
        double[] y = {1.0, 11.0};
        double[] yp = {0.0, 0.0};
        new BdfIntegrator(SETTINGS).initialize(dae, 0.0, y, yp);
        assertEquals(1.0, y[0], 0.0);
        assertEquals(1.0, y[1], 1e-12);
        assertEquals(0.0, yp[0], 1e-12);
    }

    @Test
    void unsolvableAlgebraicEquationIsReported() {
        DenseJacobianDae dae = new DenseJacobianDae(2, new boolean[] {false, true}) {
            @Override
            public void residual(double t, double[] y, double[] yp, double[] f) {
                f[0] = yp[0] + y[0];
                f[1] = y[1] * y[1] + 1.0; // no real root
            }

            @Override
            void denseJacobian(double t, double[] y, double[] yp, double cj, double[] j) {
                j[0] = cj + 1.0;
                j[3] = 2.0 * y[1];
            }
        };
        double[] y = {1.0, 0.7};
        double[] yp = {0.0, 0.0};
        DaeIntegrationException e = assertThrows(DaeIntegrationException.class,
                () -> new BdfIntegrator(SETTINGS).initialize(dae, 2.5, y, yp));
        assertTrue(e.getMessage().startsWith("consistent initialisation failed at t = 2.5"), e.getMessage());
        assertEquals(2.5, e.time());
        assertEquals(0, e.order());
        assertTrue(e.getMessage().contains("y[1]"), "names the algebraic unknown: " + e.getMessage());
    }

    @Test
    void higherIndexSystemIsReportedAsSingular() {
        // The algebraic equation does not involve the algebraic unknown: index 2, singular matrix.
        DenseJacobianDae dae = new DenseJacobianDae(2, new boolean[] {false, true}) {
            @Override
            public void residual(double t, double[] y, double[] yp, double[] f) {
                f[0] = yp[0] - y[1];
                f[1] = y[0] - 3.0;
            }

            @Override
            void denseJacobian(double t, double[] y, double[] yp, double cj, double[] j) {
                j[0] = cj;
                j[1] = -1.0;
                j[2] = 1.0;
            }
        };
        double[] y = {1.0, 0.0};
        double[] yp = {0.0, 0.0};
        DaeIntegrationException e = assertThrows(DaeIntegrationException.class,
                () -> new BdfIntegrator(SETTINGS).initialize(dae, 0.0, y, yp));
        assertTrue(e.getMessage().contains("index 1"), e.getMessage());
    }
}
