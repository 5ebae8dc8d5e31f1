package io.nernst.solvers.dae;

import io.nernst.solvers.linear.LinearSolver;
import java.util.function.Supplier;

/**
 * Immutable settings of a {@link BdfIntegrator}, built with {@link #builder()}. Defaults follow
 * SUNDIALS IDA (Hindmarsh et al. 2005) where it has one.
 *
 * <p>Error control: the local error estimate e is accepted when its weighted RMS norm
 * sqrt(mean((e_i w_i)^2)) is at most one, with weights w_i = 1/(rtol |y_i| + atol_i) recomputed
 * after every step.
 */
public final class BdfSettings {
    private final double relativeTolerance;
    private final double absoluteTolerance;
    private final double[] absoluteTolerances;
    private final double maxStep;
    private final double initialStep;
    private final double minStep;
    private final int maxOrder;
    private final Supplier<LinearSolver> linearSolver;
    private final boolean suppressAlgebraicErrors;
    private final int fixedOrder;
    private final double fixedStepSize;
    private final long maxSteps;
    private final int maxNewtonIterations;
    private final int maxErrorTestFailures;
    private final int maxConvergenceFailures;
    private final double newtonTolerance;
    private final double eventTimeRelativeTolerance;
    private final double eventTimeAbsoluteTolerance;
    private final boolean stepPastEnd;

    private BdfSettings(Builder b) {
        relativeTolerance = b.relativeTolerance;
        absoluteTolerance = b.absoluteTolerance;
        absoluteTolerances = b.absoluteTolerances == null ? null : b.absoluteTolerances.clone();
        maxStep = b.maxStep;
        initialStep = b.initialStep;
        minStep = b.minStep;
        maxOrder = b.maxOrder;
        linearSolver = b.linearSolver;
        suppressAlgebraicErrors = b.suppressAlgebraicErrors;
        fixedOrder = b.fixedOrder;
        fixedStepSize = b.fixedStepSize;
        maxSteps = b.maxSteps;
        maxNewtonIterations = b.maxNewtonIterations;
        maxErrorTestFailures = b.maxErrorTestFailures;
        maxConvergenceFailures = b.maxConvergenceFailures;
        newtonTolerance = b.newtonTolerance;
        eventTimeRelativeTolerance = b.eventTimeRelativeTolerance;
        eventTimeAbsoluteTolerance = b.eventTimeAbsoluteTolerance;
        stepPastEnd = b.stepPastEnd;
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.relativeTolerance = relativeTolerance;
        b.absoluteTolerance = absoluteTolerance;
        b.absoluteTolerances = absoluteTolerances == null ? null : absoluteTolerances.clone();
        b.maxStep = maxStep;
        b.initialStep = initialStep;
        b.minStep = minStep;
        b.maxOrder = maxOrder;
        b.linearSolver = linearSolver;
        b.suppressAlgebraicErrors = suppressAlgebraicErrors;
        b.fixedOrder = fixedOrder;
        b.fixedStepSize = fixedStepSize;
        b.maxSteps = maxSteps;
        b.maxNewtonIterations = maxNewtonIterations;
        b.maxErrorTestFailures = maxErrorTestFailures;
        b.maxConvergenceFailures = maxConvergenceFailures;
        b.newtonTolerance = newtonTolerance;
        b.eventTimeRelativeTolerance = eventTimeRelativeTolerance;
        b.eventTimeAbsoluteTolerance = eventTimeAbsoluteTolerance;
        b.stepPastEnd = stepPastEnd;
        return b;
    }

    /** Relative tolerance rtol (default 1e-6). */
    public double relativeTolerance() {
        return relativeTolerance;
    }

    /** Scalar absolute tolerance atol (default 1e-8), used when no per-component tolerances are set. */
    public double absoluteTolerance() {
        return absoluteTolerance;
    }

    /** Per-component absolute tolerances (a copy), or {@code null} when the scalar one applies. */
    public double[] absoluteTolerances() {
        return absoluteTolerances == null ? null : absoluteTolerances.clone();
    }

    /** Absolute tolerance of component i. */
    public double absoluteToleranceOf(int component) {
        return absoluteTolerances == null ? absoluteTolerance : absoluteTolerances[component];
    }

    /** Largest step (default +infinity). */
    public double maxStep() {
        return maxStep;
    }

    /** First step, or NaN to estimate it (IDA's rule: min(0.001 |tEnd - t0|, 0.5 / ||y'0||)). */
    public double initialStep() {
        return initialStep;
    }

    /** User lower bound on the step (default 0; a relative bound of 1e-14 |t| always applies). */
    public double minStep() {
        return minStep;
    }

    /** Largest BDF order, 1..5 (default 5). */
    public int maxOrder() {
        return maxOrder;
    }

