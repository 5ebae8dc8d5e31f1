package io.nernst.solvers.dae;

import io.nernst.solvers.linear.BandedLuSolver;
import io.nernst.solvers.linear.DenseLuSolver;
import io.nernst.solvers.linear.LinearSolver;
import io.nernst.solvers.linear.SingularMatrixException;
import io.nernst.solvers.linear.SparseLuSolver;
import io.nernst.solvers.ordering.AdjacencyGraph;
import io.nernst.solvers.ordering.FillReducingOrdering;
import io.nernst.solvers.ordering.SymbolicCholesky;
import io.nernst.solvers.sparse.CsrMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.AllowedSolution;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.exception.MathRuntimeException;

/**
 * Variable-order (1..5), variable-step BDF integrator for fully implicit index-1 DAEs
 * F(t, y, y') = 0, in the fixed-leading-coefficient form of DASSL and SUNDIALS IDA.
 *
 * <p><b>Method.</b> The solution history is kept as modified divided differences phi_j
 * (Brenan, Campbell &amp; Petzold 1996, ch. 5; Hindmarsh et al. 2005, sec. 3). Each step predicts
 * y and y' from the interpolating polynomial through the last k+1 solution values and corrects
 * with a modified Newton iteration on F(t_n, y_pred + e, y'_pred + cj e) = 0,
 * cj = (sum_{j=1..k} 1/j)/h. The iteration matrix dF/dy + cj dF/dy' (analytic, or coloured
 * finite differences over {@link DaeSystem#jacobianPattern()}) and its factorisation are reused
 * across steps while Newton converges well; they are refreshed when Newton fails with a stale
 * matrix or when cj has changed by more than the factor range [0.6, 1/0.6]; a stale matrix's update
 * is scaled by 2/(1 + cj/cj_old) (IDA's rule). The local error test, the order selection (estimates
 * of the error at orders k-2..k+1) and the step-size rules are those of IDA.
 *
 * <p><b>Events and output.</b> After each accepted step the event functions are evaluated at its
 * end; sign changes are located on the interpolating polynomial with Hipparchus'
 * {@link BracketingNthOrderBrentSolver}. The {@link StepListener} sees every accepted step as a
 * {@link DenseOutput}. By default no step goes past tEnd (the last step is shortened to land on it).
 *
 * <p><b>Determinism.</b> A run is bit-reproducible on a given JVM and platform. Step-size and
 * convergence-rate powers use {@link Math#pow}, which may differ from platform to platform by an
 * ulp; {@link StrictMath#pow} would not, but in JDK 17 it allocates until JIT-compiled, which the
 * allocation-free stepping loop forbids. Step sequences react to round-off, so exact step counts
 * (as in the IDA comparison test) may differ slightly on another platform.
 *
 * <p><b>Use.</b> An instance keeps the workspace of the last system pattern it saw (the linear
 * solver's symbolic analysis is done once per pattern instance) and is therefore not thread-safe;
 * use one integrator per thread. The stepping loop allocates nothing.
 */
public final class BdfIntegrator {
    private static final int MAX_ORDER = 5;
    /** Systems up to this size always get dense LU by default. */
    private static final int DENSE_ALWAYS = 32;
    /** IDA's XRATE: refresh the iteration matrix when cj/cj_old leaves [(1-x)/(1+x), (1+x)/(1-x)] = [0.6, 1.67]. */
    private static final double CJ_RATIO_LOW = 0.6;
    private static final double CJ_RATIO_HIGH = 1.0 / 0.6;
    /** IDA's RATEMAX: Newton fails when the estimated convergence rate exceeds this. */
    private static final double RATE_MAX = 0.9;
    private static final int WORST_COMPONENTS = 5;
    /** Relative stretch of the last step allowed to land on tEnd instead of leaving a sliver. */
    private static final double LANDING_SLACK = 1e-5;

    private static final int CAUSE_NOT_CONVERGED = 0;
    private static final int CAUSE_RESIDUAL_NOT_FINITE = 1;
    private static final int CAUSE_MATRIX_SINGULAR = 2;
    private static final int CAUSE_MATRIX_NOT_FINITE = 3;

    private static final int OK = 0;
    private static final int NEWTON_FAILED = 1;
    private static final int ERROR_TEST_FAILED = 2;

    private final BdfSettings settings;
    private final DenseStep dense = new DenseStep();
    private final BracketingNthOrderBrentSolver rootSolver;

    // ---- workspace tied to the system pattern ----
    private CsrMatrix pattern;
    private int n;
    private LinearSolver linearSolver;
    private CsrMatrix iterationMatrix;
    private CsrMatrix scratchMatrix;
    private ColoredFiniteDifferenceJacobian finiteDifferences;
    private boolean[] algebraic;
    private final double[][] phi = new double[MAX_ORDER + 2][];
    private double[] weights;
    private double[] rowScale;
    private double[] testWeights;
    private double[] yy;
    private double[] yp;
    private double[] yyPredicted;
    private double[] ypPredicted;
    private double[] correction;
    private double[] delta;
    private double[] work;
    private double[] yStepStart;
    private double[] ypStepStart;
    private double[] yEvent;
    private double[] ypEvent;

    // ---- BDF coefficients and step state (names follow IDA / DASSL) ----
    private final double[] psi = new double[MAX_ORDER + 2];
    private final double[] alpha = new double[MAX_ORDER + 2];
    private final double[] beta = new double[MAX_ORDER + 2];
    private final double[] sigma = new double[MAX_ORDER + 2];
    private final double[] gamma = new double[MAX_ORDER + 2];
    private DaeSystem system;
    private double tn;
    private double hh;
    private double hused;
    private int kk;
    private int kused;
    private int knew;
    private int ns;
    private int phase;
    private int maxOrder;
    private double cj;
    private double cjLast;
    private double cjOld;
    private double cjRatio;
    private double ck;
    private double convergenceFactor;
    private boolean forceSetup;
    private double errK;
    private double errKm1;
    private double errKm2;
    private double terrK;
    private double terrKm1;
    private double terrKm2;
    private double hMax;
    private boolean fixedStep;
    /** Why the last Newton attempt failed (CAUSE_*), and the component or row concerned. */
    private int newtonCause;
    private int newtonCauseIndex;
    private int nonFiniteIndex;

    // ---- counters of the current integrate call ----
    private long steps;
    private long errorTestFailures;
    private long newtonIterations;
    private long newtonFailures;
    private long newtonRetries;
    private long residualEvaluations;
    private long jacobianResidualEvaluations;
    private long jacobianEvaluations;
    private long factorizations;
    private final long[] orderHistogram = new long[MAX_ORDER + 1];

