package io.nernst.solvers.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.solvers.sparse.CsrMatrix;
import org.junit.jupiter.api.Test;

/** Conformance suite plus band-specific checks for {@link BandedLuSolver}. */
class BandedLuSolverTest extends LinearSolverConformanceTest {
    @Override
    protected LinearSolver newSolver() {
        return new BandedLuSolver();
    }

    @Test
    void bandwidthsOfInterleavedBlockTridiagonalSystems() {
        // Point-major numbering: unknown (p, f) couples to (p +- 1, g), so |i - j| <= 2 fields - 1.
        for (int fields = 1; fields <= 4; fields++) {
            BandedLuSolver solver = new BandedLuSolver(BandedLuSolver.Ordering.NATURAL);
            solver.analyse(TestMatrices.blockTridiagonal(50, fields, 1L));
            assertEquals(2 * fields - 1, solver.lowerBandwidth(), "kl for " + fields + " fields");
            assertEquals(2 * fields - 1, solver.upperBandwidth(), "ku for " + fields + " fields");
        }
    }

    @Test
    void rcmRecoversANarrowBandFromFieldMajorNumbering() {
        int points = 120;
        int fields = 3;
        CsrMatrix interleaved = TestMatrices.blockTridiagonal(points, fields, 2L, true);
        CsrMatrix fieldMajor = TestMatrices.permuteSymmetric(interleaved, TestMatrices.fieldMajorOrder(points, fields));
        BandedLuSolver natural = new BandedLuSolver(BandedLuSolver.Ordering.NATURAL);
        natural.analyse(fieldMajor);
        assertTrue(natural.lowerBandwidth() >= 2 * points - 1, "field-major band is wide: " + natural.lowerBandwidth());
        for (BandedLuSolver.Ordering ordering : new BandedLuSolver.Ordering[] {
            BandedLuSolver.Ordering.REVERSE_CUTHILL_MCKEE, BandedLuSolver.Ordering.SMALLER_BAND}) {
            BandedLuSolver solver = new BandedLuSolver(ordering);
            solver.analyse(fieldMajor);
            // The interleaved numbering has bandwidth 2 fields - 1 = 5; RCM on block rows of 3 dense blocks
            // reaches at most one block row more.
            assertTrue(solver.lowerBandwidth() <= 3 * fields - 1 && solver.upperBandwidth() <= 3 * fields - 1,
                    ordering + ": kl " + solver.lowerBandwidth() + ", ku " + solver.upperBandwidth());
            solver.factor(fieldMajor);
            double[] b = TestMatrices.randomVector(points * fields, 3L);
            double[] x = new double[points * fields];
            solver.solve(b, x);
            assertClose(TestMatrices.referenceSolve(fieldMajor, b), x, ordering.toString());
        }
    }

    @Test
    void allOrderingsGiveTheSameSolution() {
        CsrMatrix a = TestMatrices.convectionDiffusion2D(14, 11, 60.0, -25.0);
        double[] b = TestMatrices.randomVector(a.rows(), 4L);
        double[] reference = TestMatrices.referenceSolve(a, b);
        for (BandedLuSolver.Ordering ordering : BandedLuSolver.Ordering.values()) {
            BandedLuSolver solver = new BandedLuSolver(ordering);
            solver.analyse(a);
            solver.factor(a);
            double[] x = new double[a.rows()];
            solver.solve(b, x);
            assertClose(reference, x, ordering.toString());
        }
    }

    @Test
    void tridiagonalSolutionMatchesTheThomasAlgorithm() {
        // -u'' = 1 on (0, 1), u(0) = u(1) = 0 with n interior points: the central difference is exact
        // for quadratics, so x_i = h^2 i (n + 1 - i) / 2.
        int n = 2000;
        TestMatrices.Triplets t = new TestMatrices.Triplets(n, n);
        for (int i = 0; i < n; i++) {
            t.add(i, i, 2.0);
            if (i > 0) {
                t.add(i, i - 1, -1.0);
            }
            if (i < n - 1) {
                t.add(i, i + 1, -1.0);
            }
        }
        CsrMatrix a = t.toCsr();
        double h = 1.0 / (n + 1);
        double[] b = new double[n];
        java.util.Arrays.fill(b, h * h);
        BandedLuSolver solver = new BandedLuSolver();
        solver.analyse(a);
        solver.factor(a);
        double[] x = new double[n];
        solver.solve(b, x);
        double[] exact = new double[n];
        for (int i = 0; i < n; i++) {
            exact[i] = h * h * (i + 1) * (n - i) / 2.0;
        }
        assertClose(exact, x, "Poisson 1D");
        assertEquals(1, solver.lowerBandwidth());
        assertEquals(1, solver.upperBandwidth());
    }

    @Test
    void pivotingFillStaysInTheExtraRows() {
        // Rows 2m and 2m+1 of a diagonally dominant tridiagonal matrix swapped: the diagonal of A
        // is now an off-diagonal of B, partial pivoting must interchange at every other step, and
        // U gains kl extra superdiagonals. Well conditioned (a row permutation of a dominant matrix).
        int n = 301;
        TestMatrices.Triplets t = new TestMatrices.Triplets(n, n);
        for (int i = 0; i < n; i++) {
            int row = i == n - 1 ? i : (i % 2 == 0 ? i + 1 : i - 1);
            t.add(row, i, 4.0 + (i % 5));
            if (i > 0) {
                t.add(row, i - 1, -1.0 - 0.1 * (i % 3));
            }
            if (i < n - 1) {
                t.add(row, i + 1, 1.5);
            }
        }
        CsrMatrix a = t.toCsr();
        BandedLuSolver solver = new BandedLuSolver(BandedLuSolver.Ordering.NATURAL);
        solver.analyse(a);
        assertEquals(2, solver.lowerBandwidth());
        assertEquals(2, solver.upperBandwidth());
        assertSolvesLikeReference(a, 3);
    }

    @Test
    void singularColumnIsNamedInOriginalNumbering() {
        // Columns 3 and 7 equal after reordering must be reported in the caller's numbering.
        int n = 12;
        TestMatrices.Triplets t = new TestMatrices.Triplets(n, n);
        for (int i = 0; i < n; i++) {
            t.add(i, i, 4.0);
            t.add(i, (i + 1) % n, -1.0);
        }
        CsrMatrix a = t.toCsr();
        CsrMatrix singular = a.copy();
        // Zero every value in column 9: structurally present, numerically empty.
        for (int r = 0; r < n; r++) {
            int s = singular.slot(r, 9);
            if (s >= 0) {
                singular.values()[s] = 0.0;
            }
        }
        for (BandedLuSolver.Ordering ordering : BandedLuSolver.Ordering.values()) {
            BandedLuSolver solver = new BandedLuSolver(ordering);
            solver.analyse(a);
            SingularMatrixException e = assertThrows(SingularMatrixException.class, () -> solver.factor(singular));
            assertEquals(9, e.index(), ordering + ": " + e.getMessage());
        }
    }

    @Test
    void orderIsAPermutationCopy() {
        BandedLuSolver solver = new BandedLuSolver(BandedLuSolver.Ordering.REVERSE_CUTHILL_MCKEE);
        solver.analyse(TestMatrices.convectionDiffusion2D(5, 4, 1.0, 1.0));
        int[] order = solver.order();
        int[] sorted = order.clone();
        java.util.Arrays.sort(sorted);
        assertArrayEquals(io.nernst.solvers.ordering.Permutations.identity(20), sorted);
        order[0] = -1;
        assertTrue(solver.order()[0] >= 0, "order() must return a copy");
    }
}
