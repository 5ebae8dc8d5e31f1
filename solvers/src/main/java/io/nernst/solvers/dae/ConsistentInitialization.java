package io.nernst.solvers.dae;

import java.util.Arrays;
import java.util.List;

/**
 * Consistent initialisation of an index-1 DAE for the BDF integrator (IDA's IDACalcIC with
 * IDA_YA_YDP_INIT; Brown, Hindmarsh &amp; Petzold, SIAM J. Sci. Comput. 19 (1998) 1495): keeps the
 * differential components of y and solves F(t0, y, y') = 0 for the algebraic components of y and
 * the differential components of y' by a damped Newton iteration. Works in the integrator's
 * workspace (weights, scratch vectors, iteration matrix) and counts into its counters.
 */
final class ConsistentInitialization {
    private static final int MAX_ITERATIONS = 20;

    private final BdfIntegrator integrator;

    ConsistentInitialization(BdfIntegrator integrator) {
        this.integrator = integrator;
    }

    /**
     * Newton is converged when the weighted RMS norm of its update, with y'-components multiplied by
     * the time scale, is below 0.01 times the Newton tolerance (IDA's epicon). The workspace must
     * have been prepared for the system and the weights computed at y.
     */
    void run(DaeSystem system, double t0, double[] y, double[] yDot, double timeScale, double newtonTolerance) {
        BdfIntegrator w = integrator;
        int n = w.n;
        final double tolerance = 0.01 * newtonTolerance;
        double[] residual = w.delta;
        double[] step = w.correction;
        double[] yTrial = w.yyPredicted;
        double[] ypTrial = w.ypPredicted;
        double[] stepScaled = w.work;
        if (!w.evaluateResidual(t0, y, yDot, residual)) {
            throw failure("the residual at the initial guess is not finite", t0, y, yDot, residual, null, 0);
        }
        double lastNorm = Double.NaN;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            boolean factored = w.iterationMatrix.setupInitialization(system, t0, y, yDot, w.algebraic, timeScale,
                    residual, w.weights);
            w.countJacobian(w.iterationMatrix.lastResidualEvaluations());
            if (!factored) {
                throw failure("the consistent-initialisation matrix (dF/dy on algebraic columns, dF/dy' on"
                        + " differential columns) is singular or not finite: the DAE may not be index 1, or the"
                        + " Jacobian pattern misses entries", t0, y, yDot, residual, null, iteration);
            }
            w.iterationMatrix.solveScaled(residual, step);
            double norm = norm(step, timeScale);
            lastNorm = norm;
            if (norm <= tolerance) {
                apply(y, yDot, step, 1.0, y, yDot);
                return;
            }
            // Backtracking line search on the Newton-update norm with the matrix held fixed.
            double lambda = 1.0;
            while (true) {
                apply(y, yDot, step, lambda, yTrial, ypTrial);
                boolean finite = w.evaluateResidual(t0, yTrial, ypTrial, residual);
                double trialNorm = Double.POSITIVE_INFINITY;
                if (finite) {
                    w.iterationMatrix.solveScaled(residual, stepScaled);
                    trialNorm = norm(stepScaled, timeScale);
                }
                if (trialNorm <= (1.0 - 1e-4 * lambda) * norm || (trialNorm <= tolerance)) {
                    System.arraycopy(yTrial, 0, y, 0, n);
                    System.arraycopy(ypTrial, 0, yDot, 0, n);
                    break;
                }
                lambda *= 0.5;
                if (lambda < 1e-4) {
                    w.evaluateResidual(t0, y, yDot, residual);
                    throw failure("the line search could not reduce the Newton update (norm " + norm
                            + ") even with a damping factor 1e-4", t0, y, yDot, step, timeScale(n, timeScale), iteration);
                }
            }
        }
        throw failure("Newton did not converge in " + MAX_ITERATIONS + " iterations (last update norm "
                + lastNorm + ", tolerance " + tolerance + ")", t0, y, yDot, w.correction, timeScale(n, timeScale),
                MAX_ITERATIONS);
    }

    private static double[] timeScale(int n, double timeScale) {
        double[] s = new double[n];
        Arrays.fill(s, timeScale);
        return s;
    }

    /** Weighted RMS norm of an initialisation update, with y'-components scaled by the time scale. */
    private double norm(double[] step, double timeScale) {
        int n = integrator.n;
        double[] weights = integrator.weights;
        boolean[] algebraic = integrator.algebraic;
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            double v = step[i] * weights[i] * (algebraic[i] ? 1.0 : timeScale);
            sum += v * v;
        }
        return Math.sqrt(sum / n);
    }

    /** (yOut, ypOut) = (y, yDot) minus lambda * step on the unknowns (algebraic y, differential y'). */
    private void apply(double[] y, double[] yDot, double[] step, double lambda, double[] yOut, double[] ypOut) {
        int n = integrator.n;
        boolean[] algebraic = integrator.algebraic;
        for (int i = 0; i < n; i++) {
            if (algebraic[i]) {
                yOut[i] = y[i] - lambda * step[i];
                ypOut[i] = yDot[i];
            } else {
                yOut[i] = y[i];
                ypOut[i] = yDot[i] - lambda * step[i];
            }
        }
    }

    private DaeIntegrationException failure(String reason, double t0, double[] y, double[] yDot, double[] vector,
            double[] extraScale, int iterations) {
        int n = integrator.n;
        boolean[] algebraic = integrator.algebraic;
        double[] scaled = new double[n];
        for (int i = 0; i < n; i++) {
            scaled[i] = vector[i] * (extraScale != null && !algebraic[i] ? extraScale[i] : 1.0);
        }
        double norm = integrator.weightedNorm(scaled, integrator.weights);
        List<DaeIntegrationException.WorstComponent> worst = integrator.worstComponents(scaled, integrator.weights);
        StringBuilder msg = new StringBuilder("consistent initialisation failed at t = ").append(t0).append(" after ")
                .append(iterations).append(" Newton iterations: ").append(reason).append("; weighted norm ").append(norm)
                .append("; largest components (unknown: weighted value)");
        integrator.appendWorst(msg, worst, true);
        return new DaeIntegrationException(msg.toString(), t0, 0.0, 0, norm, worst, t0, y, yDot);
    }
}
