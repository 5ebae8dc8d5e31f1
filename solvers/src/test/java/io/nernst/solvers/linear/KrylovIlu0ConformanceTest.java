package io.nernst.solvers.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.solvers.krylov.KrylovConvergenceException;
import io.nernst.solvers.sparse.CsrMatrix;
import org.junit.jupiter.api.Test;

/**
 * The linear-solver conformance suite for the ILU(0)-preconditioned Krylov solvers (owned by the
 * krylov branch; the suite itself is not modified).
 *
 * <p>Settings: relative residual tolerance {@value #KRYLOV_TOLERANCE}, which on these
 * well-conditioned matrices puts the solution within the suite's 1e-10 of the dense reference.
 *
 * <p>Overridden tests, each for a reason inherent to the method, not to pass:
 * <ul>
 *   <li>ILU(0) does no pivoting: on matrices with zero diagonals (the permutation matrix, the
 *       {@code needsPivoting} family) it must fail loudly with a {@link SingularMatrixException}
 *       naming the row, which is what the overrides assert. The life-cycle tests that happen to
 *       use such a matrix are rerun on matrices ILU(0) can factor, plus that assertion.</li>
 *   <li>An iterative solver can only detect numerical singularity that ILU(0) does not expose
 *       by failing to converge in {@code solve}: {@link #solveAfterFailedFactorIsRejected} accepts
 *       either a {@link SingularMatrixException} from {@code factor} (then {@code solve} must be
 *       refused) or a {@link KrylovConvergenceException} from {@code solve}.</li>
 * </ul>
 */
abstract class KrylovIlu0ConformanceTest extends LinearSolverConformanceTest {
    /** Relative residual tolerance of the solvers under test. */
    static final double KRYLOV_TOLERANCE = 1e-12;

    /** ILU(0) has no pivots to exchange: a permutation matrix fails at row 0 (zero diagonal). */
    @Test
    @Override
    void permutationMatrixIsSolvedExactly() {
        int n = 9;
        TestMatrices.Triplets t = new TestMatrices.Triplets(n, n);
        for (int i = 0; i < n; i++) {
            t.add(i, (i + 4) % n, i + 1.0);
        }
        CsrMatrix a = t.toCsr();
        LinearSolver solver = newSolver();
        solver.analyse(a);
        SingularMatrixException e = assertThrows(SingularMatrixException.class, () -> solver.factor(a));
        assertEquals(0, e.index());
        assertTrue(e.getMessage().contains("row 0"), e.getMessage());
    }

    /** Zero diagonals: ILU(0) must refuse, naming a row whose diagonal is zero. */
    @Test
    @Override
    void zeroAndTinyDiagonalNeedPivoting() {
        for (CsrMatrix a : new CsrMatrix[] {TestMatrices.needsPivoting(2, 1, 31L), TestMatrices.needsPivoting(40, 3, 32L),
                TestMatrices.needsPivoting(150, 4, 33L)}) {
            assertIlu0RefusesZeroDiagonal(a);
        }
    }

    private void assertIlu0RefusesZeroDiagonal(CsrMatrix a) {
        LinearSolver solver = newSolver();
        solver.analyse(a);
        SingularMatrixException e = assertThrows(SingularMatrixException.class, () -> solver.factor(a));
        assertTrue(e.index() >= 0 && e.index() < a.rows());
        assertTrue(e.getMessage().contains("row " + e.index()), e.getMessage());
        assertEquals(0.0, a.get(e.index(), e.index()), "the refused row has a zero diagonal");
    }

