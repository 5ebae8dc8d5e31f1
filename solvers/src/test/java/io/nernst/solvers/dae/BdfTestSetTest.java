package io.nernst.solvers.dae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Accuracy of {@link BdfIntegrator} on problems of the Bari "Test Set for IVP Solvers"
 * (F. Mazzia and C. Magherini, release 2.4, February 2008, University of Bari;
 * https://archimede.uniba.it/~testset/). Each test compares the end state with the reference
 * solution published in the test set and asserts the number of significant correct digits
 * scd_i = -log10(|y_i - ref_i| / |ref_i|) of EVERY component (the test set's reports use a mixed
 * absolute/relative measure; the per-component relative one asserted here is stricter for the
 * small components).
 *
 * <p><b>Tolerances differ from issue 3's literal wording.</b> The issue asks for rtol = atol = 1e-8.
 * With one atol = 1e-8 the error weight rtol |y_i| + atol is absolute for every component much
 * smaller than atol/rtol = 1, so per-component relative digits are not controlled for them. Here
 * rtol = 1e-8 throughout, but atol is scaled to the component sizes where they are small: ROBER
 * (1e-16, 1e-22, 1e-10), HIRES 1e-12, CHEMAKZO 1e-11; VDPOL keeps atol = 1e-8 (its components are
 * O(1)). The literal rtol = atol = 1e-8 runs are in {@link BdfTestSetLiteralToleranceTest}: they
 * reach the test set's mixed measure mescd >= 6 on all five runs (measured 7.05 HIRES, 7.64
 * CHEMAKZO, 9.00 ROBER ODE, 9.33 ROBER DAE, 7.02 VDPOL) but NOT six relative digits in every
 * component: ROBER y1, y2 get 1.32 (ODE) / 1.65 (DAE), HIRES min 4.84 (y6), CHEMAKZO min 5.95 (y6,
 * analytic Jacobian); see docs/dae.md.
 */
class BdfTestSetTest {

    private static void assertDigits(String problem, double[] y, double[] reference, double minimumDigits) {
        double[] scd = TestSetProblems.significantDigits(y, reference);
        for (int i = 0; i < scd.length; i++) {
            assertTrue(scd[i] >= minimumDigits, problem + ": component " + i + " has " + scd[i]
                    + " correct digits, expected >= " + minimumDigits + " (y = " + y[i] + ", reference = " + reference[i]
                    + "); all: " + Arrays.toString(scd));
        }
    }

    private static void assertCountersConsistent(BdfStatistics s) {
        assertTrue(s.steps() > 0);
        assertEquals(s.steps(), Arrays.stream(s.orderHistogram()).sum(), "order histogram sums to the steps");
        assertTrue(s.newtonIterations() >= s.steps(), "at least one Newton iteration per accepted step");
        assertTrue(s.jacobianEvaluations() < s.steps() / 4, "modified Newton must reuse the matrix: " + s);
        assertEquals(s.jacobianEvaluations(), s.factorizations());
    }

    /**
     * ROBER (Robertson 1966) as an ODE to t = 1e11, test-set reference y(1e11) =
     * (0.2083340149701255e-7, 0.8333360770334713e-13, 0.9999999791665050). rtol = 1e-8. At t = 1e11
     * y1 ~ 2e-8 and y2 ~ 8e-14, so the test set's atol = rtol would leave them uncontrolled; the
     * absolute tolerances are set below rtol times their final size (1e-16, 1e-22) so that the error
     * control is effectively relative for them, and 1e-10 for y3 ~ 1. (Issue 3's literal atol = 1e-8
     * gives y1 and y2 only 1.32 digits, mescd 9.00: {@link BdfTestSetLiteralToleranceTest}.)
     */
    @Test
    void robertsonOdeToOneE11HasSixDigitsInEveryComponent() {
        DenseJacobianDae.ExplicitOde ode = TestSetProblems.robertsonOde();
        double[] y0 = {1, 0, 0};
        BdfSettings settings = BdfSettings.builder().relativeTolerance(1e-8)
                .absoluteTolerances(new double[] {1e-16, 1e-22, 1e-10}).build();
        IntegrationResult r = new BdfIntegrator(settings).integrate(ode, 0, y0,
                TestSetProblems.initialDerivative(ode, 0, y0), TestSetProblems.ROBERTSON_END, null, null);
        assertEquals(TestSetProblems.ROBERTSON_END, r.time());
        assertEquals(-1, r.eventIndex());
        assertDigits("ROBER ODE", r.y(), TestSetProblems.ROBERTSON_REFERENCE, 6.0);
        assertCountersConsistent(r.statistics());
        assertTrue(r.statistics().stepsWithOrder(5) > r.statistics().steps() / 2, "order 5 dominates: " + r.statistics());
    }

