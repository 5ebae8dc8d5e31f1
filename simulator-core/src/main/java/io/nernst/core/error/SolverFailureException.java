package io.nernst.core.error;

/**
 * A run could not continue: the integrator failed, an accepted state left its physical range
 * (the message names the quantity, the place and the time), or a start-up solve did not converge.
 */
public class SolverFailureException extends RuntimeException implements NernstError {
    private static final long serialVersionUID = 1L;

    public SolverFailureException(String message) {
        super(message);
    }

    public SolverFailureException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public final ErrorKind kind() {
        return ErrorKind.SOLVER_FAILURE;
    }
}
