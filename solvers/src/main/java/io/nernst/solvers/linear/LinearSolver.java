package io.nernst.solvers.linear;

import io.nernst.solvers.sparse.CsrMatrix;

/**
 * A solver for square sparse systems A x = b with a three-phase life cycle that matches
 * how Newton iterations use it: {@link #analyse} once per sparsity pattern (orderings,
 * symbolic factorisation, workspace allocation), {@link #factor} whenever the values change
 * (numeric factorisation, or preconditioner set-up for iterative solvers), and
 * {@link #solve} for as many right-hand sides as needed. {@code factor} and {@code solve}
 * allocate nothing once {@code analyse} has run.
 *
 * <p>Failures are never silent: a dimension mismatch or non-finite entry raises
 * {@link IllegalArgumentException}, a singular matrix raises
 * {@link SingularMatrixException} naming the offending row or column.
 */
public interface LinearSolver {

    /**
     * Symbolic analysis of a pattern; values are ignored.
     *
     * @throws IllegalArgumentException  if the matrix is not square
     * @throws SingularMatrixException   if the pattern is structurally singular
     */
    void analyse(CsrMatrix pattern);

    /**
     * Numeric factorisation of a matrix with the analysed pattern.
     *
     * @throws IllegalStateException    if {@link #analyse} has not been called
     * @throws IllegalArgumentException on a different pattern or a non-finite value
     * @throws SingularMatrixException  if the matrix is numerically singular
     */
    void factor(CsrMatrix matrix);

    /**
     * Solves A x = b with the last factored matrix. {@code rhs} is not modified; {@code solution}
     * may be the same array as {@code rhs}.
     */
    void solve(double[] rhs, double[] solution);

    /** Short name for reports and benchmarks, e.g. "banded-lu". */
    String name();
}
