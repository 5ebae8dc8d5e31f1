package io.nernst.solvers.linear;

import io.nernst.solvers.ordering.FillReducingOrdering;
import org.junit.jupiter.api.Nested;

/** The conformance suite for the non-default configurations of {@link SparseLuSolver}. */
class SparseLuSolverVariantsTest {
    @Nested
    class NaturalOrderClassicalPartialPivoting extends LinearSolverConformanceTest {
        @Override
        protected LinearSolver newSolver() {
            return new SparseLuSolver(FillReducingOrdering.NATURAL, 1.0, 1.0);
        }
    }

    @Nested
    class ReverseCuthillMcKeeLooseReuse extends LinearSolverConformanceTest {
        @Override
        protected LinearSolver newSolver() {
            return new SparseLuSolver(FillReducingOrdering.REVERSE_CUTHILL_MCKEE, 0.1, 0.01);
        }
    }
}
