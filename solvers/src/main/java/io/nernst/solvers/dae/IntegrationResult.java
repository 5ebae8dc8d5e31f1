package io.nernst.solvers.dae;

/**
 * Outcome of {@link BdfIntegrator#integrate}: the final time and state (tEnd, or the root of a
 * terminal event), which event stopped the run, and the work counters.
 */
public final class IntegrationResult {
    private final double time;
    private final double[] y;
    private final double[] yDot;
    private final int eventIndex;
    private final BdfStatistics statistics;

    /** Copies the arrays. */
    public IntegrationResult(double time, double[] y, double[] yDot, int eventIndex, BdfStatistics statistics) {
        this.time = time;
        this.y = y.clone();
        this.yDot = yDot.clone();
        this.eventIndex = eventIndex;
        this.statistics = statistics;
    }

    /** Final time: tEnd, or the located root of the terminal event. */
    public double time() {
        return time;
    }

    /** Final state (a copy). */
    public double[] y() {
        return y.clone();
    }

    /** Final time derivative (a copy). */
    public double[] yDot() {
        return yDot.clone();
    }

    /** Index (in the list passed to integrate) of the terminal event that stopped the run, or -1 if tEnd was reached. */
    public int eventIndex() {
        return eventIndex;
    }

    /** True when a terminal event stopped the run. */
    public boolean stoppedByEvent() {
        return eventIndex >= 0;
    }

    /** Work counters of this run. */
    public BdfStatistics statistics() {
        return statistics;
    }

    @Override
    public String toString() {
        return "IntegrationResult[t=" + time + (eventIndex >= 0 ? ", event " + eventIndex : "") + ", " + statistics + "]";
    }
}
