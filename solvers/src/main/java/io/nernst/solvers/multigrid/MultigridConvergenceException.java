package io.nernst.solvers.multigrid;

/**
 * Thrown when a multigrid solve misses its tolerance within the iteration limit, or when
 * conjugate-gradient acceleration breaks down on an operator that is not positive definite.
 */
public final class MultigridConvergenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int iterations;
    private final double relativeResidual;

    /**
     * @param message          what failed
     * @param iterations       iterations performed
     * @param relativeResidual relative residual reached
     */
    public MultigridConvergenceException(String message, int iterations, double relativeResidual) {
        super(message + " (iterations " + iterations + ", relative residual " + relativeResidual + ")");
        this.iterations = iterations;
        this.relativeResidual = relativeResidual;
    }

    /** Iterations performed. */
    public int iterations() {
        return iterations;
    }

    /** Relative residual reached. */
    public double relativeResidual() {
        return relativeResidual;
    }
}
