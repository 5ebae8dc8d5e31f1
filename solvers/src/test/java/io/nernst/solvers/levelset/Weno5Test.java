package io.nernst.solvers.levelset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Weno5Test {

    /** Cell average of sin(2 pi x) over [x - h/2, x + h/2]. */
    private static double cellAverage(double x, double h) {
        return (Math.cos(2 * Math.PI * (x - h / 2)) - Math.cos(2 * Math.PI * (x + h / 2))) / (2 * Math.PI * h);
    }

    /** Largest face-value error over one period for n cells: face i+1/2 reconstructed from cells i-2..i+2. */
    private static double maxFaceError(int n) {
        double h = 1.0 / n;
        double max = 0;
        for (int i = 0; i < n; i++) {
            double xc = (i + 0.5) * h;
            double value = Weno5.reconstruct(cellAverage(xc - 2 * h, h), cellAverage(xc - h, h), cellAverage(xc, h),
                    cellAverage(xc + h, h), cellAverage(xc + 2 * h, h));
            max = Math.max(max, Math.abs(value - Math.sin(2 * Math.PI * (xc + h / 2))));
        }
        return max;
    }

    @Test
    void reconstructionOfSmoothDataIsFifthOrderAwayFromDegeneracy() {
        // Jiang-Shu weights reach fifth order once beta >> EPSILON (at n = 40..80 the undivided
        // differences are ~0.1, so the weights are near-optimal even at the critical points of sin).
        double e1 = maxFaceError(40);
        double e2 = maxFaceError(80);
        double order = Math.log(e1 / e2) / Math.log(2);
        // measured: 1.12e-5 -> 3.49e-7, order 5.00
        assertTrue(order > 4.5, "observed order " + order + " (errors " + e1 + ", " + e2 + ")");
    }

    @Test
    void stepDataAreNotOvershot() {
        // An upwind-biased reconstruction at a jump must stay within the data (ENO property), up to
        // the O(EPSILON) leakage of the nonlinear weights.
        double v = Weno5.reconstruct(0, 0, 0, 1, 1);
        assertTrue(v >= -1e-9 && v <= 1e-2, "face value at a jump downwind of the upwind cell: " + v);
        double w = Weno5.reconstruct(0, 0, 1, 1, 1);
        assertTrue(w >= 1 - 1e-2 && w <= 1 + 1e-9, "face value with the jump upwind: " + w);
        // constant data are reproduced exactly
        assertEquals(0.3, Weno5.reconstruct(0.3, 0.3, 0.3, 0.3, 0.3), 1e-16);
    }
}
