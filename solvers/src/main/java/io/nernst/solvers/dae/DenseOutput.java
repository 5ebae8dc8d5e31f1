package io.nernst.solvers.dae;

/**
 * The continuous solution on the last accepted step [previousTime, currentTime], given by the BDF
 * interpolating polynomial through the most recent solution values (Brenan, Campbell &amp; Petzold
 * 1996, sec. 5.2). Instances handed to a {@link StepListener} are valid only during the callback:
 * the integrator reuses them, so copy what you need.
 */
public interface DenseOutput {

    /** Start of the step. */
    double previousTime();

    /** End of the step (the event time when a terminal event truncated it). */
    double currentTime();

    /**
     * Writes the interpolated solution and its time derivative at {@code t}.
     *
     * @param t    a time in [previousTime, currentTime] (slightly outside extrapolates)
     * @param y    receives y(t), length = system dimension
     * @param yDot receives y'(t), length = system dimension; may be {@code null} when not needed
     */
    void interpolate(double t, double[] y, double[] yDot);
}
