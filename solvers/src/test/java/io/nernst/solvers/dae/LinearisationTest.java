package io.nernst.solvers.dae;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nernst.solvers.linear.SparseLuSolver;
import io.nernst.solvers.sparse.CsrMatrix;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** dF/dy and dF/dy' from the analytic Jacobian agree with hand-derived entries and with coloured differences. */
class LinearisationTest {

    private static double[] state(int n) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 0.5 + 0.3 * Math.sin(0.7 * i);
        }
        return y;
    }

    @Test
    void analyticMatchesClosedFormEntries() {
        ReactionDiffusionDae dae = new ReactionDiffusionDae(20, 0.7);
        double[] y = state(40);
        double[] yp = new double[40];
        Linearisation lin = new Linearisation(dae);
        lin.evaluate(0.0, y, yp);
        // u_i' = D(...) - u_i v_i: dF/du_i = 2D + v_i (F = u' - rhs), dF/du_i' = 1; algebraic row: dF/dv = 1 + 1.5 v^2
        int i = 5;
        int u = 2 * i;
        int v = u + 1;
        CsrMatrix a = lin.dFdy();
        CsrMatrix b = lin.dFdyDot();
        assertEquals(2 * 0.7 + y[v], a.values()[a.slot(u, u)], 1e-14);
        assertEquals(1.0, b.values()[b.slot(u, u)], 1e-14);
        assertEquals(0.0, b.values()[b.slot(v, v)], 0.0);
        assertEquals(1.0 + 1.5 * y[v] * y[v], a.values()[a.slot(v, v)], 1e-14);
        assertEquals(-2.0 * y[u], a.values()[a.slot(v, u)], 1e-14);
    }

    @Test
    void finiteDifferencesAgreeWithAnalytic() {
        ReactionDiffusionDae exact = new ReactionDiffusionDae(30, 0.4);
        ReactionDiffusionDae differenced = new ReactionDiffusionDae(30, 0.4);
        differenced.analytic = false;
        double[] y = state(60);
        double[] yp = state(60);
        Linearisation a = new Linearisation(exact);
        Linearisation f = new Linearisation(differenced);
        a.evaluate(0.0, y, yp);
        f.evaluate(0.0, y, yp);
        double[] ea = a.dFdy().values();
        double[] fa = f.dFdy().values();
        double[] eb = a.dFdyDot().values();
        double[] fb = f.dFdyDot().values();
        for (int p = 0; p < ea.length; p++) {
            assertEquals(ea[p], fa[p], 1e-6 * (1 + Math.abs(ea[p])), "dF/dy slot " + p);
            assertEquals(eb[p], fb[p], 1e-6 * (1 + Math.abs(eb[p])), "dF/dy' slot " + p);
        }
    }

    @Test
    void equalPatternsShareOneSymbolicAnalysis() {
        AtomicInteger created = new AtomicInteger();
        BdfIntegrator integrator = new BdfIntegrator(BdfSettings.builder().linearSolver(() -> {
            created.incrementAndGet();
            return new SparseLuSolver();
        }).build());
        for (int run = 0; run < 3; run++) {
            ReactionDiffusionDae dae = new ReactionDiffusionDae(50, 0.3); // a fresh pattern instance each time
            double[] y = state(100);
            double[] yp = new double[100];
            integrator.initialize(dae, 0.0, y, yp);
            integrator.integrate(dae, 0.0, y, yp, 0.1, null, null);
        }
        assertEquals(1, created.get(), "one linear solver (one symbolic analysis) for three equal patterns");
        integrator.initialize(new ReactionDiffusionDae(51, 0.3), 0.0, state(102), new double[102]);
        assertEquals(2, created.get(), "a different pattern is analysed anew");
    }
}