    /** An integrator with the given settings. */
    public BdfIntegrator(BdfSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.rootSolver = new BracketingNthOrderBrentSolver(settings.eventTimeRelativeTolerance(),
                settings.eventTimeAbsoluteTolerance(), 0.0, 5);
    }

    /** The settings. */
    public BdfSettings settings() {
        return settings;
    }

    // =====================================================================================
    // Consistent initialisation
    // =====================================================================================

    /**
     * Makes (y, y') consistent for an index-1 DAE at t0, in place: keeps the differential
     * components of y, and solves F(t0, y, y') = 0 for the algebraic components of y and the
     * differential components of y' (IDA's IDACalcIC with IDA_YA_YDP_INIT; Brown, Hindmarsh &amp;
     * Petzold, SIAM J. Sci. Comput. 19 (1998) 1495). The y'-corrections are measured over the time
     * scale {@link BdfSettings#initialStep()} if set, else 1e-3 time units; see
     * {@link #initialize(DaeSystem, double, double[], double[], double)}.
     *
     * @throws DaeIntegrationException if the damped Newton iteration fails
     */
    public void initialize(DaeSystem system, double t0, double[] y, double[] yDot) {
        double scale = Double.isNaN(settings.initialStep()) ? 1e-3 : settings.initialStep();
        initialize(system, t0, y, yDot, scale);
    }

    /**
     * As {@link #initialize(DaeSystem, double, double[], double[])} with an explicit time scale
     * tau: Newton is converged when the weighted RMS norm of its update, with y'-components
     * multiplied by tau, is below 0.01 times the Newton tolerance (IDA's epicon).
     *
     * <p>The Newton matrix has column j equal to dF/dy_j for algebraic j and dF/dy'_j for
     * differential j, built on the Jacobian pattern from the analytic Jacobian (evaluated at cj = 0
     * and cj = 1) or from coloured finite differences. Each iteration re-evaluates it; a
     * backtracking line search on the norm of the Newton update (IDA's IDALineSrch idea) damps
     * steps that do not reduce it.
     *
     * @throws DaeIntegrationException if Newton does not converge in 20 iterations, the line search
     *                                 fails, the residual is not finite or the matrix is singular
     */
    public void initialize(DaeSystem system, double t0, double[] y, double[] yDot, double timeScale) {
        Objects.requireNonNull(system, "system");
        if (!(timeScale > 0.0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("timeScale must be finite and > 0, got " + timeScale);
        }
        prepare(system, t0, y, yDot);
        this.system = system;
        resetCounters();
        computeWeights(y, t0);
        final int maxIterations = 20;
        final double tolerance = 0.01 * settings.newtonTolerance();
        double[] residual = delta;
        double[] step = correction;
        double[] yTrial = yyPredicted;
        double[] ypTrial = ypPredicted;
        double[] stepScaled = work;
        if (!evaluateResidual(t0, y, yDot, residual)) {
            throw initializationFailure("the residual at the initial guess is not finite", t0, y, yDot, residual, null, 0);
        }
        double lastNorm = Double.NaN;
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            if (!initializationMatrix(t0, y, yDot, timeScale, residual)) {
                throw initializationFailure("the consistent-initialisation matrix (dF/dy on algebraic columns, dF/dy' on"
                        + " differential columns) is singular or not finite: the DAE may not be index 1, or the"
                        + " Jacobian pattern misses entries", t0, y, yDot, residual, null, iteration);
            }
            solveScaled(residual, step);
            double norm = initializationNorm(step, timeScale, stepScaled);
            lastNorm = norm;
            if (norm <= tolerance) {
                applyInitializationStep(y, yDot, step, 1.0, y, yDot);
                return;
            }
            // Backtracking line search on the Newton-update norm with the matrix held fixed.
            double lambda = 1.0;
            while (true) {
                applyInitializationStep(y, yDot, step, lambda, yTrial, ypTrial);
                boolean finite = evaluateResidual(t0, yTrial, ypTrial, residual);
                double trialNorm = Double.POSITIVE_INFINITY;
                if (finite) {
                    solveScaled(residual, stepScaled);
                    trialNorm = initializationNorm(stepScaled, timeScale, stepScaled);
                }
                if (trialNorm <= (1.0 - 1e-4 * lambda) * norm || (trialNorm <= tolerance)) {
                    System.arraycopy(yTrial, 0, y, 0, n);
                    System.arraycopy(ypTrial, 0, yDot, 0, n);
                    break;
                }
                lambda *= 0.5;
                if (lambda < 1e-4) {
                    evaluateResidual(t0, y, yDot, residual);
                    throw initializationFailure("the line search could not reduce the Newton update (norm " + norm
                            + ") even with a damping factor 1e-4", t0, y, yDot, step, timeScale(timeScale), iteration);
                }
            }
        }
        throw initializationFailure("Newton did not converge in " + maxIterations + " iterations (last update norm "
                + lastNorm + ", tolerance " + tolerance + ")", t0, y, yDot, correction, timeScale(timeScale), maxIterations);
    }

    private double[] timeScale(double timeScale) {
        double[] s = new double[n];
        Arrays.fill(s, timeScale);
        return s;
    }

