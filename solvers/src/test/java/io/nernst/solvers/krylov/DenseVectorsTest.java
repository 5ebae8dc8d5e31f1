package io.nernst.solvers.krylov;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DenseVectorsTest {

    /** The unrolled and fused kernels against plain loops, for lengths around the unroll factor. */
    @Test
    void unrolledKernelsMatchPlainLoops() {
        for (int n = 0; n <= 11; n++) {
            double[] x = KrylovTestProblems.randomVector(n, 1L + n);
            double[] y = KrylovTestProblems.randomVector(n, 100L + n);
            double[] w = KrylovTestProblems.randomVector(n, 200L + n);
            double plainDot = 0.0;
            double scale = 0.0;
            for (int i = 0; i < n; i++) {
                plainDot += x[i] * y[i];
                scale += Math.abs(x[i] * y[i]);
            }
            assertEquals(plainDot, DenseVectors.dot(n, x, y), 4 * Math.ulp(1.0) * scale);

            double alpha = -0.75;
            double[] expectedW = w.clone();
            for (int i = 0; i < n; i++) {
                expectedW[i] += alpha * x[i];
            }
            double expectedDot = 0.0;
            double expectedSquare = 0.0;
            for (int i = 0; i < n; i++) {
                expectedDot += expectedW[i] * y[i];
                expectedSquare += expectedW[i] * expectedW[i];
            }
            double[] w1 = w.clone();
            double fusedDot = DenseVectors.axpyThenDot(n, alpha, x, w1, y);
            assertArrayEquals(expectedW, w1, 0.0);
            assertEquals(expectedDot, fusedDot, 1e-14);
            double[] w2 = w.clone();
            double fusedSquare = DenseVectors.axpyThenDot(n, alpha, x, w2, w2); // y aliases w
            assertArrayEquals(expectedW, w2, 0.0);
            assertEquals(expectedSquare, fusedSquare, 1e-14);
        }
    }
}
