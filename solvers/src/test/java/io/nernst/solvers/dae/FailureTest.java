package io.nernst.solvers.dae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Failures are reported with diagnostics, and what the listener received stays valid. */
class FailureTest {

    /** y' = y^2, y(0) = 1: y = 1/(1 - t) blows up at t = 1. */
    private static final DenseJacobianDae BLOW_UP = new DenseJacobianDae(1, null) {
        @Override
        public void residual(double t, double[] y, double[] yp, double[] f) {
            f[0] = yp[0] - y[0] * y[0];
        }

        @Override
        void denseJacobian(double t, double[] y, double[] yp, double cj, double[] j) {
            j[0] = cj - 2 * y[0];
        }
    };

    @Test
    void blowUpIsReportedNearTheSingularityWithTheLastAcceptedState() {
        List<double[]> accepted = new ArrayList<>();
        StepListener listener = out -> {
            double[] y = new double[1];
            out.interpolate(out.currentTime(), y, null);
            accepted.add(new double[] {out.currentTime(), y[0]});
        };
        BdfIntegrator integrator = new BdfIntegrator(BdfSettings.builder().relativeTolerance(1e-8)
                .absoluteTolerance(1e-10).build());
        DaeIntegrationException e = assertThrows(DaeIntegrationException.class,
                () -> integrator.integrate(BLOW_UP, 0.0, new double[] {1.0}, new double[] {1.0}, 2.0, null, listener));
        assertTrue(e.time() > 0.999 && e.time() <= 1.0, "failure time " + e.time() + " should be just before t = 1");
        assertTrue(e.stepSize() > 0 && e.stepSize() < 1e-3, "step size " + e.stepSize());
        assertTrue(e.order() >= 1 && e.order() <= 5);
        assertTrue(e.getMessage().startsWith("BDF integration failed at t = "), e.getMessage());
        // The listener holds the solution up to the last accepted step, which is what the exception reports.
        assertFalse(accepted.isEmpty());
        double[] last = accepted.get(accepted.size() - 1);
        assertEquals(last[0], e.lastAcceptedTime(), 0.0);
        assertEquals(last[1], e.lastAcceptedY()[0], 0.0);
        assertEquals(e.time(), e.lastAcceptedTime(), 0.0);
        // Earlier states are accurate: y = 1/(1 - t) up to t = 0.99. BDF controls the local error only; here the
        // variational equation d' = 2 y d amplifies it like 1/(1 - t)^2, so the global relative error at
        // t = 0.99 is some 1e4 times rtol.
        int checked = 0;
        for (double[] s : accepted) {
            if (s[0] <= 0.99) {
                double exact = 1.0 / (1.0 - s[0]);
                assertEquals(exact, s[1], 1e-3 * exact, "state at t = " + s[0]);
                if (s[0] <= 0.5) {
                    assertEquals(exact, s[1], 1e-6 * exact, "state at t = " + s[0]);
                }
                checked++;
            }
        }
        assertTrue(checked > 10);
    }

    @Test
    void nonFiniteResidualIsReportedWithItsEquation() {
        // Equation 2 turns NaN beyond t = 0.5: the step size shrinks to underflow just before it.
        DenseJacobianDae poisoned = new DenseJacobianDae(3, null) {
            @Override
            public void residual(double t, double[] y, double[] yp, double[] f) {
                f[0] = yp[0] + y[0];
                f[1] = yp[1] - 1.0;
                f[2] = yp[2] - (t > 0.5 ? Double.NaN : 0.0);
            }

            @Override
            void denseJacobian(double t, double[] y, double[] yp, double cj, double[] j) {
                j[0] = cj + 1.0;
                j[4] = cj;
                j[8] = cj;
            }
        };
        List<Double> times = new ArrayList<>();
        DaeIntegrationException e = assertThrows(DaeIntegrationException.class,
                () -> new BdfIntegrator(BdfSettings.builder().build()).integrate(poisoned, 0.0, new double[] {1, 0, 0},
                        new double[] {-1, 1, 0}, 1.0, null, out -> times.add(out.currentTime())));
        assertTrue(e.time() <= 0.5 && e.time() > 0.49, "fails at the poisoned time, got " + e.time());
        assertTrue(e.getMessage().contains("the residual was not finite in equation 2"), e.getMessage());
        assertEquals(2, e.worstComponents().get(0).index(), "the NaN equation is listed first");
        assertTrue(Double.isNaN(e.weightedResidualNorm()));
        assertEquals(times.get(times.size() - 1), e.lastAcceptedTime(), 0.0);
        assertEquals(Math.exp(-e.lastAcceptedTime()), e.lastAcceptedY()[0], 1e-4);
    }

    @Test
    void badInputIsRejectedWithClearMessages() {
        IllegalArgumentException tol = assertThrows(IllegalArgumentException.class,
                () -> BdfSettings.builder().relativeTolerance(-1e-6).build());
        assertTrue(tol.getMessage().contains("relativeTolerance") && tol.getMessage().contains("-1.0E-6"), tol.getMessage());
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> BdfSettings.builder().maxOrder(6).build());
        assertTrue(order.getMessage().contains("maxOrder must be in 1..5, got 6"), order.getMessage());
        BdfIntegrator integrator = new BdfIntegrator(BdfSettings.builder().absoluteTolerance(0.0).build());
        IllegalArgumentException weight = assertThrows(IllegalArgumentException.class,
                () -> integrator.integrate(BLOW_UP, 0.0, new double[] {0.0}, new double[] {0.0}, 1.0, null, null));
        assertTrue(weight.getMessage().contains("component 0"), weight.getMessage());
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> integrator.integrate(BLOW_UP, 0.0, new double[] {1.0, 2.0}, new double[] {0.0}, 1.0, null, null));
        assertTrue(size.getMessage().contains("dimension 1"), size.getMessage());
        IllegalArgumentException backwards = assertThrows(IllegalArgumentException.class,
                () -> integrator.integrate(BLOW_UP, 1.0, new double[] {1.0}, new double[] {1.0}, 0.0, null, null));
        assertTrue(backwards.getMessage().contains("t0 <= tEnd"), backwards.getMessage());
    }

    @Test
    void stepBudgetIsEnforced() {
        DenseJacobianDae.ExplicitOde ode = TestSetProblems.hires();
        double[] y0 = TestSetProblems.HIRES_INITIAL;
        List<Double> times = new ArrayList<>();
        DaeIntegrationException e = assertThrows(DaeIntegrationException.class,
                () -> new BdfIntegrator(BdfSettings.builder().maxSteps(25).build()).integrate(ode, 0.0, y0,
                        TestSetProblems.initialDerivative(ode, 0, y0), TestSetProblems.HIRES_END, null,
                        out -> times.add(out.currentTime())));
        assertTrue(e.getMessage().contains("maximum number of steps (25)"), e.getMessage());
        assertEquals(25, times.size());
        assertEquals(times.get(24), e.lastAcceptedTime(), 0.0);
    }
}
