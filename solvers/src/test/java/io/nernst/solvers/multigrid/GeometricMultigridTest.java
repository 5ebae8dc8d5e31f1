package io.nernst.solvers.multigrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.solvers.linear.DenseLuSolver;
import io.nernst.solvers.sparse.CsrMatrix;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GeometricMultigridTest {

    /** Independent assembly of the documented discretisation, for the direct reference solve. */
    static CsrMatrix assemble(int nx, int ny, double dx, double dy, boolean periodic, WallCondition south,
                              WallCondition north, double[] k, double[] m) {
        int n = nx * ny;
        int[] rows = new int[5 * n];
        int[] cols = new int[5 * n];
        double[] vals = new double[5 * n];
        int t = 0;
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int c = i + nx * j;
                double diag = m[c];
                int[][] nbs = {{i - 1, j, 0}, {i + 1, j, 0}, {i, j - 1, 1}, {i, j + 1, 1}};
                for (int[] nb : nbs) {
                    int ii = nb[0];
                    int jj = nb[1];
                    double h2 = nb[2] == 0 ? dx * dx : dy * dy;
                    if (jj < 0 || jj >= ny) {
                        WallCondition wall = jj < 0 ? south : north;
                        if (wall == WallCondition.DIRICHLET) {
                            diag += 2.0 * k[c] / h2;
                        }
                        continue;
                    }
                    if (ii < 0 || ii >= nx) {
                        if (!periodic || nx == 1) {
                            continue;
                        }
                        ii = (ii + nx) % nx;
                    }
                    int o = ii + nx * jj;
                    double face = 2.0 * k[c] * k[o] / (k[c] + k[o]) / h2;
                    diag += face;
                    rows[t] = c;
                    cols[t] = o;
                    vals[t++] = -face;
                }
                rows[t] = c;
                cols[t] = c;
                vals[t++] = diag;
            }
        }
        return CsrMatrix.fromTriplets(n, n, rows, cols, vals, t);
    }

    private static double[] random(int n, Random rnd, double lo, double hi) {
        double[] a = new double[n];
        for (int q = 0; q < n; q++) {
            a[q] = lo + (hi - lo) * rnd.nextDouble();
        }
        return a;
    }

    private static MultigridSettings tight(MultigridSettings.Acceleration acc) {
        return MultigridSettings.builder().relativeTolerance(1e-13).maxIterations(300).acceleration(acc).build();
    }

    @Test
    void matchesDirectSolveForVariableCoefficientsAndEveryWallCombination() {
        Random rnd = new Random(7);
        int nx = 16;
        int ny = 12;
        double dx = 0.3;
        double dy = 0.2;
        for (boolean periodic : new boolean[]{true, false}) {
            for (WallCondition south : WallCondition.values()) {
                for (WallCondition north : WallCondition.values()) {
                    double[] k = random(nx * ny, rnd, 0.1, 10.0);
                    double[] m = random(nx * ny, rnd, 0.0, south == WallCondition.NEUMANN && north == WallCondition.NEUMANN ? 2.0 : 0.5);
                    double[] b = random(nx * ny, rnd, -1.0, 1.0);
                    CsrMatrix a = assemble(nx, ny, dx, dy, periodic, south, north, k, m);
                    DenseLuSolver lu = new DenseLuSolver();
                    lu.analyse(a);
                    lu.factor(a);
                    double[] reference = new double[nx * ny];
                    lu.solve(b, reference);
                    for (MultigridSettings.Acceleration acc : MultigridSettings.Acceleration.values()) {
                        GeometricMultigrid mg = new GeometricMultigrid(nx, ny, dx, dy, periodic, south, north, tight(acc));
                        mg.setCellCoefficients(k, m);
                        double[] x = new double[nx * ny];
                        mg.solve(b, x);
                        double scale = 0.0;
                        for (double v : reference) {
                            scale = Math.max(scale, Math.abs(v));
                        }
                        for (int q = 0; q < x.length; q++) {
                            assertEquals(reference[q], x[q], 1e-10 * scale,
                                    "periodic=" + periodic + " south=" + south + " north=" + north + " " + acc + " cell " + q);
                        }
                    }
                }
            }
        }
    }

    @Test
    void dirichletWallValueEntersTheRightHandSide() {
        // -u'' = 0 on one column, u(0) = 2 (south wall), u(1) = 5 (north wall): u linear.
        int ny = 64;
        double dy = 1.0 / ny;
        GeometricMultigrid mg = new GeometricMultigrid(1, ny, 1.0, dy, true, WallCondition.DIRICHLET, WallCondition.DIRICHLET,
                tight(MultigridSettings.Acceleration.NONE));
        double[] k = new double[ny];
        java.util.Arrays.fill(k, 3.0);
        mg.setCellCoefficients(k, new double[ny]);
        double[] rhs = new double[ny];
        mg.addWallValueToRhs(WallSide.SOUTH, 2.0, rhs);
        mg.addWallValueToRhs(WallSide.NORTH, 5.0, rhs);
        double[] u = new double[ny];
        mg.solve(rhs, u);
        for (int j = 0; j < ny; j++) {
            assertEquals(2.0 + 3.0 * (j + 0.5) * dy, u[j], 1e-11);
        }
    }

    /** Geometric mean of the residual reduction per V-cycle from cycle 3 to 12, zero rhs, random start. */
    private static double vCycleFactor(GeometricMultigrid mg, long seed) {
        int n = mg.size();
        double[] x = random(n, new Random(seed), -1.0, 1.0);
        double[] b = new double[n];
        double[] r = new double[n];
        double first = 0.0;
        double last = 0.0;
        for (int c = 1; c <= 12; c++) {
            mg.vCycle(b, x);
            mg.applyOperator(x, r);
            double norm = 0.0;
            for (double v : r) {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            if (c == 2) {
                first = norm;
            }
            last = norm;
        }
        return Math.pow(last / first, 1.0 / 10.0);
    }

    /** Average residual reduction per CG iteration to a 1e-10 relative residual. */
    private static double pcgFactor(GeometricMultigrid mg, long seed) {
        int n = mg.size();
        double[] b = random(n, new Random(seed), -1.0, 1.0);
        double[] x = new double[n];
        int its = mg.solve(b, x);
        return Math.pow(mg.lastRelativeResidual(), 1.0 / its);
    }

    private static double[] constant(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    /** k = 1e-3 + (1 - 1e-3) Phi, Phi a tanh profile of width ~2 cells around a wavy interface. */
    private static double[] jumpingConductivity(int n) {
        double h = 1.0 / n;
        double[] k = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double x = (i + 0.5) * h;
                double y = (j + 0.5) * h;
                double surface = 0.3 + 0.1 * Math.sin(2 * Math.PI * x) + 0.05 * Math.cos(6 * Math.PI * x);
                double phi = 0.5 * (1.0 + Math.tanh((y - surface) / (2.0 * h)));
                k[i + n * j] = 1e-3 + (1.0 - 1e-3) * phi;
            }
        }
        return k;
    }

    @Test
    void vCycleConvergenceFactorIsMeshIndependentForConstantCoefficient() {
        double[] factors = new double[3];
        int[] sizes = {64, 128, 256};
        for (int s = 0; s < sizes.length; s++) {
            int n = sizes[s];
            GeometricMultigrid mg = new GeometricMultigrid(n, n, 1.0 / n, 1.0 / n, true, WallCondition.NEUMANN,
                    WallCondition.DIRICHLET, MultigridSettings.builder().acceleration(MultigridSettings.Acceleration.NONE).build());
            mg.setCellCoefficients(constant(n * n, 1.0), new double[n * n]);
            factors[s] = vCycleFactor(mg, 11);
            assertTrue(factors[s] < 0.2, "V-cycle factor " + factors[s] + " at " + n + "^2");
        }
        assertTrue(Math.abs(factors[2] - factors[0]) < 0.05, "factor drifts with the mesh: " + java.util.Arrays.toString(factors));
    }

    @Test
    void conjugateGradientAccelerationKeepsTheFactorSmallForAThousandfoldJump() {
        int[] sizes = {64, 128, 256};
        double[] factors = new double[3];
        for (int s = 0; s < sizes.length; s++) {
            int n = sizes[s];
            GeometricMultigrid mg = new GeometricMultigrid(n, n, 1.0 / n, 1.0 / n, true, WallCondition.NEUMANN,
                    WallCondition.DIRICHLET, MultigridSettings.builder().relativeTolerance(1e-10).build());
            double[] k = jumpingConductivity(n);
            mg.setCellCoefficients(k, new double[n * n]);
            factors[s] = pcgFactor(mg, 5);
            assertTrue(factors[s] < 0.2, "MG-CG factor " + factors[s] + " at " + n + "^2");
        }
        assertTrue(factors[2] < factors[0] + 0.05, "factor drifts with the mesh: " + java.util.Arrays.toString(factors));
    }

    @Test
    void secondOrderOnAManufacturedSolution() {
        // u = cos(2 pi x) cos(pi y / 2): zero flux at y = 0, zero value at y = 1, periodic in x.
        // k = 1 + 0.5 sin(2 pi x) sin(pi y), m = 2.
        int[] sizes = {16, 32, 64, 128};
        double[] errors = new double[sizes.length];
        for (int s = 0; s < sizes.length; s++) {
            int n = sizes[s];
            double h = 1.0 / n;
            GeometricMultigrid mg = new GeometricMultigrid(n, n, h, h, true, WallCondition.NEUMANN, WallCondition.DIRICHLET,
                    tight(MultigridSettings.Acceleration.CONJUGATE_GRADIENT));
            // Face coefficients sampled at the face centres (the exact k there).
            double[] kw = mg.westFaceCoefficients();
            double[] ks = mg.southFaceCoefficients();
            double[] kn = mg.northWallCoefficients();
            double[] m = mg.reactionCoefficients();
            double[] f = new double[n * n];
            double[] exact = new double[n * n];
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    int c = i + n * j;
                    double x = (i + 0.5) * h;
                    double y = (j + 0.5) * h;
                    kw[c] = kappa(i * h, y);
                    ks[c] = kappa(x, j * h);
                    m[c] = 2.0;
                    exact[c] = Math.cos(2 * Math.PI * x) * Math.cos(Math.PI * y / 2);
                    f[c] = source(x, y);
                }
            }
            for (int i = 0; i < n; i++) {
                kn[i] = kappa((i + 0.5) * h, 1.0);
            }
            mg.update();
            double[] u = new double[n * n];
            mg.solve(f, u);
            double err = 0.0;
            for (int c = 0; c < u.length; c++) {
                err = Math.max(err, Math.abs(u[c] - exact[c]));
            }
            errors[s] = err;
        }
        for (int s = 1; s < sizes.length; s++) {
            double order = Math.log(errors[s - 1] / errors[s]) / Math.log(2.0);
            assertTrue(order > 1.85 && order < 2.15, "observed order " + order + " errors " + java.util.Arrays.toString(errors));
        }
    }

    private static double kappa(double x, double y) {
        return 1.0 + 0.5 * Math.sin(2 * Math.PI * x) * Math.sin(Math.PI * y);
    }

    private static double source(double x, double y) {
        double a = 2 * Math.PI;
        double b = Math.PI / 2;
        double u = Math.cos(a * x) * Math.cos(b * y);
        double ux = -a * Math.sin(a * x) * Math.cos(b * y);
        double uy = -b * Math.cos(a * x) * Math.sin(b * y);
        double uxx = -a * a * u;
        double uyy = -b * b * u;
        double k = kappa(x, y);
        double kx = 0.5 * a * Math.cos(a * x) * Math.sin(Math.PI * y);
        double ky = 0.5 * Math.sin(a * x) * Math.PI * Math.cos(Math.PI * y);
        return -(k * (uxx + uyy) + kx * ux + ky * uy) + 2.0 * u;
    }

    @Test
    void singleColumnMatchesTheThomasAlgorithm() {
        int ny = 1000; // 1000 = 8 * 125: coarsens three times, then a banded solve of 125 cells
        double dy = 1e-6;
        Random rnd = new Random(3);
        double[] k = random(ny, rnd, 1e-3, 1.0);
        double[] m = random(ny, rnd, 0.0, 1e6);
        double[] b = random(ny, rnd, -1.0, 1.0);
        GeometricMultigrid mg = new GeometricMultigrid(1, ny, 1e-6, dy, true, WallCondition.NEUMANN, WallCondition.DIRICHLET,
                tight(MultigridSettings.Acceleration.CONJUGATE_GRADIENT));
        mg.setCellCoefficients(k, m);
        assertTrue(mg.levelCount() >= 4, "levels " + mg.levelCount());
        double[] x = new double[ny];
        mg.solve(b, x);
        // Thomas algorithm on the same tridiagonal system.
        double[] lower = new double[ny];
        double[] diag = new double[ny];
        double[] upper = new double[ny];
        for (int j = 0; j < ny; j++) {
            diag[j] = m[j];
            if (j > 0) {
                double face = 2 * k[j] * k[j - 1] / (k[j] + k[j - 1]) / (dy * dy);
                lower[j] = -face;
                diag[j] += face;
            }
            if (j < ny - 1) {
                double face = 2 * k[j] * k[j + 1] / (k[j] + k[j + 1]) / (dy * dy);
                upper[j] = -face;
                diag[j] += face;
            } else {
                diag[j] += 2 * k[j] / (dy * dy);
            }
        }
        double[] c = new double[ny];
        double[] d = new double[ny];
        c[0] = upper[0] / diag[0];
        d[0] = b[0] / diag[0];
        for (int j = 1; j < ny; j++) {
            double den = diag[j] - lower[j] * c[j - 1];
            c[j] = upper[j] / den;
            d[j] = (b[j] - lower[j] * d[j - 1]) / den;
        }
        double[] ref = new double[ny];
        ref[ny - 1] = d[ny - 1];
        for (int j = ny - 2; j >= 0; j--) {
            ref[j] = d[j] - c[j] * ref[j + 1];
        }
        double scale = 0.0;
        for (double v : ref) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int j = 0; j < ny; j++) {
            assertEquals(ref[j], x[j], 1e-9 * scale, "row " + j);
        }
    }

    @Test
    void linearSolverAdapterReproducesTheDirectSolution() {
        Random rnd = new Random(19);
        int nx = 32;
        int ny = 24;
        double h = 0.5;
        double[] k = jumpingConductivityRect(nx, ny);
        double[] m = random(nx * ny, rnd, 0.0, 0.1);
        CsrMatrix a = assemble(nx, ny, h, h, true, WallCondition.NEUMANN, WallCondition.DIRICHLET, k, m);
        double[] b = random(nx * ny, rnd, -1, 1);
        DenseLuSolver lu = new DenseLuSolver();
        lu.analyse(a);
        lu.factor(a);
        double[] ref = new double[nx * ny];
        lu.solve(b, ref);
        MultigridLinearSolver solver = new MultigridLinearSolver(nx, ny, h, h, true, WallCondition.NEUMANN,
                WallCondition.DIRICHLET, tight(MultigridSettings.Acceleration.CONJUGATE_GRADIENT));
        solver.analyse(a);
        solver.factor(a);
        double[] x = b.clone();
        solver.solve(x, x); // rhs and solution may alias
        double scale = 0.0;
        for (double v : ref) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int q = 0; q < x.length; q++) {
            assertEquals(ref[q], x[q], 1e-9 * scale, "cell " + q);
        }
        assertTrue(solver.multigrid().lastIterations() < 40, "iterations " + solver.multigrid().lastIterations());
        assertEquals("multigrid", solver.name());
    }

    private static double[] jumpingConductivityRect(int nx, int ny) {
        double[] k = new double[nx * ny];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                double surface = ny * (0.4 + 0.15 * Math.sin(2 * Math.PI * (i + 0.5) / nx));
                k[i + nx * j] = 1e-3 + (1 - 1e-3) * 0.5 * (1 + Math.tanh((j + 0.5 - surface) / 2.0));
            }
        }
        return k;
    }

    @Test
    void adapterRejectsNonSymmetricAndNonFivePointMatrices() {
        int nx = 4;
        int ny = 4;
        double[] k = constant(16, 1.0);
        CsrMatrix a = assemble(nx, ny, 1, 1, true, WallCondition.NEUMANN, WallCondition.DIRICHLET, k, new double[16]);
        CsrMatrix bad = a.copy();
        bad.values()[bad.slot(5, 6)] *= 2.0;
        MultigridLinearSolver solver = new MultigridLinearSolver(nx, ny, 1, 1, true, WallCondition.NEUMANN,
                WallCondition.DIRICHLET, MultigridSettings.defaults());
        solver.analyse(a);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> solver.factor(bad));
        assertTrue(e.getMessage().contains("not symmetric") && e.getMessage().contains("row 5"), e.getMessage());
        CsrMatrix far = CsrMatrix.fromTriplets(16, 16, new int[]{0, 0, 1}, new int[]{0, 10, 1}, new double[]{1, -1, 1}, 3);
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> solver.analyse(far));
        assertTrue(e2.getMessage().contains("column 10"), e2.getMessage());
    }

    @Test
    void rejectsNegativeCoefficientsNamingTheCell() {
        GeometricMultigrid mg = new GeometricMultigrid(8, 8, 1, 1, true, WallCondition.NEUMANN, WallCondition.DIRICHLET,
                MultigridSettings.defaults());
        double[] k = constant(64, 1.0);
        k[3 + 8 * 2] = -1.0;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mg.setCellCoefficients(k, new double[64]));
        assertTrue(e.getMessage().contains("i=3") && e.getMessage().contains("j=2"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> new GeometricMultigrid(8, 8, 1, 1, true, WallCondition.NEUMANN,
                WallCondition.DIRICHLET, MultigridSettings.defaults()).solve(new double[64], new double[64]));
        assertThrows(IllegalArgumentException.class, () -> new GeometricMultigrid(0, 8, 1, 1, true, WallCondition.NEUMANN,
                WallCondition.DIRICHLET, MultigridSettings.defaults()));
    }

    @Test
    void pureNeumannWithoutReactionIsReportedSingular() {
        GeometricMultigrid mg = new GeometricMultigrid(8, 8, 1, 1, true, WallCondition.NEUMANN, WallCondition.NEUMANN,
                MultigridSettings.defaults());
        assertThrows(io.nernst.solvers.linear.SingularMatrixException.class,
                () -> mg.setCellCoefficients(constant(64, 1.0), new double[64]));
    }

    @Test
    void preconditionsKrylovSolversWithMeshIndependentIterationCounts() {
        int[] iterations = new int[2];
        int[] sizes = {32, 128};
        for (int s = 0; s < sizes.length; s++) {
            int n = sizes[s];
            double h = 1.0 / n;
            double[] k = jumpingConductivity(n);
            CsrMatrix a = assemble(n, n, h, h, true, WallCondition.NEUMANN, WallCondition.DIRICHLET, k, new double[n * n]);
            io.nernst.solvers.krylov.GmresSolver gmres = new io.nernst.solvers.krylov.GmresSolver(
                    io.nernst.solvers.krylov.KrylovSettings.builder().relativeTolerance(1e-10)
                            .preconditioner(() -> new MultigridPreconditioner(n, n, h, h, true, WallCondition.NEUMANN,
                                    WallCondition.DIRICHLET, MultigridSettings.defaults())).build());
            gmres.analyse(a);
            gmres.factor(a);
            double[] b = random(n * n, new Random(2), -1, 1);
            double[] x = new double[n * n];
            gmres.solve(b, x);
            double[] r = new double[n * n];
            a.multiply(x, r);
            double rr = 0;
            double bb = 0;
            for (int q = 0; q < r.length; q++) {
                rr += (b[q] - r[q]) * (b[q] - r[q]);
                bb += b[q] * b[q];
            }
            assertTrue(Math.sqrt(rr / bb) < 1e-9, "residual " + Math.sqrt(rr / bb));
            iterations[s] = gmres.iterations();
        }
        System.out.println("GMRES-MG iterations at 32^2 and 128^2: " + java.util.Arrays.toString(iterations));
        assertTrue(iterations[1] <= iterations[0] + 3, "GMRES iterations grow with the mesh: " + java.util.Arrays.toString(iterations));
        assertTrue(iterations[1] <= 15, "GMRES-MG iterations " + iterations[1]);
        MultigridPreconditioner p = new MultigridPreconditioner(4, 4, 1, 1, true, WallCondition.NEUMANN, WallCondition.DIRICHLET,
                MultigridSettings.defaults());
        assertThrows(IllegalStateException.class, () -> p.apply(new double[16], new double[16]));
    }

    @Test
    void reactionOnlyUpdateMatchesAFullUpdate() {
        int n = 64;
        double h = 1.0 / n;
        Random rnd = new Random(4);
        double[] k = jumpingConductivity(n);
        double[] m1 = random(n * n, rnd, 0.0, 10.0);
        double[] m2 = random(n * n, rnd, 0.0, 1e4);
        double[] b = random(n * n, rnd, -1, 1);
        GeometricMultigrid partial = new GeometricMultigrid(n, n, h, h, true, WallCondition.NEUMANN, WallCondition.DIRICHLET,
                tight(MultigridSettings.Acceleration.CONJUGATE_GRADIENT));
        partial.setCellCoefficients(k, m1);
        System.arraycopy(m2, 0, partial.reactionCoefficients(), 0, n * n);
        partial.updateReaction();
        GeometricMultigrid full = new GeometricMultigrid(n, n, h, h, true, WallCondition.NEUMANN, WallCondition.DIRICHLET,
                tight(MultigridSettings.Acceleration.CONJUGATE_GRADIENT));
        full.setCellCoefficients(k, m2);
        double[] x1 = new double[n * n];
        double[] x2 = new double[n * n];
        int its1 = partial.solve(b, x1);
        int its2 = full.solve(b, x2);
        assertEquals(its2, its1, "same hierarchy, same iterations");
        for (int q = 0; q < x1.length; q++) {
            assertEquals(x2[q], x1[q], 1e-14 * (1 + Math.abs(x2[q])));
        }
        partial.reactionCoefficients()[7] = -1.0;
        assertThrows(IllegalArgumentException.class, partial::updateReaction);
        assertThrows(IllegalStateException.class, () -> new GeometricMultigrid(8, 8, 1, 1, true, WallCondition.NEUMANN,
                WallCondition.DIRICHLET, MultigridSettings.defaults()).updateReaction());
    }

    @Test
    void fusedRedBlackSweepEqualsTwoColourSweeps() {
        Random rnd = new Random(9);
        for (int[] shape : new int[][]{{16, 12}, {1, 9}, {6, 1}, {10, 7}}) {
            int nx = shape[0];
            int ny = shape[1];
            MultigridLevel level = new MultigridLevel(nx, ny, 0.3, 0.2, true, WallCondition.NEUMANN, WallCondition.DIRICHLET);
            double[] k = random(nx * ny, rnd, 0.1, 5.0);
            for (int q = 0; q < nx * ny; q++) {
                level.kWest[q] = k[q];
                level.kSouth[q] = 2 * k[q];
                level.reaction[q] = k[q] * 0.1;
            }
            for (int i = 0; i < nx; i++) {
                level.kNorthWall[i] = 1.0 + i;
            }
            level.assemble();
            double[] b = random(nx * ny, rnd, -1, 1);
            double[] fused = random(nx * ny, rnd, -1, 1);
            double[] separate = fused.clone();
            level.smoothForward(fused, b, 1);
            level.relaxColour(0, separate, b);
            level.relaxColour(1, separate, b);
            org.junit.jupiter.api.Assertions.assertArrayEquals(separate, fused, 0.0, nx + " x " + ny + " forward");
            level.smoothBackward(fused, b, 1);
            level.relaxColour(1, separate, b);
            level.relaxColour(0, separate, b);
            org.junit.jupiter.api.Assertions.assertArrayEquals(separate, fused, 0.0, nx + " x " + ny + " backward");
        }
    }
}
