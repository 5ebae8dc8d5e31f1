package io.nernst.solvers.dae;

import java.util.List;

/**
 * An integrator of fully implicit index-1 DAEs F(t, y, y') = 0 as the simulation loop uses it:
 * make a state consistent, then integrate to an end time or a terminal event, reporting every
 * accepted step as dense output. {@link BdfIntegrator} is the implementation; the loop names only
 * this interface, so another method (or an instrumented one in tests) can be put in its place.
 */
public interface DaeIntegrator {

    /**
     * Makes (y, y') consistent at t0 in place: keeps the differential components of y and solves
     * for the algebraic components of y and the differential components of y'.
     *
     * @throws DaeIntegrationException if the state cannot be made consistent
     */
    void initialize(DaeSystem system, double t0, double[] y, double[] yDot);

    /**
     * Integrates from t0 to tEnd, or to the first terminal event.
     *
     * @param events   event functions, may be null or empty
     * @param listener receives accepted steps and events, may be null
     * @throws DaeIntegrationException if the integration cannot proceed
     */
    IntegrationResult integrate(DaeSystem system, double t0, double[] y0, double[] yDot0, double tEnd,
            List<DaeEvent> events, StepListener listener);

    /** Name of the linear solver used for the last system (null before the first call). */
    String linearSolverName();

    /**
     * The counters of the latest {@link #integrate} call so far; after an exception they still
     * describe the work done up to the failure, so a failed run can report it.
     */
    BdfStatistics statistics();

    /** The variable-order BDF integrator with these settings. */
    static DaeIntegrator bdf(BdfSettings settings) {
        return new BdfIntegrator(settings);
    }
}
