package io.nernst.solvers.dae;

import java.util.Arrays;

/**
 * Work counters of one {@link BdfIntegrator#integrate} call (an immutable snapshot).
 *
 * <p>Counting conventions follow SUNDIALS IDA (Hindmarsh et al. 2005): a rejected step is one
 * attempt that failed the local error test or whose Newton iteration failed to converge;
 * {@link #residualEvaluations()} includes those spent on finite-difference Jacobians (also
 * reported alone in {@link #jacobianResidualEvaluations()}).
 */
public final class BdfStatistics {
    private final long steps;
    private final long errorTestFailures;
    private final long newtonIterations;
    private final long newtonFailures;
    private final long newtonRetries;
    private final long residualEvaluations;
    private final long jacobianResidualEvaluations;
    private final long jacobianEvaluations;
    private final long factorizations;
    private final long[] orderHistogram;
    private final double lastStepSize;
    private final int lastOrder;

    /**
     * @param orderHistogram accepted steps per order; index k = order k (index 0 unused), length 6
     */
    public BdfStatistics(long steps, long errorTestFailures, long newtonIterations, long newtonFailures,
            long newtonRetries, long residualEvaluations, long jacobianResidualEvaluations, long jacobianEvaluations,
            long factorizations, long[] orderHistogram, double lastStepSize, int lastOrder) {
        this.steps = steps;
        this.errorTestFailures = errorTestFailures;
        this.newtonIterations = newtonIterations;
        this.newtonFailures = newtonFailures;
        this.newtonRetries = newtonRetries;
        this.residualEvaluations = residualEvaluations;
        this.jacobianResidualEvaluations = jacobianResidualEvaluations;
        this.jacobianEvaluations = jacobianEvaluations;
        this.factorizations = factorizations;
        this.orderHistogram = orderHistogram.clone();
        this.lastStepSize = lastStepSize;
        this.lastOrder = lastOrder;
    }

    /** Accepted steps. */
    public long steps() {
        return steps;
    }

    /** Rejected step attempts: error-test failures plus Newton convergence failures. */
    public long rejectedSteps() {
        return errorTestFailures + newtonFailures;
    }

    /** Step attempts rejected by the local error test. */
    public long errorTestFailures() {
        return errorTestFailures;
    }

    /** Newton (corrector) iterations, each one linear solve. */
    public long newtonIterations() {
        return newtonIterations;
    }

    /** Step attempts rejected because the Newton iteration did not converge (or the matrix was singular). */
    public long newtonFailures() {
        return newtonFailures;
    }

    /**
     * Newton convergence failures with a stale iteration matrix that were retried on the same step
     * with a fresh one (not step rejections). IDA counts these among its "nonlinear convergence
     * failures"; IDA's figure corresponds to {@code newtonFailures() + newtonRetries()}.
     */
    public long newtonRetries() {
        return newtonRetries;
    }

    /** Calls of {@link DaeSystem#residual}, including finite-difference Jacobian columns. */
    public long residualEvaluations() {
        return residualEvaluations;
    }

    /** Residual evaluations spent on coloured finite-difference Jacobians. */
    public long jacobianResidualEvaluations() {
        return jacobianResidualEvaluations;
    }

    /** Iteration-matrix evaluations (analytic or finite-difference). */
    public long jacobianEvaluations() {
        return jacobianEvaluations;
    }

    /** Numeric LU factorisations of the iteration matrix. */
    public long factorizations() {
        return factorizations;
    }

    /** Accepted steps taken with order k, for k = 1..5. */
    public long stepsWithOrder(int order) {
        if (order < 1 || order > 5) {
            throw new IllegalArgumentException("BDF order must be in 1..5, got " + order);
        }
        return orderHistogram[order];
    }

    /** Accepted steps per order (index = order, index 0 unused); a copy. */
    public long[] orderHistogram() {
        return orderHistogram.clone();
    }

    /** Size of the last accepted step (0 when none). */
    public double lastStepSize() {
        return lastStepSize;
    }

    /** Order of the last accepted step (0 when none). */
    public int lastOrder() {
        return lastOrder;
    }

    /** Sum of two runs' counters (last step and order taken from {@code later}). */
    public BdfStatistics plus(BdfStatistics later) {
        long[] hist = new long[orderHistogram.length];
        for (int k = 0; k < hist.length; k++) {
            hist[k] = orderHistogram[k] + later.orderHistogram[k];
        }
        return new BdfStatistics(steps + later.steps, errorTestFailures + later.errorTestFailures,
                newtonIterations + later.newtonIterations, newtonFailures + later.newtonFailures,
                newtonRetries + later.newtonRetries,
                residualEvaluations + later.residualEvaluations,
                jacobianResidualEvaluations + later.jacobianResidualEvaluations,
                jacobianEvaluations + later.jacobianEvaluations, factorizations + later.factorizations, hist,
                later.lastStepSize, later.lastOrder);
    }

    @Override
    public String toString() {
        return "BdfStatistics[steps=" + steps + ", errorTestFailures=" + errorTestFailures
                + ", newtonFailures=" + newtonFailures + ", newtonRetries=" + newtonRetries
                + ", newtonIterations=" + newtonIterations
                + ", residualEvaluations=" + residualEvaluations + " (Jacobian " + jacobianResidualEvaluations + ")"
                + ", jacobianEvaluations=" + jacobianEvaluations + ", factorizations=" + factorizations
                + ", orderHistogram=" + Arrays.toString(Arrays.copyOfRange(orderHistogram, 1, orderHistogram.length))
                + ", lastStepSize=" + lastStepSize + ", lastOrder=" + lastOrder + "]";
    }
}
