package io.nernst.solvers.dae;

import java.util.List;

/**
 * Thrown when {@link BdfIntegrator} cannot continue: the step size fell below the minimum, the
 * local error test or the Newton iteration failed repeatedly on one step, the step budget ran out,
 * or consistent initialisation failed. It reports where (time, step size, order), how badly
 * (the weighted norm of the failing quantity and its largest components) and the last accepted
 * state, so a caller can diagnose the model or restart from there. Steps already delivered to a
 * {@link StepListener} remain valid.
 */
public class DaeIntegrationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * One component's share of a weighted norm.
     *
     * @param index                component (equation / unknown) index
     * @param weightedContribution the component's value times its error weight
     *                             1/(rtol |y_i| + atol_i)
     */
    public record WorstComponent(int index, double weightedContribution) {
    }

    private final double time;
    private final double stepSize;
    private final int order;
    private final double weightedResidualNorm;
    private final List<WorstComponent> worstComponents;
    private final double lastAcceptedTime;
    private final double[] lastAcceptedY;
    private final double[] lastAcceptedYDot;

    /** Arrays are copied. */
    public DaeIntegrationException(String message, double time, double stepSize, int order,
            double weightedResidualNorm, List<WorstComponent> worstComponents, double lastAcceptedTime,
            double[] lastAcceptedY, double[] lastAcceptedYDot) {
        super(message);
        this.time = time;
        this.stepSize = stepSize;
        this.order = order;
        this.weightedResidualNorm = weightedResidualNorm;
        this.worstComponents = List.copyOf(worstComponents);
        this.lastAcceptedTime = lastAcceptedTime;
        this.lastAcceptedY = lastAcceptedY.clone();
        this.lastAcceptedYDot = lastAcceptedYDot.clone();
    }

    /** Time at which the failing step started (= last accepted time). */
    public double time() {
        return time;
    }

    /** Step size of the last failed attempt. */
    public double stepSize() {
        return stepSize;
    }

    /** BDF order of the last failed attempt (0 for initialisation failures). */
    public int order() {
        return order;
    }

    /**
     * Weighted RMS norm of the quantity that failed: the local error estimate for error-test
     * failures, the last Newton correction for convergence failures (NaN when it was not finite).
     */
    public double weightedResidualNorm() {
        return weightedResidualNorm;
    }

    /** The largest weighted contributions to {@link #weightedResidualNorm()}, largest first. */
    public List<WorstComponent> worstComponents() {
        return worstComponents;
    }

    /** Time of the last accepted step (t0 if none). */
    public double lastAcceptedTime() {
        return lastAcceptedTime;
    }

    /** State at {@link #lastAcceptedTime()} (a copy). */
    public double[] lastAcceptedY() {
        return lastAcceptedY.clone();
    }

    /** Time derivative at {@link #lastAcceptedTime()} (a copy). */
    public double[] lastAcceptedYDot() {
        return lastAcceptedYDot.clone();
    }
}
