package io.nernst.solvers.krylov;

import io.nernst.solvers.linear.IterativeSolverChecks;
import io.nernst.solvers.precond.Ilu0Preconditioner;
import io.nernst.solvers.precond.Preconditioner;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Immutable settings of a Krylov solver, built with {@link #builder()}:
 * <pre>{@code
 * KrylovSettings s = KrylovSettings.builder().relativeTolerance(1e-10).maxIterations(500)
 *         .restart(30).preconditioner(Ilu0Preconditioner::new).build();
 * }</pre>
 * Defaults: relative tolerance 1e-8, 1000 iterations, restart 30 (GMRES only), ILU(0)
 * preconditioning, zero initial guess.
 */
public final class KrylovSettings {

    /** Where the iteration starts. */
    public enum InitialGuess {
        /** Start from x = 0; the content of the solution array is ignored (may be garbage). */
        ZERO,
        /** Start from the content of the solution array passed to {@code solve} (a warm start). */
        SOLUTION_CONTENT
    }

    private final double relativeTolerance;
    private final int maxIterations;
    private final int restart;
    private final InitialGuess initialGuess;
    private final Supplier<? extends Preconditioner> preconditioner;

    private KrylovSettings(Builder b) {
        this.relativeTolerance = b.relativeTolerance;
        this.maxIterations = b.maxIterations;
        this.restart = b.restart;
        this.initialGuess = b.initialGuess;
        this.preconditioner = b.preconditioner;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The default settings. */
    public static KrylovSettings defaults() {
        return builder().build();
    }

    /** Convergence when ||b - A x||_2 <= relativeTolerance * ||b||_2. */
    public double relativeTolerance() {
        return relativeTolerance;
    }

    /** Iteration limit per solve (GMRES: Arnoldi steps summed over restarts; BiCGSTAB: iterations). */
    public int maxIterations() {
        return maxIterations;
    }

    /** GMRES restart length m (Krylov basis size); ignored by BiCGSTAB. */
    public int restart() {
        return restart;
    }

    /** Starting point of each solve. */
    public InitialGuess initialGuess() {
        return initialGuess;
    }

    /** Creates the preconditioner for a new solver; each solver owns its own instance. */
    public Preconditioner newPreconditioner() {
        return Objects.requireNonNull(preconditioner.get(), "the preconditioner supplier returned null");
    }

    /** Fluent builder of {@link KrylovSettings}; every setter validates its argument. */
    public static final class Builder {
        private double relativeTolerance = 1e-8;
        private int maxIterations = 1000;
        private int restart = 30;
        private InitialGuess initialGuess = InitialGuess.ZERO;
        private Supplier<? extends Preconditioner> preconditioner = Ilu0Preconditioner::new;

        private Builder() {
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

        /**
         * @param basisSize GMRES restart length, at least 1
         * @throws IllegalArgumentException otherwise
         */
        public Builder restart(int basisSize) {
            this.restart = IterativeSolverChecks.atLeastOne("restart", basisSize);
            return this;
        }

        /** Where each solve starts; default {@link InitialGuess#ZERO}. */
        public Builder initialGuess(InitialGuess guess) {
            this.initialGuess = Objects.requireNonNull(guess, "initialGuess");
            return this;
        }

        /** Factory of the preconditioner, e.g. {@code JacobiPreconditioner::new}; default ILU(0). */
        public Builder preconditioner(Supplier<? extends Preconditioner> factory) {
            this.preconditioner = Objects.requireNonNull(factory, "preconditioner");
            return this;
        }

        /** The settings. */
        public KrylovSettings build() {
            return new KrylovSettings(this);
        }
    }

    @Override
    public String toString() {
        return "KrylovSettings[relativeTolerance=" + relativeTolerance + ", maxIterations=" + maxIterations
                + ", restart=" + restart + ", initialGuess=" + initialGuess + "]";
    }
}