    /** The base version's third matrix ({@code needsPivoting}) needs pivoting; the other two are kept. */
    @Test
    @Override
    void analyseOnceFactorManyTimesWithRefilledValues() {
        CsrMatrix[] bases = {
            TestMatrices.convectionDiffusion2D(12, 10, 50.0, 20.0),
            TestMatrices.blockTridiagonal(45, 3, 51L, true),
            TestMatrices.randomDiagonallyDominant(80, 4, 52L),
        };
        for (CsrMatrix base : bases) {
            LinearSolver solver = newSolver();
            solver.analyse(base.withSamePattern());
            CsrMatrix work = base.withSamePattern();
            for (int refill = 0; refill < 5; refill++) {
                TestMatrices.perturbValues(base, work, refill == 0 ? 0.0 : 0.9, 100 + refill);
                solver.factor(work);
                for (int r = 0; r < 3; r++) {
                    double[] b = TestMatrices.randomVector(base.rows(), 1000L * refill + r);
                    double[] x = new double[base.rows()];
                    solver.solve(b, x);
                    assertClose(TestMatrices.referenceSolve(work, b), x, base + " refill " + refill + " rhs " + r);
                }
            }
        }
        assertIlu0RefusesZeroDiagonal(TestMatrices.needsPivoting(80, 4, 52L));
    }

    /** Same checks as the base version on a matrix ILU(0) can factor. */
    @Test
    @Override
    void solveLeavesRhsUntouchedAndAllowsAliasing() {
        CsrMatrix a = TestMatrices.blockTridiagonal(17, 3, 71L, true);
        LinearSolver solver = newSolver();
        solver.analyse(a);
        solver.factor(a);
        double[] b = TestMatrices.randomVector(a.rows(), 72L);
        double[] bCopy = b.clone();
        double[] x = new double[a.rows()];
        solver.solve(b, x);
        assertArrayEquals(bCopy, b, 0.0, "rhs modified by solve");
        assertClose(TestMatrices.referenceSolve(a, b), x, "aliasing test matrix");
        double[] inPlace = b.clone();
        solver.solve(inPlace, inPlace);
        assertArrayEquals(x, inPlace, 0.0, "aliased solve differs");
    }

    /**
     * Rows 3 and 9 made equal on a pattern holding both rows' entries and every diagonal, so
     * ILU(0) can be attempted. A singular matrix must end in an {@link ArithmeticException}:
     * either ILU(0) meets the zero pivot (then solve is refused until a good factor), or solve
     * fails to converge. Either way the solver recovers on the next good matrix.
     */
    @Test
    @Override
    void solveAfterFailedFactorIsRejected() {
        int n = 20;
        CsrMatrix dominant = TestMatrices.randomDiagonallyDominant(n, 4, 105L);
        TestMatrices.Triplets pattern = new TestMatrices.Triplets(n, n);
        for (int i = 0; i < n; i++) {
            int[] sources = i == 3 || i == 9 ? new int[] {3, 9} : new int[] {i};
            for (int source : sources) {
                for (int p = dominant.rowStart()[source]; p < dominant.rowStart()[source + 1]; p++) {
                    pattern.add(i, dominant.columnIndex()[p], 0.0);
                }
            }
            pattern.add(i, i, 0.0);
        }
        CsrMatrix good = pattern.toCsr();
        for (int i = 0; i < n; i++) {
            for (int p = dominant.rowStart()[i]; p < dominant.rowStart()[i + 1]; p++) {
                good.values()[good.slot(i, dominant.columnIndex()[p])] = dominant.values()[p];
            }
        }
        CsrMatrix bad = good.copy();
        for (int p = bad.rowStart()[9]; p < bad.rowStart()[10]; p++) {
            bad.values()[p] = good.get(3, bad.columnIndex()[p]);
        }
        LinearSolver solver = newSolver();
        solver.analyse(good);
        solver.factor(good);
        boolean factorFailed;
        try {
            solver.factor(bad);
            factorFailed = false;
        } catch (SingularMatrixException e) {
            factorFailed = true;
        }
        if (factorFailed) {
            assertThrows(IllegalStateException.class, () -> solver.solve(new double[n], new double[n]),
                    "solve must not silently use a stale or partial factorisation");
        } else {
            double[] b = TestMatrices.randomVector(n, 108L); // b_3 != b_9: no solution exists
            assertThrows(KrylovConvergenceException.class, () -> solver.solve(b, new double[n]));
        }
        solver.factor(good);
        double[] b = TestMatrices.randomVector(n, 106L);
        double[] x = new double[n];
        solver.solve(b, x);
        assertClose(TestMatrices.referenceSolve(good, b), x, "recovered after singular matrix");
    }
}