    /** Weighted RMS norm of an initialisation update, with y'-components scaled by the time scale. */
    private double initializationNorm(double[] step, double timeScale, double[] scratch) {
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            double v = step[i] * weights[i] * (algebraic[i] ? 1.0 : timeScale);
            sum += v * v;
        }
        return Math.sqrt(sum / n);
    }

    /** (yOut, ypOut) = (y, yDot) minus lambda * step on the unknowns (algebraic y, differential y'). */
    private void applyInitializationStep(double[] y, double[] yDot, double[] step, double lambda, double[] yOut,
            double[] ypOut) {
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

    private boolean initializationMatrix(double t, double[] y, double[] yDot, double timeScale, double[] residual) {
        jacobianEvaluations++;
        double[] values = iterationMatrix.values();
        if (system.hasAnalyticJacobian()) {
            if (scratchMatrix == null) {
                scratchMatrix = pattern.withSamePattern();
            }
            // J(cj) = dF/dy + cj dF/dy' is linear in cj: J(0) = dF/dy and J(1) - J(0) = dF/dy'.
            system.jacobian(t, y, yDot, 0.0, scratchMatrix);
            system.jacobian(t, y, yDot, 1.0, iterationMatrix);
            double[] dFdy = scratchMatrix.values();
            int[] rs = pattern.rowStart();
            int[] ci = pattern.columnIndex();
            for (int r = 0; r < n; r++) {
                for (int p = rs[r]; p < rs[r + 1]; p++) {
                    values[p] = algebraic[ci[p]] ? dFdy[p] : values[p] - dFdy[p];
                }
            }
        } else {
            finiteDifferences().initializationMatrix(system, t, y, yDot, algebraic, timeScale, residual, weights,
                    iterationMatrix);
            int evaluations = finiteDifferences.groupCount();
            residualEvaluations += evaluations;
            jacobianResidualEvaluations += evaluations;
        }
        return factorIterationMatrix();
    }

    private DaeIntegrationException initializationFailure(String reason, double t0, double[] y, double[] yDot,
            double[] vector, double[] extraScale, int iterations) {
        double[] scaled = new double[n];
        for (int i = 0; i < n; i++) {
            scaled[i] = vector[i] * (extraScale != null && !algebraic[i] ? extraScale[i] : 1.0);
        }
        double norm = weightedNorm(scaled, weights);
        List<DaeIntegrationException.WorstComponent> worst = worstComponents(scaled, weights);
        StringBuilder msg = new StringBuilder("consistent initialisation failed at t = ").append(t0).append(" after ")
                .append(iterations).append(" Newton iterations: ").append(reason).append("; weighted norm ").append(norm)
                .append("; largest components (unknown: weighted value)");
        appendWorst(msg, worst, true);
        return new DaeIntegrationException(msg.toString(), t0, 0.0, 0, norm, worst, t0, y, yDot);
    }

    // =====================================================================================
    // Integration
    // =====================================================================================

    /**
     * Integrates F(t, y, y') = 0 from t0 to tEnd (tEnd &gt; t0), or to the first terminal event.
     *
     * @param system   the DAE; (y0, yDot0) should be consistent (see {@link #initialize})
     * @param t0       initial time
     * @param y0       initial state (not modified)
     * @param yDot0    initial derivative (not modified)
     * @param tEnd     final time; never stepped past unless {@link BdfSettings#stepPastEnd()}
     * @param events   event functions, may be null or empty
     * @param listener receives accepted steps and events, may be null
     * @return final time, state, stopping event and counters
     * @throws DaeIntegrationException  if the integration cannot proceed (see its documentation)
     * @throws IllegalArgumentException on bad sizes, non-finite input, tEnd &lt; t0 or an undefined error weight
     */
    public IntegrationResult integrate(DaeSystem system, double t0, double[] y0, double[] yDot0, double tEnd,
            List<DaeEvent> events, StepListener listener) {
        Objects.requireNonNull(system, "system");
        if (!Double.isFinite(t0) || !Double.isFinite(tEnd) || tEnd < t0) {
            throw new IllegalArgumentException("need finite t0 <= tEnd, got t0 = " + t0 + ", tEnd = " + tEnd);
        }
        prepare(system, t0, y0, yDot0);
        this.system = system;
        resetCounters();
        List<DaeEvent> eventList = events == null ? List.of() : events;
        System.arraycopy(y0, 0, yy, 0, n);
        System.arraycopy(yDot0, 0, yp, 0, n);
        computeWeights(yy, t0);
        tn = t0;
        if (tEnd == t0) {
            return new IntegrationResult(t0, yy, yp, -1, statistics());
        }

        fixedStep = !Double.isNaN(settings.fixedStepSize());
        maxOrder = settings.fixedOrder() > 0 ? settings.fixedOrder() : settings.maxOrder();
        hMax = settings.maxStep();
        hh = initialStep(t0, tEnd);

        // IDA's start: order 1, phi_0 = y0, phi_1 = h y'0.
        System.arraycopy(yy, 0, phi[0], 0, n);
        for (int i = 0; i < n; i++) {
            phi[1][i] = hh * yp[i];
        }
        kk = 1;
        kused = 0;
        hused = 0.0;
        psi[0] = hh;
        cj = 1.0 / hh;
        cjLast = cj;
        cjOld = cj;
        cjRatio = 1.0;
        phase = 0;
        ns = 0;
        knew = 1;
        convergenceFactor = 20.0;
        forceSetup = true;

        int eventCount = eventList.size();
        int[] lastSign = new int[eventCount];
        int[] endSign = new int[eventCount];
        for (int e = 0; e < eventCount; e++) {
            lastSign[e] = sign(eventList.get(e).g(t0, yy, yp));
        }
        EventFunction eventFunction = eventCount > 0 ? new EventFunction() : null;
        List<double[]> found = eventCount > 0 ? new ArrayList<>() : null;

        while (true) {
            if (steps >= settings.maxSteps()) {
                throw failure("the maximum number of steps (" + settings.maxSteps() + ") was taken before tEnd = " + tEnd,
                        null, weights);
            }
            System.arraycopy(yy, 0, yStepStart, 0, n);
            System.arraycopy(yp, 0, ypStepStart, 0, n);
            double tStart = tn;
            takeStep(tEnd);
            double stepEnd = tn;
            if (settings.stepPastEnd() && tn > tEnd) {
                stepEnd = tEnd;
            }
            dense.set(tStart, stepEnd);

            int terminalEvent = -1;
            double terminalTime = stepEnd;
            if (eventCount > 0) {
                found.clear();
                // All signs at the step end first: root location reuses the state buffers.
                dense.interpolate(stepEnd, yEvent, ypEvent);
                for (int e = 0; e < eventCount; e++) {
                    endSign[e] = sign(eventList.get(e).g(stepEnd, yEvent, ypEvent));
                }
                for (int e = 0; e < eventCount; e++) {
                    DaeEvent event = eventList.get(e);
                    int s = endSign[e];
                    if (lastSign[e] != 0 && s != lastSign[e] && event.direction().accepts(lastSign[e])) {
                        double root = s == 0 ? stepEnd : locateRoot(eventFunction, event, lastSign[e], tStart, stepEnd);
                        found.add(new double[] {root, e});
                    }
                    lastSign[e] = s;
                }
                if (!found.isEmpty()) {
                    found.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
                    for (double[] f : found) {
                        if (eventList.get((int) f[1]).terminal()) {
                            terminalEvent = (int) f[1];
                            terminalTime = f[0];
                            break;
                        }
                    }
                    if (terminalEvent >= 0) {
                        dense.set(tStart, terminalTime);
                    }
                }
            }
            if (listener != null) {
                listener.stepAccepted(dense);
                if (eventCount > 0) {
                    for (int k = 0, size = found.size(); k < size; k++) { // indexed: no iterator per step
                        double[] f = found.get(k);
                        if (f[0] > terminalTime) {
                            break;
                        }
                        dense.interpolate(f[0], yEvent, ypEvent);
                        listener.eventOccurred((int) f[1], f[0], yEvent, ypEvent);
                    }
                }
            }
            if (terminalEvent >= 0) {
                dense.interpolate(terminalTime, yEvent, ypEvent);
                return new IntegrationResult(terminalTime, yEvent, ypEvent, terminalEvent, statistics());
            }
            if (tn >= tEnd) {
                if (tn > tEnd) {
                    dense.interpolate(tEnd, yEvent, ypEvent);
                    return new IntegrationResult(tEnd, yEvent, ypEvent, -1, statistics());
                }
                return new IntegrationResult(tn, yy, yp, -1, statistics());
            }
        }
    }

    private double locateRoot(EventFunction function, DaeEvent event, int signBefore, double a, double b) {
        function.event = event;
        double ga = function.value(a);
        if (sign(ga) != signBefore) {
            // The polynomial's start value disagrees with the stored sign (should not happen): take the start.
            return a;
        }
        try {
            return rootSolver.solve(200, function, a, b, AllowedSolution.RIGHT_SIDE);
        } catch (MathRuntimeException ex) {
            throw new IllegalStateException("event root location failed on [" + a + ", " + b + "]: " + ex.getMessage(), ex);
        }
    }

    /** g of one event along the dense output of the current step. */
    private final class EventFunction implements UnivariateFunction {
        DaeEvent event;

        @Override
        public double value(double t) {
            dense.interpolate(t, yEvent, ypEvent);
            return event.g(t, yEvent, ypEvent);
        }
    }

    private static int sign(double g) {
        if (Double.isNaN(g)) {
            throw new IllegalStateException("event function returned NaN");
        }
        return g > 0.0 ? 1 : (g < 0.0 ? -1 : 0);
    }

    /** IDA's initial step: 0.001 |tEnd - t0|, reduced to 0.5 / ||y'0|| when the solution moves fast. */
    private double initialStep(double t0, double tEnd) {
        double distance = tEnd - t0;
        double h;
        if (fixedStep) {
            h = settings.fixedStepSize();
        } else if (!Double.isNaN(settings.initialStep())) {
            h = settings.initialStep();
        } else {
            h = 0.001 * distance;
            double ypNorm = weightedNorm(yp, testWeights);
            if (ypNorm > 0.5 / h) {
                h = 0.5 / ypNorm;
            }
        }
        h = Math.min(h, hMax);
        if (!settings.stepPastEnd()) {
            h = Math.min(h, distance);
        }
        return h;
    }

    /** Takes one accepted step from tn, retrying with smaller steps and lower orders after failures. */
    private void takeStep(double tEnd) {
        int convergenceFailuresHere = 0;
        int errorFailuresHere = 0;
        int lastFailure = OK;
        double tStart = tn;
        while (true) {
            if (fixedStep) {
                hh = settings.fixedStepSize();
            }
            hh = Math.min(hh, hMax);
            boolean landOnEnd = false;
            // Land exactly on tEnd, also when only a sliver (<= 1e-5 h, e.g. accumulated round-off in t)
            // would remain: stretching h by that much is harmless, a sliver step could underflow.
            if (!settings.stepPastEnd() && tStart + hh * (1.0 + LANDING_SLACK) >= tEnd) {
                hh = tEnd - tStart;
                landOnEnd = true;
            }
            if (steps == 0) {
                // Keep phi_1 = h y'0 consistent with the (possibly clipped) first step.
                double ratio = hh / psi[0];
                if (ratio != 1.0) {
                    for (int i = 0; i < n; i++) {
                        phi[1][i] *= ratio;
                    }
                    psi[0] = hh;
                }
            }
            double hMin = Math.max(settings.minStep(), 1e-14 * Math.abs(tStart));
            if (hh < hMin || tStart + hh == tStart) {
                String reason = "the step size " + hh + " fell below the minimum " + hMin + " (step-size underflow)";
                if (lastFailure == NEWTON_FAILED) {
                    throw failure(reason + " after " + convergenceFailuresHere + " Newton failures and "
                            + errorFailuresHere + " error-test failures on this step; last failure: " + newtonCauseText(),
                            newtonCauseVector(), weights);
                } else if (lastFailure == ERROR_TEST_FAILED) {
                    throw failure(reason + " after " + errorFailuresHere + " error-test failures and "
                            + convergenceFailuresHere + " Newton failures on this step; last local error estimate shown",
                            errorEstimateView(), testWeights);
                }
                throw failure(reason, null, weights);
            }
            setCoefficients();
            tn = landOnEnd ? tEnd : tStart + hh;
            predict();
            int status = nonlinearSolve();
            if (status == OK) {
                status = errorTest();
                if (fixedStep) {
                    status = OK;
                }
            }
            if (status == OK) {
                completeStep();
                computeWeights(yy, tn);
                return;
            }
            restore(tStart);
            lastFailure = status;
            if (status == NEWTON_FAILED) {
                newtonFailures++;
                convergenceFailuresHere++;
                if (fixedStep) {
                    throw failure("the Newton iteration failed with the fixed step " + hh + ": " + newtonCauseText(),
                            newtonCauseVector(), weights);
                }
                if (convergenceFailuresHere >= settings.maxConvergenceFailures()) {
                    throw failure("the Newton iteration failed " + convergenceFailuresHere + " times on one step; last: "
                            + newtonCauseText(), newtonCauseVector(), weights);
                }
                reduceStep(0.25);
                forceSetup = true;
            } else {
                errorTestFailures++;
                errorFailuresHere++;
                if (errorFailuresHere >= settings.maxErrorTestFailures()) {
                    throw failure("the local error test failed " + errorFailuresHere
                            + " times on one step (weighted local error estimate shown)", errorEstimateView(), testWeights);
                }
                phase = 1;
                boolean variableOrder = settings.fixedOrder() == 0;
                if (errorFailuresHere == 1) {
                    double errKnew = knew == kk - 1 ? errKm1 : errK;
                    if (variableOrder) {
                        kk = knew;
                    }
                    double rr = 0.9 * Math.pow(2.0 * errKnew + 0.0001, -1.0 / (kk + 1));
                    reduceStep(Math.max(0.25, Math.min(0.9, rr)));
                } else if (errorFailuresHere == 2) {
                    if (variableOrder) {
                        kk = knew;
                    }
                    reduceStep(0.25);
                } else {
                    if (variableOrder) {
                        kk = 1;
                    }
                    reduceStep(0.25);
                }
            }
        }
    }

    /** h *= ratio; on the very first step also rescales phi_1 = h y'0 (IDA). */
    private void reduceStep(double ratio) {
        hh *= ratio;
        if (steps == 0) {
            psi[0] = hh;
            for (int i = 0; i < n; i++) {
                phi[1][i] *= ratio;
            }
        }
    }

    /** IDASetCoeffs: BDF coefficients for order kk and step hh, and the scaling of phi by beta. */
    private void setCoefficients() {
        if (hh != hused || kk != kused) {
            ns = 0;
        }
        ns = Math.min(ns + 1, kused + 2);
        if (kk + 1 >= ns) {
            beta[0] = 1.0;
            alpha[0] = 1.0;
            double temp1 = hh;
            gamma[0] = 0.0;
            sigma[0] = 1.0;
            for (int i = 1; i <= kk; i++) {
                double temp2 = psi[i - 1];
                psi[i - 1] = temp1;
                beta[i] = beta[i - 1] * psi[i - 1] / temp2;
                temp1 = temp2 + hh;
                alpha[i] = hh / temp1;
                sigma[i] = i * sigma[i - 1] * alpha[i];
                gamma[i] = gamma[i - 1] + alpha[i - 1] / hh;
            }
            psi[kk] = temp1;
        }
        double alphas = 0.0;
        double alpha0 = 0.0;
        for (int i = 0; i < kk; i++) {
            alphas -= 1.0 / (i + 1);
            alpha0 -= alpha[i];
        }
        cjLast = cj;
        cj = -alphas / hh;
        ck = Math.abs(alpha[kk] + alphas - alpha0);
        ck = Math.max(ck, alpha[kk]);
        if (ns <= kk) {
            for (int i = ns; i <= kk; i++) {
                double b = beta[i];
                double[] p = phi[i];
                for (int j = 0; j < n; j++) {
                    p[j] *= b;
                }
            }
        }
    }

    /** Predictor: y_pred = sum_{j<=k} phi_j, y'_pred = sum_{j=1..k} gamma_j phi_j. */
    private void predict() {
        System.arraycopy(phi[0], 0, yyPredicted, 0, n);
        Arrays.fill(ypPredicted, 0, n, 0.0);
        for (int j = 1; j <= kk; j++) {
            double[] p = phi[j];
            double g = gamma[j];
            for (int i = 0; i < n; i++) {
                yyPredicted[i] += p[i];
                ypPredicted[i] += g * p[i];
            }
        }
    }

    /** IDANls: modified Newton on the corrector, refreshing the matrix when stale. */
    private int nonlinearSolve() {
        boolean callSetup = forceSetup;
        cjRatio = cj / cjOld;
        if (cjRatio < CJ_RATIO_LOW || cjRatio > CJ_RATIO_HIGH) {
            callSetup = true;
        }
        if (cj != cjLast) {
            convergenceFactor = 100.0;
        }
        while (true) {
            Arrays.fill(correction, 0, n, 0.0);
            System.arraycopy(yyPredicted, 0, yy, 0, n);
            System.arraycopy(ypPredicted, 0, yp, 0, n);
            if (!evaluateResidual(tn, yy, yp, delta)) {
                newtonCause = CAUSE_RESIDUAL_NOT_FINITE;
                newtonCauseIndex = nonFiniteIndex;
                return NEWTON_FAILED;
            }
            if (callSetup) {
                cjOld = cj;
                cjRatio = 1.0;
                convergenceFactor = 20.0;
                forceSetup = false;
                if (!setupIterationMatrix()) {
                    forceSetup = true;
                    return NEWTON_FAILED;
                }
            }
            int status = newtonIterate();
            if (status == OK || callSetup) {
                return status;
            }
            newtonRetries++;
            callSetup = true; // retry this step once with a fresh matrix
        }
    }

    /** Evaluates and factors dF/dy + cj dF/dy' at the predictor; false on a singular or non-finite matrix. */
    private boolean setupIterationMatrix() {
        jacobianEvaluations++;
        if (system.hasAnalyticJacobian()) {
            system.jacobian(tn, yy, yp, cj, iterationMatrix);
        } else {
            finiteDifferences().iterationMatrix(system, tn, yy, yp, cj, hh, delta, weights, algebraic,
                    iterationMatrix);
            int evaluations = finiteDifferences.groupCount();
            residualEvaluations += evaluations;
            jacobianResidualEvaluations += evaluations;
        }
        return factorIterationMatrix();
    }

    /**
     * Row-equilibrates and factors the iteration matrix; false if it is not finite or singular.
     * Rows are scaled to unit max-norm (and right-hand sides identically in {@link #solveScaled})
     * because DAE iteration matrices mix rows of size cj ~ 1/h with algebraic rows of size one: unscaled,
     * a solver's relative pivot threshold would call a perfectly regular matrix singular at small h.
     */
    private boolean factorIterationMatrix() {
        double[] v = iterationMatrix.values();
        int[] rs = iterationMatrix.rowStart();
        for (int r = 0; r < n; r++) {
            double max = 0.0;
            for (int p = rs[r]; p < rs[r + 1]; p++) {
                double a = Math.abs(v[p]);
                if (!(a < Double.POSITIVE_INFINITY)) {
                    newtonCause = CAUSE_MATRIX_NOT_FINITE;
                    newtonCauseIndex = r;
                    return false;
                }
                max = Math.max(max, a);
            }
            if (max == 0.0) {
                newtonCause = CAUSE_MATRIX_SINGULAR;
                newtonCauseIndex = r;
                return false;
            }
            double scale = 1.0 / max;
            rowScale[r] = scale;
            for (int p = rs[r]; p < rs[r + 1]; p++) {
                v[p] *= scale;
            }
        }
        try {
            linearSolver.factor(iterationMatrix);
        } catch (SingularMatrixException ex) {
            newtonCause = CAUSE_MATRIX_SINGULAR;
            newtonCauseIndex = ex.index();
            return false;
        } finally {
            factorizations++;
        }
        return true;
    }

    /** Solves (row-scaled) J x = rhs with the current factorisation; {@code x} may be {@code rhs}. */
    private void solveScaled(double[] rhs, double[] x) {
        for (int i = 0; i < n; i++) {
            x[i] = rhs[i] * rowScale[i];
        }
        linearSolver.solve(x, x);
    }

    /** IDANewtonIter with IDA's convergence test; {@code delta} holds F at entry. */
    private int newtonIterate() {
        double oldNorm = 0.0;
        double tolerance = settings.newtonTolerance();
        int maxIterations = settings.maxNewtonIterations();
        for (int m = 0; ; ) {
            newtonIterations++;
            solveScaled(delta, delta);
            if (cjRatio != 1.0) {
                // The stale matrix was built for cj_old: 2/(1 + cj/cj_old) rescales the update (IDA).
                double scale = 2.0 / (1.0 + cjRatio);
                for (int i = 0; i < n; i++) {
                    delta[i] *= scale;
                }
            }
            for (int i = 0; i < n; i++) {
                double d = delta[i];
                correction[i] -= d;
                yy[i] = yyPredicted[i] + correction[i];
                yp[i] = ypPredicted[i] + cj * correction[i];
            }
            double norm = weightedNorm(delta, weights);
            newtonCause = CAUSE_NOT_CONVERGED;
            if (!(norm < Double.POSITIVE_INFINITY)) {
                return NEWTON_FAILED;
            }
            if (m == 0) {
                oldNorm = norm;
                if (norm <= 1e-4 * tolerance) {
                    return OK;
                }
            } else {
                double rate = Math.pow(norm / oldNorm, 1.0 / m);
                if (rate > RATE_MAX) {
                    return NEWTON_FAILED;
                }
                convergenceFactor = rate / (1.0 - rate);
            }
            if (convergenceFactor * norm <= tolerance) {
                return OK;
            }
            m++;
            if (m >= maxIterations) {
                return NEWTON_FAILED;
            }
            if (!evaluateResidual(tn, yy, yp, delta)) {
                newtonCause = CAUSE_RESIDUAL_NOT_FINITE;
                newtonCauseIndex = nonFiniteIndex;
                return NEWTON_FAILED;
            }
        }
    }

    /** IDATestError: local error estimate at order k and, for the order choice, at k-1 and k-2. */
    private int errorTest() {
        double enormK = weightedNorm(correction, testWeights);
        errK = sigma[kk] * enormK;
        terrK = (kk + 1) * errK;
        knew = kk;
        if (kk > 1) {
            for (int i = 0; i < n; i++) {
                work[i] = phi[kk][i] + correction[i];
            }
            double enormKm1 = weightedNorm(work, testWeights);
            errKm1 = sigma[kk - 1] * enormKm1;
            terrKm1 = kk * errKm1;
            if (kk > 2) {
                for (int i = 0; i < n; i++) {
                    work[i] += phi[kk - 1][i];
                }
                double enormKm2 = weightedNorm(work, testWeights);
                errKm2 = sigma[kk - 2] * enormKm2;
                terrKm2 = (kk - 1) * errKm2;
                if (Math.max(terrKm1, terrKm2) <= terrK) {
                    knew = kk - 1;
                }
            } else if (terrKm1 <= 0.5 * terrK) {
                knew = kk - 1;
            }
        }
        if (settings.fixedOrder() > 0) {
            knew = kk;
        }
        double errEstimate = ck * enormK;
        return errEstimate > 1.0 ? ERROR_TEST_FAILED : OK;
    }

    /** IDARestore: undo setCoefficients' changes to psi and phi after a failed attempt. */
    private void restore(double tStart) {
        tn = tStart;
        for (int j = 1; j <= kk; j++) {
            psi[j - 1] = psi[j] - hh;
        }
        if (ns <= kk) {
            for (int j = ns; j <= kk; j++) {
                double inv = 1.0 / beta[j];
                double[] p = phi[j];
                for (int i = 0; i < n; i++) {
                    p[i] *= inv;
                }
            }
        }
    }

    /** IDACompleteStep: order and step for the next step, then the phi update. */
    private void completeStep() {
        steps++;
        int kdiff = kk - kused;
        kused = kk;
        hused = hh;
        orderHistogram[kused]++;
        if (knew == kk - 1 || kk == maxOrder) {
            phase = 1;
        }
        if (phase == 0) {
            // Initial phase: raise the order and double the step after every step but the first (IDA).
            if (steps > 1) {
                kk++;
                if (!fixedStep) {
                    hh = Math.min(2.0 * hh, hMax);
                }
            }
        } else {
            int action; // -1 lower, 0 maintain, +1 raise
            if (settings.fixedOrder() > 0) {
                action = kk < maxOrder ? 1 : 0; // only after an early error-test failure interrupted the ramp
            } else if (knew == kk - 1) {
                action = -1;
            } else if (kk == maxOrder || kk + 1 >= ns || kdiff == 1) {
                action = 0; // IDA: change order only after k+1 steps of constant size and order
            } else {
                double terrKp1 = errorAtHigherOrder() * (kk + 2);
                if (kk == 1) {
                    action = terrKp1 >= 0.5 * terrK ? 0 : 1;
                } else if (terrKm1 <= Math.min(terrK, terrKp1)) {
                    action = -1;
                } else if (terrKp1 >= terrK) {
                    action = 0;
                } else {
                    action = 1;
                }
            }
            double errKnew;
            if (action == 1) {
                errKnew = errorAtHigherOrder();
                kk++;
            } else if (action == -1) {
                errKnew = errKm1;
                kk--;
            } else {
                errKnew = errK;
            }
            adaptStep(errKnew);
        }
        updateHistory();
    }

    /** Estimated error at order k+1, ||e - phi_{k+1}|| / (k+2) (phi_{k+1} holds the previous step's e). */
    private double errorAtHigherOrder() {
        for (int i = 0; i < n; i++) {
            work[i] = correction[i] - phi[kk + 1][i];
        }
        return weightedNorm(work, testWeights) / (kk + 2);
    }

    /** IDA's step rule: at most doubling, reductions clipped to [0.5, 0.9], none when the gain is small. */
    private void adaptStep(double errKnew) {
        if (fixedStep) {
            return;
        }
        double hNew = hh;
        double ratio = Math.pow(2.0 * errKnew + 0.0001, -1.0 / (kk + 1));
        if (ratio >= 2.0) {
            hNew = 2.0 * hh;
        } else if (ratio <= 1.0) {
            hNew = hh * Math.max(0.5, Math.min(0.9, ratio));
        }
        hh = Math.min(hNew, hMax);
    }

    /** phi_{k+1} = e (kept for the next order-raise estimate); phi_j += phi_{j+1} downwards. */
    private void updateHistory() {
        if (kused < MAX_ORDER) {
            System.arraycopy(correction, 0, phi[kused + 1], 0, n);
        }
        double[] pk = phi[kused];
        for (int i = 0; i < n; i++) {
            pk[i] += correction[i];
        }
        for (int j = kused - 1; j >= 0; j--) {
            double[] pj = phi[j];
            double[] pj1 = phi[j + 1];
            for (int i = 0; i < n; i++) {
                pj[i] += pj1[i];
            }
        }
    }

    /**
     * The vector shown with a Newton failure: the last update, or the residual holding the non-finite
     * entry (its weighted norm is then NaN and the offending equation is listed first); none for matrix failures.
     */
    private double[] newtonCauseVector() {
        return newtonCause == CAUSE_MATRIX_SINGULAR || newtonCause == CAUSE_MATRIX_NOT_FINITE ? null : delta;
    }

    /** Describes the last Newton failure (only on the failure path). */
    private String newtonCauseText() {
        switch (newtonCause) {
            case CAUSE_RESIDUAL_NOT_FINITE:
                return "the residual was not finite in equation " + newtonCauseIndex
                        + (newtonCauseIndex >= 0 && newtonCauseIndex < n && algebraic[newtonCauseIndex] ? " (algebraic)" : "");
            case CAUSE_MATRIX_SINGULAR:
                return "the iteration matrix dF/dy + cj dF/dy' was singular (at row/column " + newtonCauseIndex + ")";
            case CAUSE_MATRIX_NOT_FINITE:
                return "the iteration matrix dF/dy + cj dF/dy' had a non-finite entry in row " + newtonCauseIndex;
            default:
                return "the Newton iteration diverged or converged too slowly (weighted update shown)";
        }
    }

    /** The local error estimate ck * e (for failure reports). */
    private double[] errorEstimateView() {
        for (int i = 0; i < n; i++) {
            work[i] = ck * correction[i];
        }
        return work;
    }

    // =====================================================================================
    // Dense output
    // =====================================================================================

    /**
     * The interpolating polynomial of the last step (IDAGetSolution): with delta = t - t_n,
     * y(t) = sum_j c_j phi_j where c_0 = 1, c_j = c_{j-1} (delta + psi_{j-2}) / psi_{j-1}. At the
     * step's end points it returns the stored corrector values so that step-end states are
     * exactly those reported elsewhere.
     */
    private final class DenseStep implements DenseOutput {
        private double previous;
        private double current;

        void set(double previousTime, double currentTime) {
            previous = previousTime;
            current = currentTime;
        }

        @Override
        public double previousTime() {
            return previous;
        }

        @Override
        public double currentTime() {
            return current;
        }

        @Override
        public void interpolate(double t, double[] y, double[] yDot) {
            if (t == tn) {
                System.arraycopy(yy, 0, y, 0, n);
                if (yDot != null) {
                    System.arraycopy(yp, 0, yDot, 0, n);
                }
                return;
            }
            if (t == previous) {
                System.arraycopy(yStepStart, 0, y, 0, n);
                if (yDot != null) {
                    System.arraycopy(ypStepStart, 0, yDot, 0, n);
                }
                return;
            }
            double deltaT = t - tn;
            double c = 1.0;
            double d = 0.0;
            double gam = deltaT / psi[0];
            int order = Math.max(kused, 1);
            System.arraycopy(phi[0], 0, y, 0, n);
            if (yDot != null) {
                Arrays.fill(yDot, 0, n, 0.0);
            }
            for (int j = 1; j <= order; j++) {
                d = d * gam + c / psi[j - 1];
                c = c * gam;
                gam = (deltaT + psi[j - 1]) / psi[j];
                double[] p = phi[j];
                for (int i = 0; i < n; i++) {
                    y[i] += c * p[i];
                }
                if (yDot != null) {
                    for (int i = 0; i < n; i++) {
                        yDot[i] += d * p[i];
                    }
                }
            }
        }
    }

    // =====================================================================================
    // Helpers
    // =====================================================================================

    /** Allocates the workspace and analyses the linear solver when the pattern instance changes. */
    private void prepare(DaeSystem sys, double t0, double[] y0, double[] yDot0) {
        int dim = sys.dimension();
        if (dim <= 0) {
            throw new IllegalArgumentException("system dimension must be positive, got " + dim);
        }
        Objects.requireNonNull(y0, "y0");
        Objects.requireNonNull(yDot0, "yDot0");
        if (y0.length != dim || yDot0.length != dim) {
            throw new IllegalArgumentException("y0 and yDot0 must have the system dimension " + dim + ", got "
                    + y0.length + " and " + yDot0.length);
        }
        for (int i = 0; i < dim; i++) {
            if (!Double.isFinite(y0[i]) || !Double.isFinite(yDot0[i])) {
                throw new IllegalArgumentException("initial value of component " + i + " is not finite: y = " + y0[i]
                        + ", yDot = " + yDot0[i]);
            }
        }
        double[] atol = settings.absoluteTolerances();
        if (atol != null && atol.length != dim) {
            throw new IllegalArgumentException("absoluteTolerances has length " + atol.length
                    + " but the system dimension is " + dim);
        }
        CsrMatrix p = sys.jacobianPattern();
        if (p.rows() != dim || p.columns() != dim) {
            throw new IllegalArgumentException("Jacobian pattern is " + p.rows() + " x " + p.columns()
                    + " but the system dimension is " + dim);
        }
        if (p != pattern) {
            pattern = p;
            n = dim;
            iterationMatrix = p.withSamePattern();
            scratchMatrix = null;
            finiteDifferences = null;
            linearSolver = settings.linearSolver() != null ? settings.linearSolver().get() : defaultLinearSolver(p);
            linearSolver.analyse(p);
            algebraic = new boolean[n];
            for (int j = 0; j < phi.length; j++) {
                phi[j] = new double[n];
            }
            weights = new double[n];
            rowScale = new double[n];
            testWeights = new double[n];
            yy = new double[n];
            yp = new double[n];
            yyPredicted = new double[n];
            ypPredicted = new double[n];
            correction = new double[n];
            delta = new double[n];
            work = new double[n];
            yStepStart = new double[n];
            ypStepStart = new double[n];
            yEvent = new double[n];
            ypEvent = new double[n];
        }
        for (int i = 0; i < n; i++) {
            algebraic[i] = sys.isAlgebraic(i);
            if (!algebraic[i] && p.slot(i, i) < 0) {
                throw new IllegalArgumentException("Jacobian pattern lacks the diagonal entry (" + i + ", " + i
                        + ") of differential component " + i);
            }
        }
    }

    /**
     * The default Newton solver for a pattern: the cheapest of dense, banded and general sparse LU
     * by an operation-count model of one factorisation plus ten solves (modified Newton typically
     * does several solves per factorisation):
     * <ul>
     * <li>dense LU ({@link DenseLuSolver}): (2/3) n^3 + 10 * 2 n^2;</li>
     * <li>band LU ({@link BandedLuSolver}, natural or reverse Cuthill-McKee numbering, whichever gives
     * the narrower band): 2 n kl (kl + ku + 1) + 10 * 2 n (2 kl + ku + 1);</li>
     * <li>sparse LU ({@link SparseLuSolver}, approximate minimum degree): the flops of the symbolic
     * Cholesky factor of A + A^T doubled for LU, plus 10 * 2 nnz(L + U), all weighted by 3 for
     * indirect addressing.</li>
     * </ul>
     * Systems of at most {@value #DENSE_ALWAYS} unknowns always use dense LU.
     */
    static LinearSolver defaultLinearSolver(CsrMatrix pattern) {
        int n = pattern.rows();
        if (n <= DENSE_ALWAYS) {
            return new DenseLuSolver();
        }
        final int solvesPerFactorization = 10;
        double dense = (2.0 / 3.0) * n * (double) n * n + solvesPerFactorization * 2.0 * n * (double) n;
        BandedLuSolver banded = new BandedLuSolver(BandedLuSolver.Ordering.SMALLER_BAND);
        double band;
        try {
            // the bandwidths alone: analysing would allocate the band, which for a large system may not fit
            int[] bandwidths = banded.bandwidthsOf(pattern);
            double kl = bandwidths[0];
            double ku = bandwidths[1];
            band = 2.0 * n * kl * (kl + ku + 1) + solvesPerFactorization * 2.0 * n * (2 * kl + ku + 1);
        } catch (RuntimeException structural) {
            band = Double.POSITIVE_INFINITY;
        }
        AdjacencyGraph graph = AdjacencyGraph.of(pattern);
        int[] order = FillReducingOrdering.APPROXIMATE_MINIMUM_DEGREE.order(graph);
        double choleskyFlops = SymbolicCholesky.factorFlops(graph, order);
        double factorNonZeros = SymbolicCholesky.factorNonZeros(graph, order);
        double sparse = 3.0 * (2.0 * choleskyFlops + solvesPerFactorization * 2.0 * 2.0 * factorNonZeros);
        if (dense <= band && dense <= sparse) {
            return new DenseLuSolver();
        }
        return band <= sparse ? banded : new SparseLuSolver(FillReducingOrdering.APPROXIMATE_MINIMUM_DEGREE);
    }

    /** Name of the linear solver in use for the last system pattern (null before the first call). */
    public String linearSolverName() {
        return linearSolver == null ? null : linearSolver.name();
    }

    private ColoredFiniteDifferenceJacobian finiteDifferences() {
        if (finiteDifferences == null) {
            finiteDifferences = new ColoredFiniteDifferenceJacobian(pattern);
        }
        return finiteDifferences;
    }

    /** Number of residual evaluations per finite-difference Jacobian for the current pattern (for reports). */
    int finiteDifferenceGroups() {
        return finiteDifferences().groupCount();
    }

    private boolean evaluateResidual(double t, double[] y, double[] yDot, double[] out) {
        residualEvaluations++;
        system.residual(t, y, yDot, out);
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(out[i])) {
                nonFiniteIndex = i;
                return false;
            }
        }
        return true;
    }

    /** w_i = 1/(rtol |y_i| + atol_i); error-test weights zero algebraic components when suppressed. */
    private void computeWeights(double[] y, double t) {
        double rtol = settings.relativeTolerance();
        boolean suppress = settings.suppressAlgebraicErrors();
        for (int i = 0; i < n; i++) {
            double denominator = rtol * Math.abs(y[i]) + settings.absoluteToleranceOf(i);
            if (!(denominator > 0.0) || Double.isInfinite(denominator)) {
                String msg = "error weight of component " + i + " is undefined at t = " + t + ": rtol |y| + atol = "
                        + denominator + " (y = " + y[i] + ", atol = " + settings.absoluteToleranceOf(i)
                        + "); use a positive absolute tolerance for components that can be zero";
                throw new IllegalArgumentException(msg);
            }
            weights[i] = 1.0 / denominator;
            testWeights[i] = suppress && algebraic[i] ? 0.0 : weights[i];
        }
    }

    private double weightedNorm(double[] v, double[] w) {
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            double x = v[i] * w[i];
            sum += x * x;
        }
        return Math.sqrt(sum / n);
    }

    private List<DaeIntegrationException.WorstComponent> worstComponents(double[] v, double[] w) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(contribution(v, w, b), contribution(v, w, a)));
        List<DaeIntegrationException.WorstComponent> worst = new ArrayList<>();
        for (int k = 0; k < Math.min(WORST_COMPONENTS, n); k++) {
            int i = order[k];
            worst.add(new DaeIntegrationException.WorstComponent(i, v[i] * w[i]));
        }
        return worst;
    }

    private static double contribution(double[] v, double[] w, int i) {
        double c = Math.abs(v[i] * w[i]);
        return Double.isNaN(c) ? Double.POSITIVE_INFINITY : c;
    }

    private void appendWorst(StringBuilder msg, List<DaeIntegrationException.WorstComponent> worst, boolean initialization) {
        for (DaeIntegrationException.WorstComponent c : worst) {
            msg.append(' ');
            if (initialization) {
                msg.append(algebraic[c.index()] ? "y[" : "yDot[").append(c.index()).append(']');
            } else {
                msg.append('[').append(c.index()).append(algebraic[c.index()] ? " alg" : "").append(']');
            }
            msg.append(": ").append(String.format("%.3e", c.weightedContribution()));
        }
    }

    /**
     * Builds the failure exception after a restore: tn and phi_0 are the last accepted time and state.
     *
     * @param vector the failing quantity (local error estimate or Newton update), or null
     */
    private DaeIntegrationException failure(String reason, double[] vector, double[] w) {
        double norm = vector == null ? Double.NaN : weightedNorm(vector, w);
        List<DaeIntegrationException.WorstComponent> worst = vector == null ? List.of() : worstComponents(vector, w);
        StringBuilder msg = new StringBuilder("BDF integration failed at t = ").append(tn).append(" (step size ")
                .append(hh).append(", order ").append(kk).append("): ").append(reason);
        if (vector != null) {
            msg.append("; weighted norm ").append(norm).append("; largest weighted components");
            appendWorst(msg, worst, false);
        }
        return new DaeIntegrationException(msg.toString(), tn, hh, kk, norm, worst, tn, yStepStart, ypStepStart);
    }

    private void resetCounters() {
        steps = 0;
        errorTestFailures = 0;
        newtonIterations = 0;
        newtonFailures = 0;
        newtonRetries = 0;
        residualEvaluations = 0;
        jacobianResidualEvaluations = 0;
        jacobianEvaluations = 0;
        factorizations = 0;
        Arrays.fill(orderHistogram, 0);
    }

    /**
     * The counters of the latest {@link #integrate} call so far; after an exception they still
     * describe the work done up to the failure (so a failed run can report it).
     */
    public BdfStatistics statistics() {
        return new BdfStatistics(steps, errorTestFailures, newtonIterations, newtonFailures, newtonRetries,
                residualEvaluations,
                jacobianResidualEvaluations, jacobianEvaluations, factorizations, orderHistogram, hused, kused);
    }
}
