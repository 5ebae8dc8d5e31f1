package io.nernst.solvers.multigrid;

import io.nernst.solvers.linear.IterativeSolverChecks;

/**
 * Immutable settings of a {@link GeometricMultigrid}, built with {@link #builder()}:
 * <pre>{@code
 * MultigridSettings s = MultigridSettings.builder().relativeTolerance(1e-10)
 *         .acceleration(MultigridSettings.Acceleration.CONJUGATE_GRADIENT).build();
 * }</pre>
 * Defaults: two pre- and two post-smoothing red-black Gauss-Seidel sweeps, coarsening down to
 * at most 64 cells, relative residual tolerance 1e-8, at most 200 iterations, conjugate-gradient
 * acceleration.
 */
public final class MultigridSettings {

    /** How {@link GeometricMultigrid#solve} iterates. */
    public enum Acceleration {
        /** Plain V-cycles (stationary iteration). */
        NONE,
        /**
         * Conjugate gradients preconditioned by one V-cycle per iteration; robust when the
         * coefficient jumps by orders of magnitude, where plain V-cycles slow down.
         */
        CONJUGATE_GRADIENT
    }

    private final int preSmoothing;
    private final int postSmoothing;
    private final int coarsestCells;
    private final double relativeTolerance;
    private final int maxIterations;
    private final Acceleration acceleration;

    private MultigridSettings(Builder b) {
        this.preSmoothing = b.preSmoothing;
        this.postSmoothing = b.postSmoothing;
        this.coarsestCells = b.coarsestCells;
        this.relativeTolerance = b.relativeTolerance;
        this.maxIterations = b.maxIterations;
        this.acceleration = b.acceleration;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The default settings. */
    public static MultigridSettings defaults() {
        return builder().build();
    }

    /** Red-black Gauss-Seidel sweeps before the coarse-grid correction. */
    public int preSmoothing() {
        return preSmoothing;
    }

    /** Black-red Gauss-Seidel sweeps after the coarse-grid correction. */
    public int postSmoothing() {
        return postSmoothing;
    }

    /** Coarsening stops once a level has at most this many cells. */
    public int coarsestCells() {
        return coarsestCells;
    }

    /** Convergence when {@code ||b - A x||_2 <= relativeTolerance ||b||_2}. */
    public double relativeTolerance() {
        return relativeTolerance;
    }

    /** Iteration limit of {@link GeometricMultigrid#solve} (V-cycles or CG iterations). */
    public int maxIterations() {
        return maxIterations;
    }

    /** Plain V-cycles or CG acceleration. */
    public Acceleration acceleration() {
        return acceleration;
    }

    /** Fluent builder; every setter validates its argument. */
    public static final class Builder {
        private int preSmoothing = 2;
        private int postSmoothing = 2;
        private int coarsestCells = 64;
        private double relativeTolerance = 1e-8;
        private int maxIterations = 200;
        private Acceleration acceleration = Acceleration.CONJUGATE_GRADIENT;

        private Builder() {
        }

        /**
         * @param sweeps pre-smoothing sweeps, at least 1
         * @throws IllegalArgumentException otherwise
         */
        public Builder preSmoothing(int sweeps) {
            this.preSmoothing = IterativeSolverChecks.atLeastOne("preSmoothing", sweeps);
            return this;
        }

        /**
         * @param sweeps post-smoothing sweeps, at least 1 (equal to preSmoothing keeps the
         *               V-cycle symmetric, which conjugate-gradient acceleration needs)
         * @throws IllegalArgumentException otherwise
         */
        public Builder postSmoothing(int sweeps) {
            this.postSmoothing = IterativeSolverChecks.atLeastOne("postSmoothing", sweeps);
            return this;
        }

        /**
         * @param cells target size of the coarsest level, at least 1
         * @throws IllegalArgumentException otherwise
         */
        public Builder coarsestCells(int cells) {
            this.coarsestCells = IterativeSolverChecks.atLeastOne("coarsestCells", cells);
            return this;
        }

        /**
         * @param tolerance relative residual tolerance, in (0, 1)
         * @throws IllegalArgumentException otherwise
         */
        public Builder relativeTolerance(double tolerance) {
            this.relativeTolerance = IterativeSolverChecks.relativeTolerance(tolerance);
            return this;
        }

        /**
         * @param iterations iteration limit, at least 1
         * @throws IllegalArgumentException otherwise
         */
        public Builder maxIterations(int iterations) {
            this.maxIterations = IterativeSolverChecks.atLeastOne("maxIterations", iterations);
            return this;
        }

        /** Plain V-cycles or CG acceleration; default {@link Acceleration#CONJUGATE_GRADIENT}. */
        public Builder acceleration(Acceleration value) {
            this.acceleration = java.util.Objects.requireNonNull(value, "acceleration");
            return this;
        }

        /** The settings. */
        public MultigridSettings build() {
            return new MultigridSettings(this);
        }
    }

    @Override
    public String toString() {
        return "MultigridSettings[pre=" + preSmoothing + ", post=" + postSmoothing + ", coarsestCells=" + coarsestCells
                + ", relativeTolerance=" + relativeTolerance + ", maxIterations=" + maxIterations
                + ", acceleration=" + acceleration + "]";
    }
}
