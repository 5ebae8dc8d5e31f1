package io.nernst.models.deposition;

/**
 * A deposition step failed (coupling or Newton iteration did not converge). The model keeps the
 * state of the last completed step, so a run can stop cleanly and keep its outputs.
 */
public final class DepositionSolverException extends io.nernst.core.error.SolverFailureException {
    private static final long serialVersionUID = 1L;
    private final double time;

    /**
     * @param message what failed
     * @param time    simulated time of the last completed step [s]
     */
    public DepositionSolverException(String message, double time) {
        super(message);
        this.time = time;
    }

    /** Simulated time of the last completed step [s]. */
    public double time() {
        return time;
    }
}
