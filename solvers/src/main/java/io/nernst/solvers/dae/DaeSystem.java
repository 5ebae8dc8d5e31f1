package io.nernst.solvers.dae;

import io.nernst.solvers.sparse.CsrMatrix;

/**
 * A fully implicit differential-algebraic system F(t, y, y') = 0 of index at most one.
 *
 * <p>Implementations must not allocate in {@link #residual} or {@link #jacobian}: the
 * integrator calls them in its inner Newton loop with caller-owned arrays.
 */
public interface DaeSystem {

    /** Number of unknowns (and of equations). */
    int dimension();

    /** True for algebraic components: F does not depend on y'_i. */
    boolean isAlgebraic(int component);

    /** Writes F(t, y, y') into {@code residual}. */
    void residual(double t, double[] y, double[] yDot, double[] residual);

    /**
     * The sparsity pattern of dF/dy + cj dF/dy' (values ignored; must include the diagonal
     * of every differential component). The same instance on every call.
     */
    CsrMatrix jacobianPattern();

    /** True when {@link #jacobian} is implemented; otherwise the integrator uses coloured differences. */
    default boolean hasAnalyticJacobian() {
        return false;
    }

    /**
     * Writes dF/dy + cj dF/dy' into {@code jacobian}, a matrix with {@link #jacobianPattern()}'s pattern.
     */
    default void jacobian(double t, double[] y, double[] yDot, double cj, CsrMatrix jacobian) {
        throw new UnsupportedOperationException("no analytic Jacobian");
    }
}
