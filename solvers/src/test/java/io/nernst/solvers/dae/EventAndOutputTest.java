package io.nernst.solvers.dae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Event location, dense output, listener contract and the tEnd rule of {@link BdfIntegrator}. */
class EventAndOutputTest {
    private static final double GRAVITY = 9.81;

    /** Free fall h' = v, v' = -g (exact for BDF of order >= 2, the solution being quadratic). */
    private static final DenseJacobianDae BALL = new DenseJacobianDae(2, null) {
        @Override
        public void residual(double t, double[] y, double[] yp, double[] f) {
            f[0] = yp[0] - y[1];
            f[1] = yp[1] + GRAVITY;
        }

        @Override
        void denseJacobian(double t, double[] y, double[] yp, double cj, double[] j) {
            j[0] = cj;
            j[1] = -1.0;
            j[3] = cj;
        }
    };

    private static DaeEvent event(EventDirection direction, boolean terminal, int component, double level) {
        return new DaeEvent() {
            @Override
            public double g(double t, double[] y, double[] yDot) {
                return y[component] - level;
            }

            @Override
            public EventDirection direction() {
                return direction;
            }

            @Override
            public boolean terminal() {
                return terminal;
            }
        };
    }

    /** Records every step and event; checks that steps tile the time axis. */
    private static final class Recorder implements StepListener {
        final List<double[]> steps = new ArrayList<>();   // {previous, current, y(current)...}
        final List<double[]> events = new ArrayList<>();  // {index, t, y...}

        @Override
        public void stepAccepted(DenseOutput output) {
            if (!steps.isEmpty()) {
                assertEquals(steps.get(steps.size() - 1)[1], output.previousTime(), 0.0, "steps are contiguous");
            }
            assertTrue(output.currentTime() > output.previousTime());
            double[] y = new double[BALL.dimension()];
            output.interpolate(output.currentTime(), y, null);
            steps.add(new double[] {output.previousTime(), output.currentTime(), y[0], y[1]});
        }

        @Override
        public void eventOccurred(int eventIndex, double t, double[] y, double[] yDot) {
            events.add(new double[] {eventIndex, t, y[0]});
        }
    }

    /**
     * Bouncing ball dropped from 10 m with restitution 0.8: impact n happens at
     * t_n = T (1 + 2 sum_{k=1}^{n-1} e^k), T = sqrt(2 h0 / g). The terminal event stops each flight at
     * the impact, the caller reverses the velocity and restarts; five impact times agree with the
     * closed form to 1e-10 s.
     */
    @Test
    void bouncingBallImpactTimesMatchClosedFormTo1e10() {
        double h0 = 10.0;
        double restitution = 0.8;
        double fallTime = Math.sqrt(2 * h0 / GRAVITY);
        BdfIntegrator integrator = new BdfIntegrator(BdfSettings.builder().relativeTolerance(1e-10)
                .absoluteTolerance(1e-12).build());
        List<DaeEvent> impact = List.of(event(EventDirection.DECREASING, true, 0, 0.0));
        double t = 0.0;
        double[] y = {h0, 0.0};
        double expected = fallTime;
        for (int bounce = 1; bounce <= 5; bounce++) {
            Recorder recorder = new Recorder();
            IntegrationResult r = integrator.integrate(BALL, t, y, new double[] {y[1], -GRAVITY}, 100.0, impact, recorder);
            assertEquals(0, r.eventIndex());
            assertEquals(expected, r.time(), 1e-10, "impact " + bounce);
            assertEquals(0.0, r.y()[0], 1e-9, "height at impact");
            double impactSpeed = GRAVITY * fallTime * Math.pow(restitution, bounce - 1);
            assertEquals(-impactSpeed, r.y()[1], 1e-8, "velocity at impact");
            assertEquals(-GRAVITY, r.yDot()[1], 1e-12);
            // The listener saw the flight truncated at the impact and the event itself.
            double[] last = recorder.steps.get(recorder.steps.size() - 1);
            assertEquals(r.time(), last[1], 0.0);
            assertEquals(1, recorder.events.size());
            assertEquals(r.time(), recorder.events.get(0)[1], 0.0);
            t = r.time();
            y = new double[] {0.0, -restitution * r.y()[1]};
            expected += 2 * fallTime * Math.pow(restitution, bounce);
        }
    }

