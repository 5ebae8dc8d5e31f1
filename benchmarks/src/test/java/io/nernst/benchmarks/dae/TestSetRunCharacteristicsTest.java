package io.nernst.benchmarks.dae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The test set's accuracy measures as implemented in {@link TestSetRunCharacteristics}. */
class TestSetRunCharacteristicsTest {

    /**
     * Hand-computed case: reference (1, 1e-3), errors (1e-6, 1e-8), rtol = 1e-6, atol = 1e-9.
     * Relative errors 1e-6 and 1e-5, so scd = 5; mixed errors 1e-6 / (1e-3 + 1) and
     * 1e-8 / (1e-3 + 1e-3) = 5e-6, so mescd = -log10(5e-6) = 5.30103.
     */
    @Test
    void significantDigitsFollowTheTestSetDefinitions() {
        double[] digits = TestSetRunCharacteristics.significantDigits(new double[] {1 + 1e-6, 1e-3 + 1e-8},
                new double[] {1, 1e-3}, 1e-6, 1e-9);
        assertEquals(5.0, digits[0], 1e-9);
        assertEquals(-Math.log10(5e-6), digits[1], 1e-9);
    }

    /** An exact solution gets the rounding unit's 16 digits, as in the test set's driver. */
    @Test
    void exactSolutionGetsSixteenDigits() {
        double[] digits = TestSetRunCharacteristics.significantDigits(new double[] {2, 3}, new double[] {2, 3}, 1e-4,
                1e-4);
        assertEquals(16.0, digits[0]);
        assertEquals(16.0, digits[1]);
    }

    /**
     * HIRES at rtol = atol = h0 = 1e-7 with the benchmark's sparse formulation: the run reaches the end,
     * counts are consistent (steps = accepted + rejected >= accepted, one LU per Jacobian, the matrix
     * reused over several steps) and the mixed accuracy is within two digits of the tolerance
     * (a BDF code controls the local, not the global, error).
     */
    @Test
    void hiresRowIsConsistent() {
        TestSetRunCharacteristics.Row row = TestSetRunCharacteristics.run("HIRES", new TestSetSystems.Hires(true),
                new double[] {1, 0, 0, 0, 0, 0, 0, 0.0057}, 321.8122, TestSetRunCharacteristics.HIRES_REFERENCE, 1e-7);
        assertTrue(row.steps() >= row.accepted() && row.accepted() > 0, row.markdown());
        assertEquals(row.jacobianEvaluations(), row.factorizations(), row.markdown());
        assertTrue(row.jacobianEvaluations() < row.accepted() / 4, row.markdown());
        assertTrue(row.residualEvaluations() >= row.steps(), row.markdown());
        assertTrue(row.mescd() >= 5.0, row.markdown());
    }
}
