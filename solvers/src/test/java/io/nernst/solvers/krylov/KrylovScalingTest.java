package io.nernst.solvers.krylov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.solvers.precond.Ilu0Preconditioner;
import io.nernst.solvers.precond.JacobiPreconditioner;
import io.nernst.solvers.sparse.CsrMatrix;
import java.lang.management.ManagementFactory;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Discretisation order of the model problem, allocation-freedom, and behaviour on large systems. */
class KrylovScalingTest {

    /**
     * Manufactured solution u = sin(pi x) sin(pi y) of -lap u + v . grad u = f, solved with
     * GMRES-ILU(0) far below the discretisation error: the maximum nodal error must fall with
     * order 2 for central and order 1 for upwind convection. This checks the model problem and,
     * through it, that the solvers deliver PDE-accurate solutions.
     */
    @Test
    void modelProblemConvergesWithTheSchemesOrder() {
        double vx = 30.0;
        double vy = -20.0;
        for (ConvectionDiffusion2D.Convection scheme : ConvectionDiffusion2D.Convection.values()) {
            int[] grids = {31, 63, 127};
            double[] errors = new double[grids.length];
            for (int g = 0; g < grids.length; g++) {
                int m = grids[g];
                CsrMatrix a = ConvectionDiffusion2D.assemble(m, m, (x, y) -> 1.0, vx, vy, scheme);
                double h = 1.0 / (m + 1);
                double[] f = new double[m * m];
                double[] exact = new double[m * m];
                for (int j = 0; j < m; j++) {
                    for (int i = 0; i < m; i++) {
                        double x = (i + 1) * h;
                        double y = (j + 1) * h;
                        double sx = Math.sin(Math.PI * x);
                        double sy = Math.sin(Math.PI * y);
                        exact[j * m + i] = sx * sy;
                        f[j * m + i] = 2.0 * Math.PI * Math.PI * sx * sy + vx * Math.PI * Math.cos(Math.PI * x) * sy
                                + vy * Math.PI * sx * Math.cos(Math.PI * y);
                    }
                }
                GmresSolver solver = new GmresSolver(KrylovSettings.builder().relativeTolerance(1e-12).build());
                solver.analyse(a);
                solver.factor(a);
                double[] u = new double[m * m];
                solver.solve(f, u);
                double max = 0.0;
                for (int k = 0; k < u.length; k++) {
                    max = Math.max(max, Math.abs(u[k] - exact[k]));
                }
                errors[g] = max;
            }
            double expected = scheme == ConvectionDiffusion2D.Convection.CENTRAL ? 2.0 : 1.0;
            for (int g = 1; g < grids.length; g++) {
                // h halves exactly: (m + 1) doubles.
                double order = Math.log(errors[g - 1] / errors[g]) / Math.log(2.0);
                assertEquals(expected, order, 0.1, scheme + " order between grids " + grids[g - 1] + " and "
                        + grids[g] + " (errors " + errors[g - 1] + ", " + errors[g] + ")");
            }
        }
    }

    /** After the first factor, factor and solve allocate nothing (measured by the JVM per thread). */
    @Test
    void factorAndSolveAllocateNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        CsrMatrix a = KrylovTestProblems.convectionDiffusion(40);
        double[] b = KrylovTestProblems.randomVector(a.rows(), 1L);
        double[] x = new double[a.rows()];
        for (Function<KrylovSettings, KrylovSolver> factory : java.util.List.<Function<KrylovSettings, KrylovSolver>>of(
                GmresSolver::new, BiCgStabSolver::new)) {
            for (KrylovSettings settings : new KrylovSettings[] {
                    KrylovSettings.builder().preconditioner(Ilu0Preconditioner::new).build(),
                    KrylovSettings.builder().preconditioner(JacobiPreconditioner::new)
                            .initialGuess(KrylovSettings.InitialGuess.SOLUTION_CONTENT).build()}) {
                KrylovSolver solver = factory.apply(settings);
                solver.analyse(a);
                solver.factor(a);
                solver.solve(b, x); // warm-up: class loading, first calls
                long before = threads.getCurrentThreadAllocatedBytes();
                for (int repeat = 0; repeat < 3; repeat++) {
                    solver.factor(a);
                    java.util.Arrays.fill(x, 0.0);
                    solver.solve(b, x);
                }
                long allocated = threads.getCurrentThreadAllocatedBytes() - before;
                assertEquals(0L, allocated, solver.name() + " allocated " + allocated + " bytes");
                assertTrue(solver.finalResidual() <= 1e-8);
            }
        }
    }

    /**
     * 200 x 200 upwind convection-diffusion (40 000 unknowns): ILU(0) keeps the iteration count far
     * below the unpreconditioned one would be, and the residual is reached.
     */
    @Test
    void fortyThousandUnknowns() {
        solveLarge(200, 300);
    }

    /** The deposition-solver scale: 500 x 500 (250 000 unknowns). */
    @Test
    @Tag("slow")
    void quarterMillionUnknowns() {
        solveLarge(500, 1000);
    }

    private static void solveLarge(int m, int iterationLimit) {
        CsrMatrix a = ConvectionDiffusion2D.assemble(m, m, 1.0, 100.0, 50.0);
        double[] b = KrylovTestProblems.randomVector(a.rows(), 77L);
        for (KrylovSolver solver : new KrylovSolver[] {
                new BiCgStabSolver(KrylovSettings.builder().maxIterations(iterationLimit).build()),
                new GmresSolver(KrylovSettings.builder().maxIterations(iterationLimit).build())}) {
            solver.analyse(a);
            solver.factor(a);
            double[] x = new double[a.rows()];
            solver.solve(b, x);
            assertTrue(KrylovTestProblems.relativeResidual(a, b, x) <= 1e-8, solver.name());
        }
    }
}
