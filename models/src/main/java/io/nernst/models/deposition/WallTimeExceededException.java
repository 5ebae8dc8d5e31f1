package io.nernst.models.deposition;

/**
 * A step was abandoned because the run's wall-clock deadline passed during it
 * ({@link DepositionModel#setDeadline(long)}). The model is restored to the last completed step, so
 * the run stops cleanly with its outputs; unlike a {@link DepositionSolverException} this is not
 * retried with a shorter step.
 */
public final class WallTimeExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final double time;

    /**
     * @param message what was interrupted
     * @param time    simulated time of the last completed step [s]
     */
    public WallTimeExceededException(String message, double time) {
        super(message);
        this.time = time;
    }

    /** Simulated time of the last completed step [s]. */
    public double time() {
        return time;
    }
}
