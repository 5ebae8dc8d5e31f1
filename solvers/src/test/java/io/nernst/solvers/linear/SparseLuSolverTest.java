package io.nernst.solvers.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.solvers.ordering.AdjacencyGraph;
import io.nernst.solvers.ordering.FillReducingOrdering;
import io.nernst.solvers.ordering.Permutations;
import io.nernst.solvers.ordering.SymbolicCholesky;
import io.nernst.solvers.sparse.CsrMatrix;
import org.junit.jupiter.api.Test;

/** Conformance suite (default: AMD, threshold 0.1) plus sparse-LU specific checks. */
class SparseLuSolverTest extends LinearSolverConformanceTest {
    @Override
    protected LinearSolver newSolver() {
        return new SparseLuSolver();
    }

    @Test
    void diagonalPivotsOnAnMMatrixReproduceTheSymbolicCholeskyPattern() {
        // Upwind convection-diffusion is a column diagonally dominant M-matrix... row-wise; with
        // threshold 0.1 the diagonal always passes, so L and U^T have exactly the pattern of the
        // Cholesky factor of A + A^T under the same ordering.
        CsrMatrix a = TestMatrices.convectionDiffusion2D(40, 30, 20.0, 5.0);
        for (FillReducingOrdering ordering : FillReducingOrdering.values()) {
            SparseLuSolver solver = new SparseLuSolver(ordering);
            solver.analyse(a);
            solver.factor(a);
            long cholesky = SymbolicCholesky.factorNonZeros(AdjacencyGraph.of(a), solver.columnOrder());
            assertEquals(cholesky - a.rows(), solver.lowerNonZeros(), ordering + " L");
            assertEquals(cholesky, solver.upperNonZeros(), ordering + " U");
        }
    }

    @Test
    void amdFactorIsMuchSparserThanNatural() {
        CsrMatrix a = TestMatrices.convectionDiffusion2D(64, 64, 0.0, 0.0);
        SparseLuSolver amd = new SparseLuSolver(FillReducingOrdering.APPROXIMATE_MINIMUM_DEGREE);
        SparseLuSolver natural = new SparseLuSolver(FillReducingOrdering.NATURAL);
        for (SparseLuSolver s : new SparseLuSolver[] {amd, natural}) {
            s.analyse(a);
            s.factor(a);
        }
        // Natural: the band fills, about 64 entries per column in each of L and U.
        assertTrue(natural.lowerNonZeros() > 60 * a.rows(), "natural L " + natural.lowerNonZeros());
        assertTrue(amd.lowerNonZeros() < 0.3 * natural.lowerNonZeros(),
                "AMD L " + amd.lowerNonZeros() + " vs natural " + natural.lowerNonZeros());
    }

    @Test
    void refactorReusesThePivotSequenceUntilAPivotBecomesUnacceptable() {
        int points = 40;
        int fields = 3;
        CsrMatrix dominant = TestMatrices.blockTridiagonal(points, fields, 5L);
        SparseLuSolver solver = new SparseLuSolver();
        solver.analyse(dominant);
        solver.factor(dominant);
        assertEquals(1, solver.freshFactorizations());
        CsrMatrix work = dominant.withSamePattern();
        for (int i = 0; i < 3; i++) {
            // +-10 % changes keep every diagonal far above 0.1 x the column's other entries.
            TestMatrices.perturbValues(dominant, work, 0.1, 10 + i);
            solver.factor(work);
            assertSolution(solver, work, 20 + i);
        }
        assertEquals(1, solver.freshFactorizations());
        assertEquals(3, solver.reusedFactorizations());
        // Move the dominant entries off the diagonal: the old diagonal pivots are now tiny.
        CsrMatrix shifted = TestMatrices.blockTridiagonal(points, fields, 5L, true);
        assertTrue(shifted.samePattern(dominant));
        solver.factor(shifted);
        assertEquals(2, solver.freshFactorizations(), "pivots must be chosen afresh");
        assertSolution(solver, shifted, 30);
        solver.factor(shifted);
        assertEquals(4, solver.reusedFactorizations(), "the new sequence is reused in turn");
    }

    @Test
    void largerConvectionDominatedProblemHasSmallForwardError() {
        // Manufactured solution on 3600 unknowns (too large for the dense reference in a unit test).
        CsrMatrix a = TestMatrices.convectionDiffusion2D(60, 60, 500.0, -300.0);
        double[] exact = TestMatrices.randomVector(a.rows(), 40L);
        double[] b = new double[a.rows()];
        a.multiply(exact, b);
        for (FillReducingOrdering ordering : FillReducingOrdering.values()) {
            SparseLuSolver solver = new SparseLuSolver(ordering);
            solver.analyse(a);
            solver.factor(a);
            double[] x = new double[a.rows()];
            solver.solve(b, x);
            assertClose(exact, x, ordering.toString());
        }
    }

    @Test
    void offDiagonalTransversalIsPreferred() {
        // Diagonal structurally absent everywhere; the transversal finds the cyclic shift and the
        // solver must pivot on it without fresh pivoting on the second factorisation.
        CsrMatrix a = TestMatrices.needsPivoting(200, 4, 41L);
        SparseLuSolver solver = new SparseLuSolver();
        solver.analyse(a);
        solver.factor(a);
        assertSolution(solver, a, 42);
        solver.factor(a);
        assertEquals(1, solver.reusedFactorizations());
    }

    @Test
    void columnOrderIsAPermutation() {
        SparseLuSolver solver = new SparseLuSolver();
        solver.analyse(TestMatrices.needsPivoting(100, 3, 50L));
        assertTrue(Permutations.isPermutation(solver.columnOrder(), 100));
    }

    @Test
    void invalidThresholdsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SparseLuSolver(FillReducingOrdering.NATURAL, 0.0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new SparseLuSolver(FillReducingOrdering.NATURAL, 0.1, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new SparseLuSolver(null, 0.1, 0.1));
    }

    private static void assertSolution(LinearSolver solver, CsrMatrix a, long seed) {
        double[] b = TestMatrices.randomVector(a.rows(), seed);
        double[] x = new double[a.rows()];
        solver.solve(b, x);
        assertClose(TestMatrices.referenceSolve(a, b), x, "seed " + seed);
    }
}