    /** Factory of the Newton linear solver, or {@code null} for the integrator's default choice. */
    public Supplier<LinearSolver> linearSolver() {
        return linearSolver;
    }

    /** True when algebraic components are left out of the local error test (IDA's suppressalg; default false). */
    public boolean suppressAlgebraicErrors() {
        return suppressAlgebraicErrors;
    }

    /** Forced BDF order (0 = variable order). */
    public int fixedOrder() {
        return fixedOrder;
    }

    /** Forced constant step without error control, or NaN for adaptive steps. */
    public double fixedStepSize() {
        return fixedStepSize;
    }

    /** Step budget of one integrate call (default 500000). */
    public long maxSteps() {
        return maxSteps;
    }

    /** Newton iterations per step attempt (default 4, as IDA). */
    public int maxNewtonIterations() {
        return maxNewtonIterations;
    }

    /** Error-test failures allowed on one step (default 10, as IDA). */
    public int maxErrorTestFailures() {
        return maxErrorTestFailures;
    }

    /** Newton convergence failures allowed on one step (default 10, as IDA). */
    public int maxConvergenceFailures() {
        return maxConvergenceFailures;
    }

    /** Newton convergence tolerance in the weighted norm, relative to the error test (default 0.33, as IDA). */
    public double newtonTolerance() {
        return newtonTolerance;
    }

    /** Relative accuracy of located event times (default 1e-12). */
    public double eventTimeRelativeTolerance() {
        return eventTimeRelativeTolerance;
    }

    /** Absolute accuracy of located event times in time units (default 1e-12). */
    public double eventTimeAbsoluteTolerance() {
        return eventTimeAbsoluteTolerance;
    }

    /**
     * When true, steps may pass tEnd and the end state is interpolated; when false (default) no
     * step ever goes beyond tEnd, because the model's inputs may change there.
     */
    public boolean stepPastEnd() {
        return stepPastEnd;
    }

    /** Builder of {@link BdfSettings}; {@link #build()} validates. */
    public static final class Builder {
        private double relativeTolerance = 1e-6;
        private double absoluteTolerance = 1e-8;
        private double[] absoluteTolerances;
        private double maxStep = Double.POSITIVE_INFINITY;
        private double initialStep = Double.NaN;
        private double minStep = 0.0;
        private int maxOrder = 5;
        private Supplier<LinearSolver> linearSolver;
        private boolean suppressAlgebraicErrors;
        private int fixedOrder;
        private double fixedStepSize = Double.NaN;
        private long maxSteps = 500_000;
        private int maxNewtonIterations = 4;
        private int maxErrorTestFailures = 10;
        private int maxConvergenceFailures = 10;
        private double newtonTolerance = 0.33;
        private double eventTimeRelativeTolerance = 1e-12;
        private double eventTimeAbsoluteTolerance = 1e-12;
        private boolean stepPastEnd;

        private Builder() {
        }

        /** Sets {@link BdfSettings#relativeTolerance()}. */
        public Builder relativeTolerance(double rtol) {
            this.relativeTolerance = rtol;
            return this;
        }

        /** Sets {@link BdfSettings#absoluteTolerance()}. */
        public Builder absoluteTolerance(double atol) {
            this.absoluteTolerance = atol;
            return this;
        }

        /** Per-component absolute tolerances (copied); overrides the scalar one. */
        public Builder absoluteTolerances(double[] atol) {
            this.absoluteTolerances = atol == null ? null : atol.clone();
            return this;
        }

        /** Sets {@link BdfSettings#maxStep()}. */
        public Builder maxStep(double h) {
            this.maxStep = h;
            return this;
        }

        /** Sets {@link BdfSettings#initialStep()}. */
        public Builder initialStep(double h0) {
            this.initialStep = h0;
            return this;
        }

        /** Sets {@link BdfSettings#minStep()}. */
        public Builder minStep(double h) {
            this.minStep = h;
            return this;
        }

        /** Sets {@link BdfSettings#maxOrder()}. */
        public Builder maxOrder(int order) {
            this.maxOrder = order;
            return this;
        }

        /** Sets {@link BdfSettings#linearSolver()}. */
        public Builder linearSolver(Supplier<LinearSolver> factory) {
            this.linearSolver = factory;
            return this;
        }

        /** Sets {@link BdfSettings#suppressAlgebraicErrors()}. */
        public Builder suppressAlgebraicErrors(boolean suppress) {
            this.suppressAlgebraicErrors = suppress;
            return this;
        }

        /**
         * Forces BDF order k (1..5): the order still ramps up 1, 2, ..., k over the first steps (the
         * history needs k past values) and then stays at k. 0 restores variable order.
         */
        public Builder fixedOrder(int order) {
            this.fixedOrder = order;
            return this;
        }

        /**
         * Forces a constant step h without local error control (for convergence-order studies); only
         * the last step is shortened to land on tEnd. NaN restores adaptive steps.
         */
        public Builder fixedStepSize(double h) {
            this.fixedStepSize = h;
            return this;
        }

