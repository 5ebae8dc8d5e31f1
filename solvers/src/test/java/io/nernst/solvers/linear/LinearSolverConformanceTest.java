package io.nernst.solvers.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.nernst.solvers.sparse.CsrMatrix;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every {@link LinearSolver} must show. A subclass supplies {@link #newSolver()};
 * all tests then run against that implementation.
 *
 * <p>Accuracy: every solution is compared with EJML's dense LU with partial pivoting
 * ({@link TestMatrices#referenceSolve}) and must agree to {@value #RELATIVE_TOLERANCE} in the
 * relative 2-norm, ||x - x_ref|| / ||x_ref||. Life cycle: analyse once, factor many times
 * with refilled values, several right-hand sides per factorisation. Failures: singular
 * matrices raise {@link SingularMatrixException} naming the row or column, dimension
 * mismatches and NaN/Inf entries raise {@link IllegalArgumentException}.
 */
public abstract class LinearSolverConformanceTest {
    /** Required agreement with the dense reference, relative 2-norm of the solution. */
    protected static final double RELATIVE_TOLERANCE = 1e-10;

    /** A fresh, un-analysed solver of the implementation under test. */
    protected abstract LinearSolver newSolver();

    // ---------------------------------------------------------------- accuracy

    @Test
    void randomDiagonallyDominantMatchesDenseReference() {
        assertSolvesLikeReference(TestMatrices.randomDiagonallyDominant(1, 0, 1L), 3);
        assertSolvesLikeReference(TestMatrices.randomDiagonallyDominant(7, 3, 2L), 3);
        assertSolvesLikeReference(TestMatrices.randomDiagonallyDominant(120, 5, 3L), 3);
        assertSolvesLikeReference(TestMatrices.randomDiagonallyDominant(300, 2, 4L), 2);
    }

    @Test
    void convectionDiffusion2DMatchesDenseReference() {
        // Cell Peclet numbers 0, about 1 and about 20: from diffusion- to convection-dominated.
        assertSolvesLikeReference(TestMatrices.convectionDiffusion2D(9, 7, 0.0, 0.0), 2);
        assertSolvesLikeReference(TestMatrices.convectionDiffusion2D(15, 15, 30.0, -10.0), 2);
        assertSolvesLikeReference(TestMatrices.convectionDiffusion2D(20, 17, -800.0, 400.0), 2);
    }

    @Test
    void blockTridiagonalTwoAndThreeFieldsMatchDenseReference() {
        assertSolvesLikeReference(TestMatrices.blockTridiagonal(60, 2, 11L), 3);
        assertSolvesLikeReference(TestMatrices.blockTridiagonal(50, 3, 12L), 3);
        assertSolvesLikeReference(TestMatrices.blockTridiagonal(1, 3, 13L), 2);
    }

    @Test
    void blockTridiagonalWithOffDiagonalDominanceNeedsPivoting() {
        assertSolvesLikeReference(TestMatrices.blockTridiagonal(40, 2, 21L, true), 2);
        assertSolvesLikeReference(TestMatrices.blockTridiagonal(40, 3, 22L, true), 2);
    }

    @Test
    void zeroAndTinyDiagonalNeedPivoting() {
        assertSolvesLikeReference(TestMatrices.needsPivoting(2, 1, 31L), 2);
        assertSolvesLikeReference(TestMatrices.needsPivoting(40, 3, 32L), 2);
        assertSolvesLikeReference(TestMatrices.needsPivoting(150, 4, 33L), 2);
    }

    @Test
    void permutationMatrixIsSolvedExactly() {
        // Pure row exchange: every diagonal entry is structurally zero.
        int n = 9;
        TestMatrices.Triplets t = new TestMatrices.Triplets(n, n);
        for (int i = 0; i < n; i++) {
            t.add(i, (i + 4) % n, i + 1.0);
        }
        CsrMatrix a = t.toCsr();
        LinearSolver solver = newSolver();
        solver.analyse(a);
        solver.factor(a);
        double[] b = TestMatrices.randomVector(n, 41L);
        double[] x = new double[n];
        solver.solve(b, x);
        for (int i = 0; i < n; i++) {
            assertEquals(b[i] / (i + 1.0), x[(i + 4) % n], 1e-15 * Math.abs(x[(i + 4) % n]), "x[" + ((i + 4) % n) + "]");
        }
    }

    // ---------------------------------------------------------------- life cycle

    @Test
    void analyseOnceFactorManyTimesWithRefilledValues() {
        CsrMatrix[] bases = {
            TestMatrices.convectionDiffusion2D(12, 10, 50.0, 20.0),
            TestMatrices.blockTridiagonal(45, 3, 51L, true),
            TestMatrices.needsPivoting(80, 4, 52L),
        };
        for (CsrMatrix base : bases) {
            LinearSolver solver = newSolver();
            solver.analyse(base.withSamePattern()); // analysis must ignore values
            CsrMatrix work = base.withSamePattern();
            for (int refill = 0; refill < 5; refill++) {
                // Spread 0.9 changes magnitudes enough that pivot choices can change.
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
    }

    @Test
    void refillAfterSwappingDominantEntriesForcesNewPivots() {
        // First factor a diagonally dominant matrix, then refill the same pattern so that the
        // dominant entries sit off the diagonal: any reused pivot sequence would be unstable.
        int points = 30;
        int fields = 3;
        CsrMatrix dominant = TestMatrices.blockTridiagonal(points, fields, 61L);
        CsrMatrix shifted = TestMatrices.blockTridiagonal(points, fields, 61L, true);
        // Both on the union pattern so the solver sees one pattern.
        CsrMatrix pattern = union(dominant, shifted);
        CsrMatrix first = pattern.withSamePattern();
        CsrMatrix second = pattern.withSamePattern();
        copyInto(dominant, first);
        copyInto(shifted, second);
        LinearSolver solver = newSolver();
        solver.analyse(pattern);
        for (CsrMatrix a : new CsrMatrix[] {first, second, first, second}) {
            solver.factor(a);
            double[] b = TestMatrices.randomVector(a.rows(), 62L);
            double[] x = new double[a.rows()];
            solver.solve(b, x);
            assertClose(TestMatrices.referenceSolve(a, b), x, "alternating pivot sequences");
        }
    }

    @Test
    void solveLeavesRhsUntouchedAndAllowsAliasing() {
        CsrMatrix a = TestMatrices.needsPivoting(50, 3, 71L);
        LinearSolver solver = newSolver();
        solver.analyse(a);
        solver.factor(a);
        double[] b = TestMatrices.randomVector(50, 72L);
        double[] bCopy = b.clone();
        double[] x = new double[50];
        solver.solve(b, x);
        assertArrayEquals(bCopy, b, 0.0, "rhs modified by solve");
        double[] inPlace = b.clone();
        solver.solve(inPlace, inPlace);
        assertArrayEquals(x, inPlace, 1e-14 * norm(x), "aliased solve differs");
    }

    @Test
    void factorBeforeAnalyseAndSolveBeforeFactorAreRejected() {
        CsrMatrix a = TestMatrices.randomDiagonallyDominant(10, 2, 81L);
        LinearSolver solver = newSolver();
        assertThrows(IllegalStateException.class, () -> solver.factor(a));
        solver.analyse(a);
        assertThrows(IllegalStateException.class, () -> solver.solve(new double[10], new double[10]));
    }

    @Test
    void nameIsNonEmpty() {
        String name = newSolver().name();
        assertTrue(name != null && !name.isBlank(), "name() must be a short non-empty label");
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void nonSquareMatrixIsRejected() {
        TestMatrices.Triplets t = new TestMatrices.Triplets(4, 5);
        for (int i = 0; i < 4; i++) {
            t.add(i, i, 1.0);
        }
        CsrMatrix a = t.toCsr();
        assertThrows(IllegalArgumentException.class, () -> newSolver().analyse(a));
    }

    @Test
    void dimensionMismatchesAreRejected() {
        CsrMatrix a = TestMatrices.randomDiagonallyDominant(12, 3, 91L);
        CsrMatrix other = TestMatrices.randomDiagonallyDominant(13, 3, 92L);
        LinearSolver solver = newSolver();
        solver.analyse(a);
        assertThrows(IllegalArgumentException.class, () -> solver.factor(other), "factor of a 13 x 13 after analysing 12 x 12");
        solver.factor(a);
        assertThrows(IllegalArgumentException.class, () -> solver.solve(new double[11], new double[12]), "short rhs");
        assertThrows(IllegalArgumentException.class, () -> solver.solve(new double[12], new double[11]), "short solution");
    }

    @Test
    void differentPatternOfSameSizeIsRejected() {
        CsrMatrix a = TestMatrices.randomDiagonallyDominant(12, 3, 93L);
        CsrMatrix other = TestMatrices.randomDiagonallyDominant(12, 3, 94L);
        LinearSolver solver = newSolver();
        solver.analyse(a);
        assertThrows(IllegalArgumentException.class, () -> solver.factor(other));
    }

    @Test
    void nanAndInfiniteEntriesAreRejectedNamingTheEntry() {
        CsrMatrix a = TestMatrices.randomDiagonallyDominant(20, 3, 95L);
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            LinearSolver solver = newSolver();
            solver.analyse(a);
            CsrMatrix work = a.copy();
            int row = 13;
            int slot = work.rowStart()[row];
            int column = work.columnIndex()[slot];
            work.values()[slot] = bad;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> solver.factor(work));
            assertTrue(e.getMessage().contains("row " + row) && e.getMessage().contains("column " + column),
                    "message should name row " + row + " and column " + column + ": " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- singular matrices

    @Test
    void emptyRowIsReportedByRow() {
        int n = 30;
        int row = 17;
        SingularMatrixException e = expectSingular(TestMatrices.singularEmptyRow(n, row, 101L));
        assertEquals(row, e.index(), "index of the empty row: " + e.getMessage());
        assertTrue(e.getMessage().contains("row " + row), "message should name row " + row + ": " + e.getMessage());
    }

    @Test
    void emptyColumnIsReportedByColumn() {
        int n = 30;
        int column = 8;
        SingularMatrixException e = expectSingular(TestMatrices.singularEmptyColumn(n, column, 102L));
        assertEquals(column, e.index(), "index of the empty column: " + e.getMessage());
        assertTrue(e.getMessage().contains("column " + column), "message should name column " + column + ": " + e.getMessage());
    }

    @Test
    void structuralRankDeficiencyIsReported() {
        int n = 25;
        SingularMatrixException e = expectSingular(TestMatrices.structurallyRankDeficient(n, 4, 19, 11, 103L));
        assertIndexNamed(e, n);
    }

    @Test
    void equalRowsAreNumericallySingular() {
        int n = 40;
        SingularMatrixException e = expectSingular(TestMatrices.singularEqualRows(n, 5, 33, 104L));
        assertIndexNamed(e, n);
    }

    @Test
    void solveAfterFailedFactorIsRejected() {
        CsrMatrix bad = TestMatrices.singularEqualRows(20, 3, 9, 105L);
        // Same pattern, every value scaled by its own random factor: rows 3 and 9 now differ.
        CsrMatrix good = bad.withSamePattern();
        TestMatrices.perturbValues(bad, good, 0.5, 107L);
        LinearSolver solver = newSolver();
        solver.analyse(good);
        solver.factor(good);
        assertThrows(SingularMatrixException.class, () -> solver.factor(bad));
        assertThrows(IllegalStateException.class, () -> solver.solve(new double[20], new double[20]),
                "solve must not silently use a stale or partial factorisation");
        solver.factor(good);
        double[] b = TestMatrices.randomVector(20, 106L);
        double[] x = new double[20];
        solver.solve(b, x);
        assertClose(TestMatrices.referenceSolve(good, b), x, "recovered after singular factor");
    }

    // ---------------------------------------------------------------- helpers

    /** Analyses, factors and solves {@code rhsCount} random right-hand sides against the reference. */
    protected void assertSolvesLikeReference(CsrMatrix a, int rhsCount) {
        LinearSolver solver = newSolver();
        solver.analyse(a);
        solver.factor(a);
        for (int r = 0; r < rhsCount; r++) {
            double[] b = TestMatrices.randomVector(a.rows(), 7919L * r + a.nonZeros());
            double[] x = new double[a.rows()];
            solver.solve(b, x);
            assertClose(TestMatrices.referenceSolve(a, b), x, a + " rhs " + r);
        }
    }

    protected static void assertClose(double[] reference, double[] x, String what) {
        double error = TestMatrices.relativeError(x, reference);
        if (!(error <= RELATIVE_TOLERANCE)) {
            fail(what + ": relative error " + error + " exceeds " + RELATIVE_TOLERANCE);
        }
    }

    /** Runs analyse and factor, which together must detect the singularity. */
    private SingularMatrixException expectSingular(CsrMatrix a) {
        LinearSolver solver = newSolver();
        try {
            solver.analyse(a);
            solver.factor(a);
        } catch (SingularMatrixException e) {
            return e;
        }
        return fail("no SingularMatrixException for a singular " + a);
    }

    private static void assertIndexNamed(SingularMatrixException e, int n) {
        assertTrue(e.index() >= 0 && e.index() < n, "index " + e.index() + " outside 0.." + (n - 1));
        assertTrue(e.getMessage().contains(Integer.toString(e.index())),
                "message should name the index " + e.index() + ": " + e.getMessage());
    }

    private static double norm(double[] x) {
        double s = 0.0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    private static CsrMatrix union(CsrMatrix a, CsrMatrix b) {
        TestMatrices.Triplets t = new TestMatrices.Triplets(a.rows(), a.columns());
        for (CsrMatrix m : new CsrMatrix[] {a, b}) {
            for (int i = 0; i < m.rows(); i++) {
                for (int p = m.rowStart()[i]; p < m.rowStart()[i + 1]; p++) {
                    t.add(i, m.columnIndex()[p], 0.0);
                }
            }
        }
        return t.toCsr();
    }

    private static void copyInto(CsrMatrix source, CsrMatrix target) {
        target.zeroValues();
        for (int i = 0; i < source.rows(); i++) {
            for (int p = source.rowStart()[i]; p < source.rowStart()[i + 1]; p++) {
                target.values()[target.slot(i, source.columnIndex()[p])] = source.values()[p];
            }
        }
    }
}
