package io.nernst.solvers.linear;

/** Runs the {@link LinearSolverConformanceTest} suite against the dense reference solver. */
class DenseLuSolverTest extends LinearSolverConformanceTest {
    @Override
    protected LinearSolver newSolver() {
        return new DenseLuSolver();
    }
}
