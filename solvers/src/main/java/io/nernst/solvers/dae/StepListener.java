package io.nernst.solvers.dae;

/**
 * Receives every accepted step of a {@link BdfIntegrator} run, in time order, and the events that
 * occurred. Everything delivered before a {@link DaeIntegrationException} stays valid: it describes
 * accepted steps only.
 */
@FunctionalInterface
public interface StepListener {

    /**
     * Called after each accepted step (a step truncated by a terminal event ends at the event).
     * The {@code output} object is reused and valid only during this call.
     */
    void stepAccepted(DenseOutput output);

    /**
     * Called for each located event (terminal or not), after {@link #stepAccepted} for the step
     * containing it, in time order. The arrays are reused; copy them if needed.
     *
     * @param eventIndex index of the event in the list given to {@code integrate}
     * @param t          the located root
     * @param y          interpolated state at {@code t}
     * @param yDot       interpolated derivative at {@code t}
     */
    default void eventOccurred(int eventIndex, double t, double[] y, double[] yDot) {
    }
}