    /**
     * ROBER as an index-1 DAE (y3 algebraic through y1 + y2 + y3 = 1), same reference and tolerances.
     * atol3 cannot go much below 1e-14 here: y3 = 1 - y1 - y2 carries an absolute round-off of
     * ~1e-16 while y3 is tiny at the start, so a purely relative test on y3 would reject round-off.
     * (Literal atol = 1e-8: y1, y2 get 1.65 digits, mescd 9.33; {@link BdfTestSetLiteralToleranceTest}.)
     */
    @Test
    void robertsonDaeToOneE11HasSixDigitsInEveryComponent() {
        DenseJacobianDae dae = TestSetProblems.robertsonDae();
        double[] y0 = {1, 0, 0};
        double[] yp0 = {-0.04, 0.04, 0};
        BdfSettings settings = BdfSettings.builder().relativeTolerance(1e-8)
                .absoluteTolerances(new double[] {1e-16, 1e-22, 1e-10}).build();
        IntegrationResult r = new BdfIntegrator(settings).integrate(dae, 0, y0, yp0, TestSetProblems.ROBERTSON_END,
                null, null);
        assertDigits("ROBER DAE", r.y(), TestSetProblems.ROBERTSON_REFERENCE, 6.0);
        double[] y = r.y();
        assertEquals(1.0, y[0] + y[1] + y[2], 1e-14, "the algebraic conservation law holds to round-off");
        assertCountersConsistent(r.statistics());
    }

    /**
     * HIRES (Schaefer 1975) to t = 321.8122 with rtol = 1e-8, atol = 1e-12; test-set reference values.
     * atol is 1e-12 rather than the 1e-8 because all eight components end between 5.9e-5 and
     * 6.3e-3, far below atol/rtol = 1: with atol = 1e-8 the run controls absolute error ~1e-8 and gets
     * mescd 7.05 but only 4.84 to 5.87 relative digits per component ({@link BdfTestSetLiteralToleranceTest}).
     */
    @Test
    void hiresHasSixDigitsInEveryComponent() {
        DenseJacobianDae.ExplicitOde ode = TestSetProblems.hires();
        double[] y0 = TestSetProblems.HIRES_INITIAL;
        BdfSettings settings = BdfSettings.builder().relativeTolerance(1e-8).absoluteTolerance(1e-12).build();
        IntegrationResult r = new BdfIntegrator(settings).integrate(ode, 0, y0,
                TestSetProblems.initialDerivative(ode, 0, y0), TestSetProblems.HIRES_END, null, null);
        assertEquals(TestSetProblems.HIRES_END, r.time());
        assertDigits("HIRES", r.y(), TestSetProblems.HIRES_REFERENCE, 6.0);
        assertCountersConsistent(r.statistics());
    }

    /**
     * VDPOL, the test set's scaled Van der Pol oscillator (mu = 1000, eps = 1/mu^2 = 1e-6) on [0, 2]
     * with y(0) = (2, 0), rtol = atol = 1e-8 (issue 3's literal tolerances; both components are O(1),
     * so no scaling is needed); reference y(2) = (1.706167732170483, -0.8928097010247975).
     */
    @Test
    void vanDerPolHasSixDigitsInEveryComponent() {
        DenseJacobianDae.ExplicitOde ode = TestSetProblems.vanDerPol();
        double[] y0 = {2, 0};
        BdfSettings settings = BdfSettings.builder().relativeTolerance(1e-8).absoluteTolerance(1e-8).build();
        IntegrationResult r = new BdfIntegrator(settings).integrate(ode, 0, y0,
                TestSetProblems.initialDerivative(ode, 0, y0), 2.0, null, null);
        assertDigits("VDPOL", r.y(), TestSetProblems.VAN_DER_POL_REFERENCE, 6.0);
        assertCountersConsistent(r.statistics());
    }

