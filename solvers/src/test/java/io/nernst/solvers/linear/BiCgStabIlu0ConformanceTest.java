package io.nernst.solvers.linear;

import io.nernst.solvers.krylov.BiCgStabSolver;
import io.nernst.solvers.krylov.KrylovSettings;
import io.nernst.solvers.precond.Ilu0Preconditioner;

/** Conformance of BiCGSTAB with ILU(0) (see {@link KrylovIlu0ConformanceTest} for the overrides). */
class BiCgStabIlu0ConformanceTest extends KrylovIlu0ConformanceTest {
    @Override
    protected LinearSolver newSolver() {
        return new BiCgStabSolver(KrylovSettings.builder().relativeTolerance(KRYLOV_TOLERANCE).maxIterations(2000)
                .preconditioner(Ilu0Preconditioner::new).build());
    }
}
