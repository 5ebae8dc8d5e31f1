package io.nernst.solvers.krylov;

/**
 * Thrown when a Krylov solver stops without reaching its relative residual tolerance: the
 * iteration limit was hit, the residual became non-finite, or the method broke down (see
 * {@link KrylovBreakdownException}). The solution array then holds the last iterate.
 *
 * <p>Extends {@link ArithmeticException}, like
 * {@link io.nernst.solvers.linear.SingularMatrixException}, so a Newton iteration can treat
 * "the linear solve failed" uniformly.
 */
public class KrylovConvergenceException extends ArithmeticException {
    private static final long serialVersionUID = 1L;
    private final int iterations;
    private final double relativeResidual;
    private final double tolerance;

    /**
     * @param solverName       name of the solver, e.g. "gmres(30)-ilu0"
     * @param reason           why it stopped, e.g. "iteration limit reached"
     * @param iterations       iterations performed
     * @param relativeResidual relative residual ||b - A x|| / ||b|| reached
     * @param tolerance        the relative tolerance that was asked for
     */
    public KrylovConvergenceException(String solverName, String reason, int iterations, double relativeResidual,
            double tolerance) {
        super(solverName + " did not converge (" + reason + "): relative residual " + relativeResidual
                + " after " + iterations + " iterations, tolerance " + tolerance);
        this.iterations = iterations;
        this.relativeResidual = relativeResidual;
        this.tolerance = tolerance;
    }

    /** Iterations performed before giving up. */
    public int iterations() {
        return iterations;
    }

    /** Relative residual ||b - A x|| / ||b|| of the last iterate. */
    public double relativeResidual() {
        return relativeResidual;
    }

    /** Relative tolerance that was not reached. */
    public double tolerance() {
        return tolerance;
    }
}
