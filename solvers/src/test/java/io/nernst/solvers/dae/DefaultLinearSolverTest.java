package io.nernst.solvers.dae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.nernst.solvers.linear.BandedLuSolver;
import io.nernst.solvers.linear.DenseLuSolver;
import io.nernst.solvers.linear.SparseLuSolver;
import io.nernst.solvers.sparse.CsrMatrix;
import org.junit.jupiter.api.Test;

/** The default Newton solver follows the operation-count model of {@link BdfIntegrator#defaultLinearSolver}. */
class DefaultLinearSolverTest {

    @Test
    void smallSystemsUseDenseLu() {
        assertInstanceOf(DenseLuSolver.class, BdfIntegrator.defaultLinearSolver(new ReactionDiffusionDae(10, 1).jacobianPattern()));
    }

    @Test
    void narrowBandUsesBandLu() {
        assertInstanceOf(BandedLuSolver.class,
                BdfIntegrator.defaultLinearSolver(new ReactionDiffusionDae(300, 1).jacobianPattern()));
    }

    @Test
    void arrowheadUsesSparseLu() {
        // Diagonal plus a full last row and column: band LU sees a full band, minimum degree puts the hub last
        // and has no fill at all.
        int n = 400;
        int[] r = new int[3 * n];
        int[] c = new int[3 * n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            r[k] = i;
            c[k++] = i;
            r[k] = n - 1;
            c[k++] = i;
            r[k] = i;
            c[k++] = n - 1;
        }
        CsrMatrix arrow = CsrMatrix.fromTriplets(n, n, r, c, null, k);
        assertInstanceOf(SparseLuSolver.class, BdfIntegrator.defaultLinearSolver(arrow));
    }

    @Test
    void defaultBandSolverGivesTheDenseAnswer() {
        ReactionDiffusionDae dae = new ReactionDiffusionDae(120, 4.0);
        int n = dae.dimension();
        double[] y0 = new double[n];
        for (int i = 0; i < 120; i++) {
            y0[2 * i] = 1.0 + Math.sin(0.1 * i);
        }
        BdfSettings settings = BdfSettings.builder().relativeTolerance(1e-8).absoluteTolerance(1e-10).build();
        BdfIntegrator byDefault = new BdfIntegrator(settings);
        double[] y = y0.clone();
        double[] yp = new double[n];
        byDefault.initialize(dae, 0, y, yp);
        IntegrationResult a = byDefault.integrate(dae, 0, y, yp, 1.0, null, null);
        assertEquals(new BandedLuSolver().name(), byDefault.linearSolverName());
        BdfIntegrator dense = new BdfIntegrator(settings.toBuilder().linearSolver(DenseLuSolver::new).build());
        IntegrationResult b = dense.integrate(dae, 0, y, yp, 1.0, null, null);
        assertEquals("dense-lu", dense.linearSolverName());
        assertEquals(a.statistics().steps(), b.statistics().steps(), "same steps: the solvers agree to round-off");
        for (int i = 0; i < n; i++) {
            assertEquals(b.y()[i], a.y()[i], 1e-10 * Math.abs(b.y()[i]) + 1e-12);
        }
    }
}