    /**
     * CHEMAKZO, the Chemical Akzo Nobel index-1 DAE on [0, 180], rtol = 1e-8, atol = 1e-11, with the
     * analytic Jacobian of the test set and with coloured finite differences; reference from the test
     * set (PSIDE at 1e-19). Seven digits in every component. atol is 1e-11 rather than the issue's
     * 1e-8 because the components end between 3.7e-4 and 0.16, below atol/rtol = 1: with atol = 1e-8
     * the run gets mescd 7.64 and every component >= 6 digits except y6 ~ 4.9e-3 with 5.95 (analytic
     * Jacobian; FD: min 6.52) ({@link BdfTestSetLiteralToleranceTest}).
     */
    @Test
    void akzoNobelDaeHasSevenDigitsWithAnalyticAndFiniteDifferenceJacobians() {
        for (boolean analytic : new boolean[] {true, false}) {
            DenseJacobianDae dae = TestSetProblems.akzoNobel();
            dae.analytic = analytic;
            double[][] initial = TestSetProblems.akzoInitial(dae);
            BdfSettings settings = BdfSettings.builder().relativeTolerance(1e-8).absoluteTolerance(1e-11).build();
            IntegrationResult r = new BdfIntegrator(settings).integrate(dae, 0, initial[0], initial[1],
                    TestSetProblems.AKZO_END, null, null);
            assertDigits("CHEMAKZO analytic=" + analytic, r.y(), TestSetProblems.AKZO_REFERENCE, 7.0);
            assertCountersConsistent(r.statistics());
            if (analytic) {
                assertEquals(0, r.statistics().jacobianResidualEvaluations());
            } else {
                assertTrue(r.statistics().jacobianResidualEvaluations() > 0);
                // 6 columns but the coloring needs fewer groups than columns? here the pattern is dense in
                // the first columns, so just check the per-Jacobian cost is at most the dimension.
                assertTrue(r.statistics().jacobianResidualEvaluations() <= 6 * r.statistics().jacobianEvaluations());
            }
        }
    }

    /**
     * IDA's suppressalg option: with atol3 = 1e-20 the algebraic y3 = 1 - y1 - y2 cannot meet its error
     * test (its round-off, ~1e-16, exceeds rtol |y3| + atol3 while y3 is tiny), and the integration
     * fails; leaving algebraic components out of the error test removes that spurious demand while y1
     * and y2 keep their six digits (y3 follows from them through the constraint).
     */
    @Test
    void suppressingAlgebraicErrorsHandlesAnUnreachableAlgebraicTolerance() {
        DenseJacobianDae dae = TestSetProblems.robertsonDae();
        double[] y0 = {1, 0, 0};
        double[] yp0 = {-0.04, 0.04, 0};
        BdfSettings strict = BdfSettings.builder().relativeTolerance(1e-8)
                .absoluteTolerances(new double[] {1e-16, 1e-22, 1e-20}).build();
        org.junit.jupiter.api.Assertions.assertThrows(DaeIntegrationException.class,
                () -> new BdfIntegrator(strict).integrate(dae, 0, y0, yp0, TestSetProblems.ROBERTSON_END, null, null));
        BdfSettings suppressed = strict.toBuilder().suppressAlgebraicErrors(true).build();
        IntegrationResult r = new BdfIntegrator(suppressed).integrate(dae, 0, y0, yp0, TestSetProblems.ROBERTSON_END,
                null, null);
        assertDigits("ROBER DAE, suppressed algebraic error test", r.y(), TestSetProblems.ROBERTSON_REFERENCE, 6.0);
    }
}
