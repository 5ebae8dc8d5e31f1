package io.nernst.solvers.precond;

import io.nernst.solvers.sparse.CsrMatrix;

/**
 * A preconditioner {@code M ~ A} for a square sparse matrix, applied as {@code z = M^-1 r}.
 *
 * <p>The life cycle mirrors {@link io.nernst.solvers.linear.LinearSolver}: {@link #analyse}
 * once per sparsity pattern (allocates every array the preconditioner will ever need),
 * {@link #setup} whenever the values change, {@link #apply} as often as the Krylov method asks.
 * After the first {@code setup} for a pattern, neither {@code setup} nor {@code apply}
 * allocates.
 */
public interface Preconditioner {

    /**
     * Structural set-up for a pattern; values are ignored. Allocates all workspaces.
     *
     * @throws IllegalArgumentException if the matrix is not square
     */
    void analyse(CsrMatrix pattern);

    /**
     * Numeric set-up from the values of {@code matrix}. When the pattern differs from the
     * analysed one (or nothing was analysed yet), {@link #analyse} is run first, and only then
     * does this method allocate.
     *
     * @throws IllegalArgumentException if a value is not finite (naming row and column)
     * @throws io.nernst.solvers.linear.SingularMatrixException if the preconditioner cannot be
     *         built because of a zero pivot; the exception names the row
     */
    void setup(CsrMatrix matrix);

    /**
     * Computes {@code z = M^-1 r}. {@code r} and {@code z} may be the same array; {@code r} is
     * otherwise left unchanged. Allocation-free.
     *
     * @throws IllegalStateException if {@link #setup} has not succeeded
     */
    void apply(double[] r, double[] z);

    /** Short name for reports and benchmarks, e.g. "ilu0". */
    String name();
}
