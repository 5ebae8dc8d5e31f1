package io.nernst.solvers.dae;

import io.nernst.solvers.linear.LinearSolver;
import io.nernst.solvers.linear.LinearSolverChoice;
import io.nernst.solvers.sparse.CsrMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

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
 * <p><b>Parts.</b> {@link ConsistentInitialization} (IDACalcIC), {@link EventLocator} (root finding on
 * the dense output), {@link BdfDenseOutput} (history phi_j, psi_j and interpolation),
 * {@link IterationMatrix} (Jacobian evaluation, equilibration, factorisation) and the linear-solver
 * choice {@link LinearSolverChoice}; this class holds the step logic of IDA.
 *
 * <p><b>Use.</b> An instance keeps the workspace of the last system pattern it saw (the linear
 * solver's symbolic analysis is done once per pattern, compared by content, so a second system on
 * the same mesh reuses it) and is therefore not thread-safe;
 * use one integrator per thread. The stepping loop allocates nothing.
 */
public final class BdfIntegrator implements DaeIntegrator {
    private static final int MAX_ORDER = BdfDenseOutput.MAX_ORDER;
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
    private final BdfDenseOutput dense = new BdfDenseOutput();
    private final EventLocator eventLocator;
    private final ConsistentInitialization consistentInitialization = new ConsistentInitialization(this);

    // ---- workspace tied to the system pattern ----
    int n;
    IterationMatrix iterationMatrix;
    boolean[] algebraic;
    /** The history phi_j (owned by the dense output, which interpolates it). */
    private final double[][] phi = dense.phi;
    double[] weights;
    private double[] testWeights;
    private double[] yy;
    private double[] yp;
    double[] yyPredicted;
    double[] ypPredicted;
    double[] correction;
    double[] delta;
    double[] work;
    private double[] yStepStart;
    private double[] ypStepStart;
    private double[] yEvent;
    private double[] ypEvent;

    // ---- BDF coefficients and step state (names follow IDA / DASSL) ----
    private final double[] psi = dense.psi;
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
    private final long[] orderHistogram = new long[MAX_ORDER + 1];

    /** An integrator with the given settings. */
    public BdfIntegrator(BdfSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.eventLocator = new EventLocator(settings);
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
    @Override
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
        consistentInitialization.run(system, t0, y, yDot, timeScale, settings.newtonTolerance());
    }

    /** Counts one Jacobian evaluation that cost {@code residualEvaluationsSpent} residual evaluations. */
    void countJacobian(int residualEvaluationsSpent) {
        jacobianEvaluations++;
        residualEvaluations += residualEvaluationsSpent;
        jacobianResidualEvaluations += residualEvaluationsSpent;
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
    @Override
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

        eventLocator.start(eventList, t0, yy, yp);
        int eventCount = eventLocator.eventCount();
        List<double[]> found = List.of();

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
            dense.accepted(tn, kused);
            dense.set(tStart, stepEnd);

            int terminalEvent = -1;
            double terminalTime = stepEnd;
            if (eventCount > 0) {
                found = eventLocator.locate(dense, tStart, stepEnd, yEvent, ypEvent);
                if (!found.isEmpty()) {
                    for (double[] f : found) {
                        if (eventLocator.terminal((int) f[1])) {
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
        boolean factored = iterationMatrix.setup(system, tn, yy, yp, cj, hh, delta, weights, algebraic);
        countJacobian(iterationMatrix.lastResidualEvaluations());
        if (!factored) {
            newtonCause = iterationMatrix.failureKind() == IterationMatrix.NOT_FINITE ? CAUSE_MATRIX_NOT_FINITE
                    : CAUSE_MATRIX_SINGULAR;
            newtonCauseIndex = iterationMatrix.failureIndex();
        }
        return factored;
    }

    /** IDANewtonIter with IDA's convergence test; {@code delta} holds F at entry. */
    private int newtonIterate() {
        double oldNorm = 0.0;
        double tolerance = settings.newtonTolerance();
        int maxIterations = settings.maxNewtonIterations();
        for (int m = 0; ; ) {
            newtonIterations++;
            iterationMatrix.solveScaled(delta, delta);
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
        dense.update(correction, kused);
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
        if (iterationMatrix == null || !p.samePattern(iterationMatrix.pattern())) {
            // Compared by content: a second system on the same mesh reuses the symbolic analysis.
            n = dim;
            LinearSolver linearSolver = settings.linearSolver() != null ? settings.linearSolver().get()
                    : LinearSolverChoice.cheapestFor(p);
            iterationMatrix = new IterationMatrix(p, linearSolver);
            algebraic = new boolean[n];
            weights = new double[n];
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
            dense.allocate(n, yy, yp, yStepStart, ypStepStart);
        }
        for (int i = 0; i < n; i++) {
            algebraic[i] = sys.isAlgebraic(i);
            if (!algebraic[i] && p.slot(i, i) < 0) {
                throw new IllegalArgumentException("Jacobian pattern lacks the diagonal entry (" + i + ", " + i
                        + ") of differential component " + i);
            }
        }
    }

    /** The default Newton solver for a pattern: {@link LinearSolverChoice#cheapestFor}. */
    static LinearSolver defaultLinearSolver(CsrMatrix pattern) {
        return LinearSolverChoice.cheapestFor(pattern);
    }

    /** Name of the linear solver in use for the last system pattern (null before the first call). */
    @Override
    public String linearSolverName() {
        return iterationMatrix == null ? null : iterationMatrix.linearSolverName();
    }

    /** Number of residual evaluations per finite-difference Jacobian for the current pattern (for reports). */
    int finiteDifferenceGroups() {
        return iterationMatrix.finiteDifferences().groupCount();
    }

    boolean evaluateResidual(double t, double[] y, double[] yDot, double[] out) {
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

    double weightedNorm(double[] v, double[] w) {
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            double x = v[i] * w[i];
            sum += x * x;
        }
        return Math.sqrt(sum / n);
    }

    List<DaeIntegrationException.WorstComponent> worstComponents(double[] v, double[] w) {
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

    void appendWorst(StringBuilder msg, List<DaeIntegrationException.WorstComponent> worst, boolean initialization) {
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
        iterationMatrix.resetCounters();
        Arrays.fill(orderHistogram, 0);
    }

    /**
     * The counters of the latest {@link #integrate} call so far; after an exception they still
     * describe the work done up to the failure (so a failed run can report it).
     */
    public BdfStatistics statistics() {
        return new BdfStatistics(steps, errorTestFailures, newtonIterations, newtonFailures, newtonRetries,
                residualEvaluations,
                jacobianResidualEvaluations, jacobianEvaluations, iterationMatrix.factorizations(), orderHistogram, hused, kused);
    }
}
