package io.nernst.solvers.linear;

import io.nernst.solvers.sparse.CsrMatrix;

/**
 * Argument checks shared by the direct solvers' factor and solve phases, so that every solver
 * rejects misuse with the same messages. The checks allocate nothing unless they throw.
 */
final class LinearSolverChecks {
    private LinearSolverChecks() {
    }

    /**
     * Checks that {@code analyse} has run and that {@code a} is an n x n matrix with the analysed
     * pattern.
     *
     * @param analysedPattern the pattern given to {@code analyse}, or null if it has not been called
     * @param n               the order of the analysed pattern
     * @throws IllegalStateException    if {@code analysedPattern} is null
     * @throws IllegalArgumentException on other dimensions or a different pattern
     */
    static void requireAnalysedPattern(CsrMatrix analysedPattern, int n, CsrMatrix a) {
        if (analysedPattern == null) {
            throw new IllegalStateException("analyse must be called before factor");
        }
        if (a.rows() != n || a.columns() != n) {
            throw new IllegalArgumentException("matrix is " + a.rows() + " x " + a.columns() + " but the analysed pattern is "
                    + n + " x " + n);
        }
        if (!a.samePattern(analysedPattern)) {
            throw new IllegalArgumentException("matrix pattern differs from the analysed pattern");
        }
    }

    /**
     * Checks that a factorization is available and that both vectors hold at least n entries.
     *
     * @throws IllegalStateException    if {@code factored} is false
     * @throws IllegalArgumentException if {@code rhs} or {@code solution} is shorter than n
     */
    static void requireSolvable(boolean factored, int n, double[] rhs, double[] solution) {
        if (!factored) {
            throw new IllegalStateException("factor must succeed before solve");
        }
        if (rhs.length < n || solution.length < n) {
            throw new IllegalArgumentException("right-hand side and solution need length " + n + ", got " + rhs.length
                    + " and " + solution.length);
        }
    }
}
