package io.nernst.solvers.dae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.solvers.sparse.CsrMatrix;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Coloured finite-difference Jacobians agree with analytic ones and cost one residual per colour group. */
class FiniteDifferenceJacobianTest {

    private static double[][] randomState(int n, Random random) {
        double[] y = new double[n];
        double[] yp = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 0.5 + random.nextDouble();
            yp[i] = random.nextGaussian();
        }
        return new double[][] {y, yp};
    }

    private static double[] weights(double[] y, double rtol, double atol) {
        double[] w = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            w[i] = 1.0 / (rtol * Math.abs(y[i]) + atol);
        }
        return w;
    }

    /** Largest entry difference relative to the largest entry of its row. */
    private static double maxRowRelativeDifference(CsrMatrix a, CsrMatrix b) {
        double worst = 0.0;
        for (int r = 0; r < a.rows(); r++) {
            double scale = 0.0;
            for (int p = a.rowStart()[r]; p < a.rowStart()[r + 1]; p++) {
                scale = Math.max(scale, Math.abs(a.values()[p]));
            }
            for (int p = a.rowStart()[r]; p < a.rowStart()[r + 1]; p++) {
                worst = Math.max(worst, Math.abs(a.values()[p] - b.values()[p]) / scale);
            }
        }
        return worst;
    }

    @Test
    void iterationMatrixMatchesAnalyticWithFourResidualEvaluations() {
        ReactionDiffusionDae dae = new ReactionDiffusionDae(40, 3.0);
        int n = dae.dimension();
        double[][] state = randomState(n, new Random(3));
        double t = 0.3;
        double cj = 250.0;
        double h = 0.004;
        CsrMatrix analytic = dae.jacobianPattern().withSamePattern();
        dae.jacobian(t, state[0], state[1], cj, analytic);

        int[] calls = new int[1];
        DaeSystem counting = new DaeSystem() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public boolean isAlgebraic(int i) {
                return dae.isAlgebraic(i);
            }

            @Override
            public void residual(double tt, double[] y, double[] yDot, double[] f) {
                calls[0]++;
                dae.residual(tt, y, yDot, f);
            }

            @Override
            public CsrMatrix jacobianPattern() {
                return dae.jacobianPattern();
            }
        };
        ColoredFiniteDifferenceJacobian fd = new ColoredFiniteDifferenceJacobian(dae.jacobianPattern());
        // The u-columns form a tridiagonal coupling (3 colours); the v-columns never share a row with one
        // another, only with their own and neighbouring u's, so they all fit a 4th colour: 4 groups for 80
        // columns, fewer than the 5 a banded difference scheme (bandwidth 2 + 2 + 1) would need.
        assertEquals(4, fd.groupCount());
        double[] f0 = new double[n];
        dae.residual(t, state[0], state[1], f0);
        CsrMatrix approx = dae.jacobianPattern().withSamePattern();
        boolean[] algebraic = new boolean[n];
        for (int i = 0; i < n; i++) {
            algebraic[i] = dae.isAlgebraic(i);
        }
        fd.iterationMatrix(counting, t, state[0], state[1], cj, h, f0, weights(state[0], 1e-6, 1e-8), algebraic, approx);
        assertEquals(4, calls[0], "one residual evaluation per colour group");
        double diff = maxRowRelativeDifference(analytic, approx);
        assertTrue(diff < 1e-6, "FD iteration matrix differs from analytic by " + diff);
    }

    @Test
    void initializationMatrixMatchesAnalyticColumns() {
        ReactionDiffusionDae dae = new ReactionDiffusionDae(12, 0.7);
        int n = dae.dimension();
        double[][] state = randomState(n, new Random(5));
        boolean[] algebraic = new boolean[n];
        for (int i = 0; i < n; i++) {
            algebraic[i] = dae.isAlgebraic(i);
        }
        // Expected: dF/dy on algebraic columns (J(cj=0)), dF/dy' on differential ones (J(1) - J(0)).
        CsrMatrix j0 = dae.jacobianPattern().withSamePattern();
        CsrMatrix j1 = dae.jacobianPattern().withSamePattern();
        dae.jacobian(0, state[0], state[1], 0.0, j0);
        dae.jacobian(0, state[0], state[1], 1.0, j1);
        CsrMatrix expected = dae.jacobianPattern().withSamePattern();
        for (int r = 0; r < n; r++) {
            for (int p = expected.rowStart()[r]; p < expected.rowStart()[r + 1]; p++) {
                int c = expected.columnIndex()[p];
                expected.values()[p] = algebraic[c] ? j0.values()[p] : j1.values()[p] - j0.values()[p];
            }
        }
        double[] f0 = new double[n];
        dae.residual(0, state[0], state[1], f0);
        CsrMatrix approx = dae.jacobianPattern().withSamePattern();
        new ColoredFiniteDifferenceJacobian(dae.jacobianPattern()).initializationMatrix(dae, 0, state[0], state[1],
                algebraic, 1e-3, f0, weights(state[0], 1e-6, 1e-8), approx);
        double diff = maxRowRelativeDifference(expected, approx);
        assertTrue(diff < 1e-6, "FD initialisation matrix differs from analytic by " + diff);
        // dF_u/du' is the identity: exactly 1 on differential diagonals (F is linear in u').
        for (int i = 0; i < n; i += 2) {
            assertEquals(1.0, approx.get(i, i), 1e-7);
        }
    }

    @Test
    void integrationWithFiniteDifferencesMatchesAnalyticRun() {
        ReactionDiffusionDae analytic = new ReactionDiffusionDae(20, 2.0);
        ReactionDiffusionDae numeric = new ReactionDiffusionDae(20, 2.0);
        numeric.analytic = false;
        int n = analytic.dimension();
        double[] y0 = new double[n];
        for (int i = 0; i < 20; i++) {
            y0[2 * i] = 1.0 + Math.cos(Math.PI * i / 19.0);
        }
        BdfSettings settings = BdfSettings.builder().relativeTolerance(1e-9).absoluteTolerance(1e-11).build();
        double[] yA = y0.clone();
        double[] ypA = new double[n];
        BdfIntegrator integratorA = new BdfIntegrator(settings);
        integratorA.initialize(analytic, 0, yA, ypA);
        IntegrationResult a = integratorA.integrate(analytic, 0, yA, ypA, 2.0, null, null);
        double[] yN = y0.clone();
        double[] ypN = new double[n];
        BdfIntegrator integratorN = new BdfIntegrator(settings);
        integratorN.initialize(numeric, 0, yN, ypN);
        IntegrationResult b = integratorN.integrate(numeric, 0, yN, ypN, 2.0, null, null);
        double[] ya = a.y();
        double[] yb = b.y();
        for (int i = 0; i < n; i++) {
            assertEquals(ya[i], yb[i], 1e-7 * Math.abs(ya[i]) + 1e-9, "component " + i);
        }
        assertEquals(0, a.statistics().jacobianResidualEvaluations());
        assertEquals(4 * b.statistics().jacobianEvaluations(), b.statistics().jacobianResidualEvaluations(),
                "each FD Jacobian (and the initialisation matrix) costs exactly the 4 colour groups");
    }

    /**
     * Regression: on SUNDIALS' Robertson example (rtol 1e-4, atol (1e-8, 1e-6, 1e-6)) atol of y2 is
     * far above y2 itself. With IDA's increment max(sqrt(u) |y|, atol) the difference quotient of
     * 3e7 y2^2 was useless and the run took 51707 steps; with DASSL's sqrt(u) max(|y|, |h y'|, atol)
     * the finite-difference run needs about as many steps as the analytic one (362).
     */
    @Test
    void finiteDifferencesStayEfficientWhenAbsoluteToleranceExceedsTheComponent() {
        DenseJacobianDae dae = TestSetProblems.robertsonDae();
        dae.analytic = false;
        BdfSettings settings = BdfSettings.builder().relativeTolerance(1e-4)
                .absoluteTolerances(new double[] {1e-8, 1e-6, 1e-6}).build();
        IntegrationResult r = new BdfIntegrator(settings).integrate(dae, 0.0, new double[] {1, 0, 0},
                new double[] {-0.04, 0.04, 0}, 4e10, null, null);
        assertTrue(r.statistics().steps() < 420, "steps: " + r.statistics());
        assertTrue(r.statistics().newtonFailures() < 10, "Newton failures: " + r.statistics());
        // The acceptance check of the IDA example: WRMS error against its reference y(4e10) (computed with
        // rtol 1e-8, atol 1e-14) with weights 1/(rtol |ref| + 10 atol) below one.
        double[] ref = {5.2083474251394888e-08, 2.0833390772616859e-13, 9.9999994791631752e-01};
        double[] atol = {1e-8, 1e-6, 1e-6};
        double sum = 0.0;
        for (int i = 0; i < 3; i++) {
            double e = (r.y()[i] - ref[i]) / (1e-4 * Math.abs(ref[i]) + 10 * atol[i]);
            sum += e * e;
        }
        assertTrue(Math.sqrt(sum / 3) < 1.0, "error against the example's reference: " + Math.sqrt(sum / 3));
    }
}
