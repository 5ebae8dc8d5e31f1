package io.nernst.solvers.precond;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.solvers.linear.SingularMatrixException;
import io.nernst.solvers.sparse.CsrMatrix;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PreconditionerTest {

    /** Five-point Laplacian-like nonsymmetric stencil on an m x m grid (sorted CSR via triplets). */
    private static CsrMatrix fivePoint(int m, long seed) {
        Random random = new Random(seed);
        int n = m * m;
        int[] r = new int[5 * n];
        int[] c = new int[5 * n];
        double[] v = new double[5 * n];
        int t = 0;
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < m; i++) {
                int k = j * m + i;
                int[][] neighbours = {{i - 1, j}, {i + 1, j}, {i, j - 1}, {i, j + 1}};
                for (int[] nb : neighbours) {
                    if (nb[0] >= 0 && nb[0] < m && nb[1] >= 0 && nb[1] < m) {
                        r[t] = k;
                        c[t] = nb[1] * m + nb[0];
                        v[t++] = -(0.5 + random.nextDouble());
                    }
                }
                r[t] = k;
                c[t] = k;
                v[t++] = 4.5 + random.nextDouble();
            }
        }
        return CsrMatrix.fromTriplets(n, n, r, c, v, t);
    }

    private static CsrMatrix tridiagonal(int n, long seed) {
        Random random = new Random(seed);
        int[] r = new int[3 * n];
        int[] c = new int[3 * n];
        double[] v = new double[3 * n];
        int t = 0;
        for (int i = 0; i < n; i++) {
            for (int j = Math.max(0, i - 1); j <= Math.min(n - 1, i + 1); j++) {
                r[t] = i;
                c[t] = j;
                v[t++] = i == j ? 3.0 + random.nextDouble() : random.nextDouble() - 0.5;
            }
        }
        return CsrMatrix.fromTriplets(n, n, r, c, v, t);
    }

    /**
     * The defining property of ILU(0) (Saad 2003, Proposition 10.4 context): the product L U
     * reproduces every entry of A on the pattern of A.
     */
    @Test
    void ilu0ProductMatchesMatrixOnItsPattern() {
        CsrMatrix a = fivePoint(9, 1L);
        Ilu0Preconditioner ilu = new Ilu0Preconditioner();
        ilu.setup(a);
        int n = a.rows();
        double[] dense = new double[n * n]; // L U, dense, for checking only
        int[] start = ilu.factorRowStart();
        int[] col = ilu.factorColumn();
        int[] diag = ilu.diagonalSlot();
        double[] lu = ilu.factorValues();
        for (int i = 0; i < n; i++) {
            // row i of L U = sum_k l_ik u_k. (l_ii = 1)
            for (int p = start[i]; p <= diag[i]; p++) {
                int k = col[p];
                double lik = p == diag[i] ? 1.0 : lu[p];
                for (int q = diag[k]; q < start[k + 1]; q++) {
                    dense[i * n + col[q]] += lik * lu[q];
                }
            }
        }
        int outsidePatternNonzeros = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double product = dense[i * n + j];
                if (a.slot(i, j) >= 0) {
                    assertEquals(a.get(i, j), product, 1e-13, "(L U)(" + i + ", " + j + ")");
                } else if (Math.abs(product) > 1e-14) {
                    outsidePatternNonzeros++;
                }
            }
        }
        // ILU(0) of a 2D five-point matrix is not exact: L U has nonzeros outside the pattern.
        assertTrue(outsidePatternNonzeros > 0);
    }

    /** Tridiagonal and full matrices have no fill outside their pattern: ILU(0) is the exact LU. */
    @Test
    void ilu0IsExactWhenLuHasNoFill() {
        CsrMatrix a = tridiagonal(50, 2L);
        assertApplyInvertsMatrix(new Ilu0Preconditioner(), a, 1e-13);
        CsrMatrix full = CsrMatrix.fromTriplets(3, 3, new int[] {0, 0, 0, 1, 1, 1, 2, 2, 2},
                new int[] {0, 1, 2, 0, 1, 2, 0, 1, 2}, new double[] {2, -1, 0.5, 1, 3, -1, 0.25, 1, 4}, 9);
        assertApplyInvertsMatrix(new Ilu0Preconditioner(), full, 1e-14);
    }

    private static void assertApplyInvertsMatrix(Preconditioner preconditioner, CsrMatrix a, double tolerance) {
        preconditioner.setup(a);
        int n = a.rows();
        Random random = new Random(3L);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble() - 0.5;
        }
        double[] ax = new double[n];
        a.multiply(x, ax);
        double[] z = new double[n];
        preconditioner.apply(ax, z);
        assertArrayEquals(x, z, tolerance);
        // In place gives the same.
        preconditioner.apply(ax, ax);
        assertArrayEquals(z, ax, 0.0);
    }

    /** A diagonal missing from the pattern gets a slot; elimination fills it: [[1, 1], [1, .]] has u_11 = -1. */
    @Test
    void ilu0AddsMissingDiagonalSlots() {
        CsrMatrix a = CsrMatrix.fromTriplets(2, 2, new int[] {0, 0, 1}, new int[] {0, 1, 0}, new double[] {1, 1, 1}, 3);
        assertApplyInvertsMatrix(new Ilu0Preconditioner(), a, 1e-15);
        // [[0, 1], [1, 0]]: the pivot of row 0 is zero.
        CsrMatrix permutation = CsrMatrix.fromTriplets(2, 2, new int[] {0, 1}, new int[] {1, 0}, new double[] {1, 1}, 2);
        SingularMatrixException e = assertThrows(SingularMatrixException.class,
                () -> new Ilu0Preconditioner().setup(permutation));
        assertEquals(0, e.index());
    }

    @Test
    void ilu0ZeroPivotNamesTheRowAndLeavesAReusableState() {
        // Row 1 becomes 1 - 1 * 1 = 0 after eliminating row 0.
        CsrMatrix singular = CsrMatrix.fromTriplets(3, 3, new int[] {0, 0, 1, 1, 2}, new int[] {0, 1, 0, 1, 2},
                new double[] {1, 1, 1, 1, 5}, 5);
        Ilu0Preconditioner ilu = new Ilu0Preconditioner();
        SingularMatrixException e = assertThrows(SingularMatrixException.class, () -> ilu.setup(singular));
        assertEquals(1, e.index());
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> ilu.apply(new double[3], new double[3]));
        CsrMatrix fine = singular.copy();
        fine.values()[fine.slot(1, 1)] = 2.0;
        assertApplyInvertsMatrix(ilu, fine, 1e-15);
    }

    @Test
    void ilu0RejectsNonFiniteValuesNamingTheEntry() {
        CsrMatrix a = tridiagonal(6, 4L);
        a.values()[a.slot(4, 3)] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Ilu0Preconditioner().setup(a));
        assertTrue(e.getMessage().contains("row 4") && e.getMessage().contains("column 3"), e.getMessage());
    }

    /** Setting up again on new values of the same pattern equals a fresh set-up (no stale state). */
    @Test
    void ilu0RepeatedSetupEqualsFreshSetup() {
        CsrMatrix a = fivePoint(7, 5L);
        CsrMatrix b = fivePoint(7, 6L);
        Ilu0Preconditioner reused = new Ilu0Preconditioner();
        reused.analyse(a);
        reused.setup(a);
        reused.setup(b);
        Ilu0Preconditioner fresh = new Ilu0Preconditioner();
        fresh.setup(b);
        assertArrayEquals(fresh.factorValues(), reused.factorValues(), 0.0);
    }

    @Test
    void jacobiDividesByTheDiagonalAndNamesAZeroOne() {
        CsrMatrix a = tridiagonal(5, 7L);
        JacobiPreconditioner jacobi = new JacobiPreconditioner();
        jacobi.setup(a);
        double[] r = {1, 2, 3, 4, 5};
        double[] z = new double[5];
        jacobi.apply(r, z);
        for (int i = 0; i < 5; i++) {
            assertEquals(r[i] / a.get(i, i), z[i], 1e-15);
        }
        a.values()[a.slot(2, 2)] = 0.0;
        SingularMatrixException e = assertThrows(SingularMatrixException.class, () -> jacobi.setup(a));
        assertEquals(2, e.index());
        assertTrue(e.getMessage().contains("row 2"));
        CsrMatrix noDiagonal = CsrMatrix.fromTriplets(2, 2, new int[] {0, 1}, new int[] {0, 0}, new double[] {1, 1}, 2);
        SingularMatrixException missing = assertThrows(SingularMatrixException.class,
                () -> new JacobiPreconditioner().setup(noDiagonal));
        assertEquals(1, missing.index());
        assertTrue(missing.getMessage().contains("not in the pattern"));
    }

    @Test
    void identityCopiesAndRejectsNonSquare() {
        IdentityPreconditioner identity = new IdentityPreconditioner();
        CsrMatrix a = tridiagonal(3, 1L);
        identity.setup(a);
        double[] z = new double[3];
        identity.apply(new double[] {1, 2, 3}, z);
        assertArrayEquals(new double[] {1, 2, 3}, z, 0.0);
        CsrMatrix rect = CsrMatrix.fromTriplets(2, 3, new int[] {0}, new int[] {0}, new double[] {1}, 1);
        for (Preconditioner p : new Preconditioner[] {new IdentityPreconditioner(), new JacobiPreconditioner(),
                new Ilu0Preconditioner()}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.analyse(rect));
            assertTrue(e.getMessage().contains("2 x 3"), e.getMessage());
        }
    }
}
