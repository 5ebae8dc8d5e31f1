package io.nernst.core.simulation;

/**
 * Integrator settings of a simulation, as a user states them; the simulation turns them
 * into the BDF integrator's settings.
 *
 * @param relativeTolerance BDF local error relative tolerance (> 0)
 * @param absoluteTolerance BDF local error absolute tolerance (> 0), same for all components
 * @param maxStep           largest time step [s], or {@code Double.POSITIVE_INFINITY} for none
 * @param initialStep       first step [s] of each experiment step, or NaN for the integrator's choice
 * @param linearSolver      linear solver name, see {@link LinearSolvers}
 */
public record SolverOptions(double relativeTolerance, double absoluteTolerance, double maxStep,
                            double initialStep, String linearSolver) {

    /** rtol 1e-6, atol 1e-8, no maximum step, integrator's initial step, default linear solver. */
    public static SolverOptions defaults() {
        return new SolverOptions(1e-6, 1e-8, Double.POSITIVE_INFINITY, Double.NaN, LinearSolvers.DEFAULT);
    }

    public SolverOptions {
        if (!(relativeTolerance > 0 && relativeTolerance < 1)) {
            throw new io.nernst.core.error.BadInputException("relative tolerance must be in (0, 1), got " + relativeTolerance);
        }
        if (!(absoluteTolerance > 0 && Double.isFinite(absoluteTolerance))) {
            throw new io.nernst.core.error.BadInputException("absolute tolerance must be positive, got " + absoluteTolerance);
        }
        if (!(maxStep > 0)) {
            throw new io.nernst.core.error.BadInputException("maximum step must be positive, got " + maxStep);
        }
        if (!Double.isNaN(initialStep) && !(initialStep > 0 && Double.isFinite(initialStep))) {
            throw new io.nernst.core.error.BadInputException("initial step must be positive, got " + initialStep);
        }
        LinearSolvers.check(linearSolver);
    }

    /** A copy with other tolerances. */
    public SolverOptions withTolerances(double rtol, double atol) {
        return new SolverOptions(rtol, atol, maxStep, initialStep, linearSolver);
    }

    /** A copy with another maximum step [s]. */
    public SolverOptions withMaxStep(double seconds) {
        return new SolverOptions(relativeTolerance, absoluteTolerance, seconds, initialStep, linearSolver);
    }

    /** A copy with another linear solver name. */
    public SolverOptions withLinearSolver(String name) {
        return new SolverOptions(relativeTolerance, absoluteTolerance, maxStep, initialStep, name);
    }
}