        /** Sets {@link BdfSettings#maxSteps()}. */
        public Builder maxSteps(long steps) {
            this.maxSteps = steps;
            return this;
        }

        /** Sets {@link BdfSettings#maxNewtonIterations()}. */
        public Builder maxNewtonIterations(int iterations) {
            this.maxNewtonIterations = iterations;
            return this;
        }

        /** Sets {@link BdfSettings#maxErrorTestFailures()}. */
        public Builder maxErrorTestFailures(int failures) {
            this.maxErrorTestFailures = failures;
            return this;
        }

        /** Sets {@link BdfSettings#maxConvergenceFailures()}. */
        public Builder maxConvergenceFailures(int failures) {
            this.maxConvergenceFailures = failures;
            return this;
        }

        /** Sets {@link BdfSettings#newtonTolerance()}. */
        public Builder newtonTolerance(double tolerance) {
            this.newtonTolerance = tolerance;
            return this;
        }

        /** Sets {@link BdfSettings#eventTimeRelativeTolerance()}. */
        public Builder eventTimeRelativeTolerance(double tolerance) {
            this.eventTimeRelativeTolerance = tolerance;
            return this;
        }

        /** Sets {@link BdfSettings#eventTimeAbsoluteTolerance()}. */
        public Builder eventTimeAbsoluteTolerance(double tolerance) {
            this.eventTimeAbsoluteTolerance = tolerance;
            return this;
        }

        /** Sets {@link BdfSettings#stepPastEnd()}. */
        public Builder stepPastEnd(boolean allowed) {
            this.stepPastEnd = allowed;
            return this;
        }

        /**
         * @throws IllegalArgumentException naming the first setting out of range, its value and what is allowed
         */
        public BdfSettings build() {
            requirePositiveFinite("relativeTolerance", relativeTolerance);
            if (!(absoluteTolerance >= 0.0) || Double.isInfinite(absoluteTolerance)) {
                throw new IllegalArgumentException("absoluteTolerance must be finite and >= 0, got " + absoluteTolerance);
            }
            if (absoluteTolerances != null) {
                for (int i = 0; i < absoluteTolerances.length; i++) {
                    double a = absoluteTolerances[i];
                    if (!(a >= 0.0) || Double.isInfinite(a)) {
                        throw new IllegalArgumentException("absoluteTolerances[" + i + "] must be finite and >= 0, got " + a);
                    }
                }
            }
            if (!(maxStep > 0.0)) {
                throw new IllegalArgumentException("maxStep must be > 0, got " + maxStep);
            }
            if (!Double.isNaN(initialStep)) {
                requirePositiveFinite("initialStep", initialStep);
            }
            if (!(minStep >= 0.0) || Double.isInfinite(minStep)) {
                throw new IllegalArgumentException("minStep must be finite and >= 0, got " + minStep);
            }
            if (maxOrder < 1 || maxOrder > 5) {
                throw new IllegalArgumentException("maxOrder must be in 1..5, got " + maxOrder);
            }
            if (fixedOrder < 0 || fixedOrder > 5) {
                throw new IllegalArgumentException("fixedOrder must be 0 (variable) or in 1..5, got " + fixedOrder);
            }
            if (!Double.isNaN(fixedStepSize)) {
                requirePositiveFinite("fixedStepSize", fixedStepSize);
            }
            if (maxSteps < 1) {
                throw new IllegalArgumentException("maxSteps must be >= 1, got " + maxSteps);
            }
            if (maxNewtonIterations < 1) {
                throw new IllegalArgumentException("maxNewtonIterations must be >= 1, got " + maxNewtonIterations);
            }
            if (maxErrorTestFailures < 1) {
                throw new IllegalArgumentException("maxErrorTestFailures must be >= 1, got " + maxErrorTestFailures);
            }
            if (maxConvergenceFailures < 1) {
                throw new IllegalArgumentException("maxConvergenceFailures must be >= 1, got " + maxConvergenceFailures);
            }
            requirePositiveFinite("newtonTolerance", newtonTolerance);
            if (!(eventTimeRelativeTolerance >= 0.0) || !(eventTimeAbsoluteTolerance >= 0.0)
                    || eventTimeRelativeTolerance + eventTimeAbsoluteTolerance <= 0.0
                    || Double.isInfinite(eventTimeRelativeTolerance + eventTimeAbsoluteTolerance)) {
                throw new IllegalArgumentException("event time tolerances must be finite, >= 0 and not both 0, got relative "
                        + eventTimeRelativeTolerance + ", absolute " + eventTimeAbsoluteTolerance);
            }
            return new BdfSettings(this);
        }

        private static void requirePositiveFinite(String name, double value) {
            if (!(value > 0.0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
            }
        }
    }
}
