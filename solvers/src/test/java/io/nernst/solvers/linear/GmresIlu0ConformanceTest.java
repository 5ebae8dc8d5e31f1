package io.nernst.solvers.linear;

import io.nernst.solvers.krylov.GmresSolver;
import io.nernst.solvers.krylov.KrylovSettings;
import io.nernst.solvers.precond.Ilu0Preconditioner;

/** Conformance of GMRES(30) with ILU(0) (see {@link KrylovIlu0ConformanceTest} for the overrides). */
class GmresIlu0ConformanceTest extends KrylovIlu0ConformanceTest {
    @Override
    protected LinearSolver newSolver() {
        return new GmresSolver(KrylovSettings.builder().relativeTolerance(KRYLOV_TOLERANCE).maxIterations(2000)
                .restart(30).preconditioner(Ilu0Preconditioner::new).build());
    }
}
