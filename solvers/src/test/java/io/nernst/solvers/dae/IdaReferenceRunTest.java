package io.nernst.solvers.dae;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Step-for-step agreement with SUNDIALS IDA on its own Robertson example.
 *
 * <p>Reference: the expected output shipped with SUNDIALS, {@code examples/ida/serial/idaRoberts_dns.out}
 * in LLNL/sundials (commit 201d92bb9d7eee54d65494f7a8ea50c1791616cb): Robertson kinetics as an index-1
 * DAE (y3 from y1 + y2 + y3 = 1), rtol = 1e-4, atol = (1e-8, 1e-6, 1e-6), y'(0) = (-0.04, 0.04, 0),
 * dense direct solver with analytic Jacobian, root functions y1 - 1e-4 and y3 - 0.01, output at
 * t = 0.4 * 10^k in IDA_NORMAL mode (IDA steps past each output time and interpolates). IDA reports
 * 362 steps, 537 residual evaluations, 60 Jacobian evaluations, 537 nonlinear iterations, 15 error-test
 * failures and 5 nonlinear convergence failures.
 *
 * <p>Since {@link BdfIntegrator} implements IDA's fixed-leading-coefficient BDF with IDA's
 * coefficient, error-test, order-selection, step-size and Newton rules, it reproduces all of these
 * counters exactly, and the printed table (values to the 5 printed digits, step counts and last step
 * sizes at every output). This test is a fingerprint of that algorithm: a deliberate change of any
 * of those rules must update it (and docs/dae.md). Step sequences react to round-off; the
 * integrator uses {@link Math#pow} (which may differ by an ulp between platforms), so on an exotic
 * platform a count could differ by a step or two without any change of algorithm.
 */
class IdaReferenceRunTest {

    private static DaeEvent root(int component, double level) {
        return new DaeEvent() {
            @Override
            public double g(double t, double[] y, double[] yDot) {
                return y[component] - level;
            }

            @Override
            public EventDirection direction() {
                return EventDirection.BOTH;
            }

            @Override
            public boolean terminal() {
                return false;
            }
        };
    }

    /** Rows of idaRoberts_dns.out: t, y1, y2, y3, nst, h. */
    private static final double[][] TABLE = {
        {4.0000e-01, 9.8517e-01, 3.3864e-05, 1.4794e-02, 29, 8.8024e-02},
        {4.0000e+00, 9.0553e-01, 2.2406e-05, 9.4452e-02, 43, 6.3377e-01},
        {4.0000e+01, 7.1579e-01, 9.1838e-06, 2.8420e-01, 68, 3.1932e+00},
        {4.0000e+02, 4.5044e-01, 3.2218e-06, 5.4956e-01, 95, 3.3201e+01},
        {4.0000e+03, 1.8320e-01, 8.9444e-07, 8.1680e-01, 126, 3.1458e+02},
        {4.0000e+04, 3.8992e-02, 1.6221e-07, 9.6101e-01, 161, 2.5058e+03},
        {4.0000e+05, 4.9369e-03, 1.9842e-08, 9.9506e-01, 202, 2.6371e+04},
        {4.0000e+06, 5.1674e-04, 2.0684e-09, 9.9948e-01, 250, 1.7187e+05},
        {4.0000e+07, 5.2009e-05, 2.0805e-10, 9.9995e-01, 293, 2.3655e+06},
        {4.0000e+08, 5.2012e-06, 2.0805e-11, 9.9999e-01, 325, 2.6808e+07},
        {4.0000e+09, 5.1850e-07, 2.0740e-12, 1.0000e+00, 348, 7.4305e+08},
        {4.0000e+10, 4.8641e-08, 1.9456e-13, 1.0000e+00, 362, 7.5480e+09},
    };

    @Test
    void reproducesIdaRobertsonExampleCountersAndTable() {
        DenseJacobianDae dae = TestSetProblems.robertsonDae();
        BdfSettings settings = BdfSettings.builder().relativeTolerance(1e-4)
                .absoluteTolerances(new double[] {1e-8, 1e-6, 1e-6}).stepPastEnd(true).build();
        List<double[]> rows = new ArrayList<>();
        List<double[]> roots = new ArrayList<>();
        StepListener listener = new StepListener() {
            int steps;
            int nextOutput;
            final double[] y = new double[3];

            @Override
            public void stepAccepted(DenseOutput out) {
                steps++;
                while (nextOutput < TABLE.length && TABLE[nextOutput][0] <= out.currentTime()) {
                    out.interpolate(TABLE[nextOutput][0], y, null);
                    rows.add(new double[] {TABLE[nextOutput][0], y[0], y[1], y[2], steps,
                        out.currentTime() - out.previousTime()});
                    nextOutput++;
                }
            }

            @Override
            public void eventOccurred(int index, double t, double[] yRoot, double[] yDot) {
                roots.add(new double[] {index, t, steps});
            }
        };
        IntegrationResult r = new BdfIntegrator(settings).integrate(dae, 0.0, new double[] {1, 0, 0},
                new double[] {-0.04, 0.04, 0}, 4e10, List.of(root(0, 1e-4), root(2, 0.01)), listener);

        BdfStatistics s = r.statistics();
        assertEquals(362, s.steps(), "Number of steps");
        assertEquals(537, s.residualEvaluations(), "Number of residual evaluations");
        assertEquals(60, s.jacobianEvaluations(), "Number of Jacobian evaluations");
        assertEquals(537, s.newtonIterations(), "Number of nonlinear iterations");
        assertEquals(15, s.errorTestFailures(), "Number of error test failures");
        assertEquals(5, s.newtonFailures() + s.newtonRetries(), "Number of nonlinear conv. failures");
        assertEquals(2, s.lastOrder());

        assertEquals(TABLE.length, rows.size());
        for (int k = 0; k < TABLE.length; k++) {
            double[] expected = TABLE[k];
            double[] actual = rows.get(k);
            String at = "t = " + expected[0] + ": ";
            for (int c = 1; c <= 3; c++) {
                double tolerance = 0.51e-4 * Math.pow(10, Math.floor(Math.log10(Math.abs(expected[c]))));
                assertEquals(expected[c], actual[c], tolerance, at + "y" + c);
            }
            assertEquals(expected[4], actual[4], 0.0, at + "nst");
            // The step passing tEnd reaches the listener truncated at tEnd; its full size is lastStepSize().
            double h = k == TABLE.length - 1 ? s.lastStepSize() : actual[5];
            assertEquals(expected[5], h, 0.51e-4 * Math.pow(10, Math.floor(Math.log10(expected[5]))), at + "h");
        }
        // rootsfound: y3 = 0.01 at t = 2.6402e-01 (after step 27), y1 = 1e-4 at t = 2.0788e+07 (step 280).
        assertEquals(2, roots.size());
        assertEquals(1, roots.get(0)[0], 0.0);
        assertEquals(2.6402e-01, roots.get(0)[1], 0.51e-5);
        assertEquals(27, roots.get(0)[2], 0.0);
        assertEquals(0, roots.get(1)[0], 0.0);
        assertEquals(2.0788e+07, roots.get(1)[1], 0.51e3);
        assertEquals(280, roots.get(1)[2], 0.0);
    }
}
