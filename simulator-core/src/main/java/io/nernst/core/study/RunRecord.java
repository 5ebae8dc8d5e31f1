package io.nernst.core.study;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * One row of a study's results: what a run took, what it gave and how it went.
 *
 * @param index          the run's index in the study (0-based)
 * @param metrics        the declared metrics in declaration order; NaN where a metric does not exist for the
 *                       run (a cut-off never reached, a failed run); stored as NULL
 * @param status         completed or failed
 * @param end            how a completed run ended, e.g. "voltage limit" (the last experiment step's end) or
 *                       "depletion" (a deposition run that reached Sand's time); null for a failed run
 * @param failureKind    for a failed run: {@link #INVALID_INPUT}, {@link #SOLVER_FAILURE}, {@link #TIME_OUT} or
 *                       {@link #INTERNAL_ERROR}; null otherwise
 * @param failure        the failure message, null for a completed run
 * @param wallSeconds    wall-clock time of the run [s] (the only field that differs between repetitions)
 * @param steps          accepted integrator (or deposition) steps
 * @param rejectedSteps  rejected integrator steps
 * @param newtonIterations Newton iterations
 * @param jacobianEvaluations Jacobian evaluations
 * @param factorizations LU factorisations
 */
public record RunRecord(int index, double[] metrics, Status status, String end, String failureKind, String failure,
                        double wallSeconds, long steps, long rejectedSteps, long newtonIterations,
                        long jacobianEvaluations, long factorizations) implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String INVALID_INPUT = "invalid input";
    public static final String SOLVER_FAILURE = "solver failure";
    public static final String TIME_OUT = "time-out";
    public static final String INTERNAL_ERROR = "internal error";

    /** How a run ended. */
    public enum Status {
        COMPLETED, FAILED
    }

    /** A failed run with no results. */
    public static RunRecord failed(int index, int metricCount, String kind, String message, double wallSeconds) {
        double[] m = new double[metricCount];
        Arrays.fill(m, Double.NaN);
        return new RunRecord(index, m, Status.FAILED, null, kind, message, wallSeconds, 0, 0, 0, 0, 0);
    }

    /**
     * Whether two records hold the same results bit for bit (every field but the wall time).
     */
    public boolean sameResults(RunRecord o) {
        if (o.metrics.length != metrics.length) {
            return false;
        }
        for (int i = 0; i < metrics.length; i++) {
            if (Double.doubleToLongBits(metrics[i]) != Double.doubleToLongBits(o.metrics[i])) {
                return false;
            }
        }
        return index == o.index && status == o.status && Objects.equals(end, o.end) && Objects.equals(failureKind, o.failureKind)
                && Objects.equals(failure, o.failure) && steps == o.steps && rejectedSteps == o.rejectedSteps
                && newtonIterations == o.newtonIterations && jacobianEvaluations == o.jacobianEvaluations
                && factorizations == o.factorizations;
    }
}
