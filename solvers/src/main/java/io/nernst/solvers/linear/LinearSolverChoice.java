package io.nernst.solvers.linear;

import io.nernst.solvers.ordering.AdjacencyGraph;
import io.nernst.solvers.ordering.FillReducingOrdering;
import io.nernst.solvers.ordering.SymbolicCholesky;
import io.nernst.solvers.sparse.CsrMatrix;

/**
 * Picks the cheapest direct solver for a sparsity pattern by an operation-count model of one
 * factorisation plus {@value #SOLVES_PER_FACTORIZATION} solves (modified Newton and frequency
 * sweeps both do several solves per factorisation):
 * <ul>
 * <li>dense LU ({@link DenseLuSolver}): (2/3) n^3 + 10 * 2 n^2;</li>
 * <li>band LU ({@link BandedLuSolver}, natural or reverse Cuthill-McKee numbering, whichever gives
 * the narrower band): 2 n kl (kl + ku + 1) + 10 * 2 n (2 kl + ku + 1);</li>
 * <li>sparse LU ({@link SparseLuSolver}, approximate minimum degree): the flops of the symbolic
 * Cholesky factor of A + A^T doubled for LU, plus 10 * 2 nnz(L + U), all weighted by 3 for
 * indirect addressing.</li>
 * </ul>
 * Systems of at most {@value #DENSE_ALWAYS} unknowns always use dense LU.
 */
public final class LinearSolverChoice {
    /** Systems up to this size always get dense LU. */
    public static final int DENSE_ALWAYS = 32;
    private static final int SOLVES_PER_FACTORIZATION = 10;

    private LinearSolverChoice() {
    }

    /**
     * The cheapest of dense, banded and sparse LU for {@code pattern}. The band is measured
     * from the pattern alone ({@link BandedLuSolver#bandwidthsOf}): analysing would allocate the
     * band, which for a large system may not fit. The returned solver is not analysed yet.
     */
    public static LinearSolver cheapestFor(CsrMatrix pattern) {
        int n = pattern.rows();
        if (n <= DENSE_ALWAYS) {
            return new DenseLuSolver();
        }
        double dense = (2.0 / 3.0) * n * (double) n * n + SOLVES_PER_FACTORIZATION * 2.0 * n * (double) n;
        BandedLuSolver banded = new BandedLuSolver(BandedLuSolver.Ordering.SMALLER_BAND);
        double band;
        try {
            int[] bandwidths = banded.bandwidthsOf(pattern);
            double kl = bandwidths[0];
            double ku = bandwidths[1];
            band = 2.0 * n * kl * (kl + ku + 1) + SOLVES_PER_FACTORIZATION * 2.0 * n * (2 * kl + ku + 1);
        } catch (RuntimeException structural) {
            band = Double.POSITIVE_INFINITY;
        }
        AdjacencyGraph graph = AdjacencyGraph.of(pattern);
        int[] order = FillReducingOrdering.APPROXIMATE_MINIMUM_DEGREE.order(graph);
        double choleskyFlops = SymbolicCholesky.factorFlops(graph, order);
        double factorNonZeros = SymbolicCholesky.factorNonZeros(graph, order);
        double sparse = 3.0 * (2.0 * choleskyFlops + SOLVES_PER_FACTORIZATION * 2.0 * 2.0 * factorNonZeros);
        if (dense <= band && dense <= sparse) {
            return new DenseLuSolver();
        }
        return band <= sparse ? banded : new SparseLuSolver(FillReducingOrdering.APPROXIMATE_MINIMUM_DEGREE);
    }
}
