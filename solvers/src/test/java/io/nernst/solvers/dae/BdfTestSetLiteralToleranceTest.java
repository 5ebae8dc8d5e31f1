package io.nernst.solvers.dae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Issue 3 taken literally: the five test-set runs (ROBER as ODE and as DAE to t = 1e11, HIRES to
 * 321.8122, VDPOL with mu = 1000, CHEMAKZO) with rtol = atol = 1e-8 exactly, one scalar atol for
 * every component (F. Mazzia and C. Magherini, Test Set for Initial Value Problem Solvers, release
 * 2.4, University of Bari, 2008).
 *
 * <p>What is asserted, and why:
 * <ul>
 * <li>mescd >= 6, the test set's own accuracy measure for runs with an absolute tolerance
 * (routine {@code getscd} of report.f, {@link TestSetProblems#mixedSignificantDigits}):
 * -log10 max_i |e_i| / (atol/rtol + |ref_i|). The local error control weights component i by
 * rtol |y_i| + atol, so this mixed measure is what such a run controls.</li>
 * <li>scd_i = -log10 |e_i| / |ref_i| >= 6 for every component with |ref_i| >= 0.1 atol/rtol
 * ({@link #RELATIVELY_CONTROLLED_FRACTION}): for those the weight rtol |y_i| + atol is within a
 * factor 11 of the purely relative rtol |y_i|, so the tolerance does demand relative accuracy of
 * them. This is not implied by mescd >= 6 (which only gives scd_i >= 6 - log10 11 = 4.96 there).</li>
 * </ul>
 * Per-component relative digits are NOT asserted for the smaller components, because at this atol
 * they are not controlled relatively and the measured values are below 6 (recorded in docs/dae.md):
 * ROBER y1 ~ 2e-8 and y2 ~ 8e-14 lie far below atol and get 1.3 digits (ODE) / 1.7 (DAE); HIRES,
 * whose components are all below 6.3e-3, gets 4.84 to 5.87; CHEMAKZO's y6 ~ 4.9e-3 gets 5.95 with the
 * analytic Jacobian. {@link BdfTestSetTest} runs the same problems with atol scaled to the component
 * sizes and asserts >= 6 digits in every component there.
 */
class BdfTestSetLiteralToleranceTest {

    /** Issue 3's tolerance: rtol = atol = 1e-8. */
    private static final double TOLERANCE = 1e-8;

    /** Components with |ref_i| >= this fraction of atol/rtol are held to per-component relative digits. */
    private static final double RELATIVELY_CONTROLLED_FRACTION = 0.1;

    private static final BdfSettings LITERAL = BdfSettings.builder().relativeTolerance(TOLERANCE)
            .absoluteTolerance(TOLERANCE).build();

    /** Asserts mescd >= 6 and scd_i >= 6 for the relatively controlled components; returns how many those were. */
    private static int assertLiteralToleranceDigits(String problem, IntegrationResult result, double tEnd,
            double[] reference) {
        assertEquals(tEnd, result.time(), problem + ": end point reached");
        assertEquals(-1, result.eventIndex());
        double[] y = result.y();
        double[] scd = TestSetProblems.significantDigits(y, reference);
        double mescd = TestSetProblems.mixedSignificantDigits(y, reference, TOLERANCE, TOLERANCE);
        String all = " (mescd " + mescd + ", per-component scd " + Arrays.toString(scd) + ")";
        assertTrue(mescd >= 6.0, problem + ": mescd = " + mescd + " < 6" + all);
        int checked = 0;
        for (int i = 0; i < y.length; i++) {
            if (Math.abs(reference[i]) >= RELATIVELY_CONTROLLED_FRACTION * TOLERANCE / TOLERANCE) {
                checked++;
                assertTrue(scd[i] >= 6.0, problem + ": component " + i + " (reference " + reference[i] + ", y = " + y[i]
                        + ") has " + scd[i] + " correct digits < 6" + all);
            }
        }
        return checked;
    }

    @Test
    void robertsonOdeAtLiteralTolerances() {
        DenseJacobianDae.ExplicitOde ode = TestSetProblems.robertsonOde();
        double[] y0 = {1, 0, 0};
        IntegrationResult r = new BdfIntegrator(LITERAL).integrate(ode, 0, y0,
                TestSetProblems.initialDerivative(ode, 0, y0), TestSetProblems.ROBERTSON_END, null, null);
        // Only y3 ~ 1 is relatively controlled; y1, y2 are below atol (see the class comment).
        assertEquals(1, assertLiteralToleranceDigits("ROBER ODE", r, TestSetProblems.ROBERTSON_END,
                TestSetProblems.ROBERTSON_REFERENCE));
    }

    @Test
    void robertsonDaeAtLiteralTolerances() {
        IntegrationResult r = new BdfIntegrator(LITERAL).integrate(TestSetProblems.robertsonDae(), 0,
                new double[] {1, 0, 0}, new double[] {-0.04, 0.04, 0}, TestSetProblems.ROBERTSON_END, null, null);
        assertEquals(1, assertLiteralToleranceDigits("ROBER DAE", r, TestSetProblems.ROBERTSON_END,
                TestSetProblems.ROBERTSON_REFERENCE));
    }

    @Test
    void hiresAtLiteralTolerances() {
        DenseJacobianDae.ExplicitOde ode = TestSetProblems.hires();
        double[] y0 = TestSetProblems.HIRES_INITIAL;
        IntegrationResult r = new BdfIntegrator(LITERAL).integrate(ode, 0, y0,
                TestSetProblems.initialDerivative(ode, 0, y0), TestSetProblems.HIRES_END, null, null);
        // Every HIRES component is below 0.1 atol/rtol: only the mixed measure applies.
        assertEquals(0, assertLiteralToleranceDigits("HIRES", r, TestSetProblems.HIRES_END,
                TestSetProblems.HIRES_REFERENCE));
    }

    @Test
    void vanDerPolAtLiteralTolerances() {
        DenseJacobianDae.ExplicitOde ode = TestSetProblems.vanDerPol();
        double[] y0 = {2, 0};
        IntegrationResult r = new BdfIntegrator(LITERAL).integrate(ode, 0, y0,
                TestSetProblems.initialDerivative(ode, 0, y0), 2.0, null, null);
        assertEquals(2, assertLiteralToleranceDigits("VDPOL", r, 2.0, TestSetProblems.VAN_DER_POL_REFERENCE));
    }

    @Test
    void akzoNobelAtLiteralTolerancesWithAnalyticAndFiniteDifferenceJacobians() {
        for (boolean analytic : new boolean[] {true, false}) {
            DenseJacobianDae dae = TestSetProblems.akzoNobel();
            dae.analytic = analytic;
            double[][] initial = TestSetProblems.akzoInitial(dae);
            IntegrationResult r = new BdfIntegrator(LITERAL).integrate(dae, 0, initial[0], initial[1],
                    TestSetProblems.AKZO_END, null, null);
            // y1 ~ 0.115 and y3 ~ 0.161 are relatively controlled.
            assertEquals(2, assertLiteralToleranceDigits("CHEMAKZO analytic=" + analytic, r, TestSetProblems.AKZO_END,
                    TestSetProblems.AKZO_REFERENCE));
        }
    }
}
