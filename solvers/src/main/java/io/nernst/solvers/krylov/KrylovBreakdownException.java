package io.nernst.solvers.krylov;

/**
 * Thrown when a Krylov recurrence breaks down: a quantity it must divide by vanished (for
 * BiCGSTAB {@code rho = (r0~, r)}, {@code (r0~, A p)} or {@code omega}; for GMRES a Hessenberg
 * column that is zero, i.e. a singular (preconditioned) matrix). Names the quantity.
 */
public class KrylovBreakdownException extends KrylovConvergenceException {
    private static final long serialVersionUID = 1L;
    private final String quantity;

    /**
     * @param solverName       name of the solver
     * @param quantity         the vanishing quantity and what it means
     * @param iterations       iterations performed
     * @param relativeResidual relative residual reached
     * @param tolerance        relative tolerance asked for
     */
    public KrylovBreakdownException(String solverName, String quantity, int iterations, double relativeResidual,
            double tolerance) {
        super(solverName, "breakdown: " + quantity, iterations, relativeResidual, tolerance);
        this.quantity = quantity;
    }

    /** The quantity that vanished, e.g. "omega = (t, s) / (t, t) = 0". */
    public String quantity() {
        return quantity;
    }
}
