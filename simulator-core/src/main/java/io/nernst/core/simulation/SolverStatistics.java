package io.nernst.core.simulation;

/**
 * Integrator work summed over the experiment steps of a run. Mutable accumulator; the
 * simulation adds each step's integrator statistics.
 */
public final class SolverStatistics {
    private long steps;
    private long rejectedSteps;
    private long newtonIterations;
    private long residualEvaluations;
    private long jacobianEvaluations;
    private long factorizations;
    private String linearSolver;

    /** Adds one integration's counts. */
    public void add(long steps, long rejectedSteps, long newtonIterations, long residualEvaluations,
                    long jacobianEvaluations, long factorizations) {
        this.steps += steps;
        this.rejectedSteps += rejectedSteps;
        this.newtonIterations += newtonIterations;
        this.residualEvaluations += residualEvaluations;
        this.jacobianEvaluations += jacobianEvaluations;
        this.factorizations += factorizations;
    }

    /** Accepted steps. */
    public long steps() {
        return steps;
    }

    /** Rejected steps (error test or Newton failure). */
    public long rejectedSteps() {
        return rejectedSteps;
    }

    /** Newton iterations. */
    public long newtonIterations() {
        return newtonIterations;
    }

    /** Residual evaluations. */
    public long residualEvaluations() {
        return residualEvaluations;
    }

    /** Jacobian evaluations. */
    public long jacobianEvaluations() {
        return jacobianEvaluations;
    }

    /**
     * Name of the Newton linear solver that ran (the integrator's own choice when the options
     * said "default"); null if no integration got as far as choosing one.
     */
    public String linearSolver() {
        return linearSolver;
    }

    /** Records the name of the Newton linear solver that ran. */
    public void linearSolver(String name) {
        this.linearSolver = name;
    }

    /** Matrix factorisations. */
    public long factorizations() {
        return factorizations;
    }
}
