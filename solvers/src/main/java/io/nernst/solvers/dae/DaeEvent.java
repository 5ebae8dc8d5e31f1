package io.nernst.solvers.dae;

/**
 * An event (root) function g(t, y, y') monitored by {@link BdfIntegrator}: an event occurs where g
 * changes sign in the {@link #direction()}. The integrator checks the sign of g at the end of every
 * accepted step and, on a change, locates the root on the step's interpolating polynomial with a
 * bracketing solver (see {@link BdfSettings#eventTimeAbsoluteTolerance()}).
 *
 * <p>A {@link #terminal() terminal} event stops the integration at the root; the returned
 * {@link IntegrationResult} carries the interpolated state there and the event's index. Non-terminal
 * events are reported through {@link StepListener#eventOccurred} and integration continues.
 *
 * <p>{@link #g} must not modify its arguments or keep references to them, and should not allocate:
 * it is called once per accepted step and several times per located root.
 */
public interface DaeEvent {

    /** The event function; its sign changes define the events. */
    double g(double t, double[] y, double[] yDot);

    /** Which sign changes are events. */
    EventDirection direction();

    /** True when the integration stops at this event. */
    boolean terminal();
}