    /**
     * y' = cos t, y(0) = 0 on [0, 4 pi] (y = sin t) with the non-terminal events y = 1/2 in both
     * directions (roots pi/6, 5pi/6, 13pi/6, 17pi/6) and increasing only (pi/6, 13pi/6): all are
     * reported in time order, integration continues to tEnd, and the dense output between steps
     * reproduces sin and cos. (The bouncing ball, whose solution BDF reproduces exactly, isolates the
     * location accuracy; here the event times also carry the solution's global error.)
     */
    @Test
    void nonTerminalEventsAreReportedAndDenseOutputIsAccurate() {
        DenseJacobianDae sine = new DenseJacobianDae(1, null) {
            @Override
            public void residual(double t, double[] y, double[] yp, double[] f) {
                f[0] = yp[0] - Math.cos(t);
            }

            @Override
            void denseJacobian(double t, double[] y, double[] yp, double cj, double[] j) {
                j[0] = cj;
            }
        };
        List<DaeEvent> events = List.of(event(EventDirection.BOTH, false, 0, 0.5),
                event(EventDirection.INCREASING, false, 0, 0.5));
        List<double[]> reported = new ArrayList<>();
        double[] worst = new double[2];
        StepListener listener = new StepListener() {
            final double[] y = new double[1];
            final double[] yp = new double[1];

            @Override
            public void stepAccepted(DenseOutput out) {
                for (int q = 1; q <= 3; q++) {
                    double t = out.previousTime() + q * 0.25 * (out.currentTime() - out.previousTime());
                    out.interpolate(t, y, yp);
                    worst[0] = Math.max(worst[0], Math.abs(y[0] - Math.sin(t)));
                    worst[1] = Math.max(worst[1], Math.abs(yp[0] - Math.cos(t)));
                }
            }

            @Override
            public void eventOccurred(int index, double t, double[] y, double[] yDot) {
                reported.add(new double[] {index, t});
                // Located on the dense output to the root-finder's 1e-12 time tolerance: g = 0 to ~1e-12.
                assertEquals(0.5, y[0], 1e-11);
            }
        };
        double tEnd = 4 * Math.PI;
        IntegrationResult r = new BdfIntegrator(BdfSettings.builder().relativeTolerance(1e-10).absoluteTolerance(1e-12)
                .build()).integrate(sine, 0.0, new double[] {0.0}, new double[] {1.0}, tEnd, events, listener);
        assertEquals(tEnd, r.time());
        assertEquals(-1, r.eventIndex());
        double[][] expected = {{0, Math.PI / 6}, {1, Math.PI / 6}, {0, 5 * Math.PI / 6}, {0, 13 * Math.PI / 6},
            {1, 13 * Math.PI / 6}, {0, 17 * Math.PI / 6}};
        assertEquals(expected.length, reported.size(), "number of events");
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k][0], reported.get(k)[0], 0.0, "event order");
            // Versus the exact crossing the global error of the solution (~1e-9 at rtol 1e-10) dominates.
            assertEquals(expected[k][1], reported.get(k)[1], 1e-8, "event time " + k);
        }
        assertTrue(worst[0] < 1e-8, "dense output error in y: " + worst[0]);
        assertTrue(worst[1] < 1e-6, "dense output error in y': " + worst[1]);
    }

    /** By default no residual is ever evaluated beyond tEnd; the maximum step is honoured. */
    @Test
    void neverStepsPastEndAndRespectsMaxStep() {
        double[] latest = {Double.NEGATIVE_INFINITY};
        DenseJacobianDae decay = new DenseJacobianDae(1, null) {
            @Override
            public void residual(double t, double[] y, double[] yp, double[] f) {
                latest[0] = Math.max(latest[0], t);
                f[0] = yp[0] + y[0];
            }

            @Override
            void denseJacobian(double t, double[] y, double[] yp, double cj, double[] j) {
                j[0] = cj + 1.0;
            }
        };
        double tEnd = 1.2345;
        List<Double> stepSizes = new ArrayList<>();
        StepListener sizes = out -> stepSizes.add(out.currentTime() - out.previousTime());
        IntegrationResult r = new BdfIntegrator(BdfSettings.builder().maxStep(0.05).build()).integrate(decay, 0.0,
                new double[] {1.0}, new double[] {-1.0}, tEnd, null, sizes);
        assertEquals(tEnd, r.time(), 0.0);
        assertTrue(latest[0] <= tEnd, "residual evaluated at " + latest[0] + " > tEnd");
        assertEquals(Math.exp(-tEnd), r.y()[0], 1e-5);
        for (double h : stepSizes) {
            assertTrue(h <= 0.05 * (1 + 1e-5), "step " + h + " exceeds maxStep");
        }

        latest[0] = Double.NEGATIVE_INFINITY;
        IntegrationResult past = new BdfIntegrator(BdfSettings.builder().stepPastEnd(true).build()).integrate(decay, 0.0,
                new double[] {1.0}, new double[] {-1.0}, tEnd, null, null);
        assertEquals(tEnd, past.time(), 0.0);
        assertEquals(Math.exp(-tEnd), past.y()[0], 1e-5);
        assertTrue(latest[0] > tEnd, "with stepPastEnd the last step may overshoot and interpolate back");
    }
}
