package io.nernst.solvers.krylov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.solvers.precond.IdentityPreconditioner;
import io.nernst.solvers.precond.Ilu0Preconditioner;
import io.nernst.solvers.precond.JacobiPreconditioner;
import io.nernst.solvers.precond.Preconditioner;
import io.nernst.solvers.sparse.CsrMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class KrylovSolverTest {

    enum Method {
        GMRES(GmresSolver::new), BICGSTAB(BiCgStabSolver::new);

        final Function<KrylovSettings, KrylovSolver> factory;

        Method(Function<KrylovSettings, KrylovSolver> factory) {
            this.factory = factory;
        }
    }

    enum Precond {
        NONE(IdentityPreconditioner::new), JACOBI(JacobiPreconditioner::new), ILU0(Ilu0Preconditioner::new);

        final Supplier<Preconditioner> factory;

        Precond(Supplier<Preconditioner> factory) {
            this.factory = factory;
        }
    }

    enum Problem {
        CONVECTION_DIFFUSION_20X20(() -> KrylovTestProblems.convectionDiffusion(20)),
        RANDOM_DIAGONALLY_DOMINANT_300(() -> KrylovTestProblems.randomDiagonallyDominant(300, 6, 11L)),
        BLOCK_TRIDIAGONAL_60X5(() -> KrylovTestProblems.blockTridiagonal(60, 5, 17L));

        final Supplier<CsrMatrix> matrix;

        Problem(Supplier<CsrMatrix> matrix) {
            this.matrix = matrix;
        }
    }

    static Stream<Arguments> allCombinations() {
        List<Arguments> list = new ArrayList<>();
        for (Method m : Method.values()) {
            for (Precond p : Precond.values()) {
                for (Problem problem : Problem.values()) {
                    list.add(Arguments.of(m, p, problem));
                }
            }
        }
        return list.stream();
    }

    static KrylovSolver solver(Method method, Precond precond, KrylovSettings.Builder settings) {
        return method.factory.apply(settings.preconditioner(precond.factory).build());
    }

    static KrylovSolver ready(KrylovSolver solver, CsrMatrix a) {
        solver.analyse(a);
        solver.factor(a);
        return solver;
    }

    @ParameterizedTest(name = "{0}-{1} on {2}")
    @MethodSource("allCombinations")
    void matchesEjmlDenseLuToTenDigitsAtTolerance1e13(Method method, Precond precond, Problem problem) {
        CsrMatrix a = problem.matrix.get();
        double[] b = KrylovTestProblems.randomVector(a.rows(), 5L);
        KrylovSolver solver = ready(solver(method, precond,
                KrylovSettings.builder().relativeTolerance(1e-13).maxIterations(5000)), a);
        double[] x = new double[a.rows()];
        solver.solve(b, x);

        double trueResidual = KrylovTestProblems.relativeResidual(a, b, x);
        assertTrue(trueResidual <= 1e-13, "true residual " + trueResidual);
        assertEquals(trueResidual, solver.finalResidual(), 1e-3 * trueResidual, "reported residual is the true one");
        assertTrue(solver.iterations() > 0 && solver.iterations() <= 5000);
        double[] reference = KrylovTestProblems.ejmlDenseLuSolve(a, b);
        double difference = KrylovTestProblems.relativeDifference(x, reference);
        assertTrue(difference <= 1e-10, "relative difference to EJML dense LU " + difference);
    }

    /**
     * Convection-diffusion with a diffusivity jumping by three orders of magnitude across x = 1/2,
     * so the diagonal varies strongly: Jacobi must beat no preconditioning, ILU(0) must beat Jacobi.
     */
    @ParameterizedTest
    @EnumSource(Method.class)
    void ilu0BeatsJacobiBeatsNone(Method method) {
        CsrMatrix a = ConvectionDiffusion2D.assemble(32, 32, (x, y) -> x < 0.5 ? 1.0 : 1000.0, 20.0, 10.0,
                ConvectionDiffusion2D.Convection.UPWIND);
        double[] b = KrylovTestProblems.randomVector(a.rows(), 3L);
        int[] iterations = new int[Precond.values().length];
        for (Precond p : Precond.values()) {
            KrylovSolver solver = ready(solver(method, p,
                    KrylovSettings.builder().relativeTolerance(1e-8).maxIterations(20000)), a);
            double[] x = new double[a.rows()];
            solver.solve(b, x);
            assertTrue(KrylovTestProblems.relativeResidual(a, b, x) <= 1e-8);
            iterations[p.ordinal()] = solver.iterations();
        }
        int none = iterations[Precond.NONE.ordinal()];
        int jacobi = iterations[Precond.JACOBI.ordinal()];
        int ilu0 = iterations[Precond.ILU0.ordinal()];
        assertTrue(ilu0 < jacobi && jacobi < none,
                method + " iterations: ilu0 " + ilu0 + ", jacobi " + jacobi + ", none " + none);
    }

    /** Cyclic shift, b = e_0: every Krylov space short of K_n misses the solution, so GMRES needs exactly n steps. */
    @Test
    void unrestartedGmresNeedsExactlyNStepsOnCyclicShift() {
        int n = 25;
        CsrMatrix shift = cyclicShift(n);
        double[] b = new double[n];
        b[0] = 1.0;
        KrylovSolver gmres = ready(new GmresSolver(KrylovSettings.builder().restart(n).maxIterations(n)
                .relativeTolerance(1e-12).preconditioner(IdentityPreconditioner::new).build()), shift);
        double[] x = new double[n];
        gmres.solve(b, x);
        assertEquals(n, gmres.iterations());
        assertTrue(gmres.finalResidual() <= 1e-12);
        // A e_{n-1} = e_0, so x = e_{n-1}.
        assertEquals(1.0, x[n - 1], 1e-12);

        // Restarted GMRES(n-1) stagnates at residual 1 on the same system.
        KrylovSolver restarted = ready(new GmresSolver(KrylovSettings.builder().restart(n - 1).maxIterations(4 * n)
                .preconditioner(IdentityPreconditioner::new).build()), shift);
        KrylovConvergenceException e = assertThrows(KrylovConvergenceException.class, () -> restarted.solve(b, x));
        assertEquals(4 * n, e.iterations());
        assertEquals(1.0, e.relativeResidual(), 1e-12);
    }

    /** A dense random nonsymmetric (not diagonally dominant) system: full GMRES converges within n steps. */
    @Test
    void unrestartedGmresConvergesWithinNStepsOnRandomDenseMatrix() {
        int n = 40;
        java.util.Random random = new java.util.Random(23L);
        int[] rows = new int[n * n];
        int[] cols = new int[n * n];
        double[] vals = new double[n * n];
        for (int i = 0, t = 0; i < n; i++) {
            for (int j = 0; j < n; j++, t++) {
                rows[t] = i;
                cols[t] = j;
                vals[t] = random.nextGaussian() + (i == j ? 3.0 : 0.0);
            }
        }
        CsrMatrix a = CsrMatrix.fromTriplets(n, n, rows, cols, vals, n * n);
        double[] b = KrylovTestProblems.randomVector(n, 29L);
        KrylovSolver gmres = ready(new GmresSolver(KrylovSettings.builder().restart(n).maxIterations(n)
                .relativeTolerance(1e-10).preconditioner(IdentityPreconditioner::new).build()), a);
        double[] x = new double[n];
        gmres.solve(b, x);
        assertTrue(gmres.iterations() <= n, "iterations " + gmres.iterations());
        assertTrue(KrylovTestProblems.relativeResidual(a, b, x) <= 1e-10);
        assertTrue(KrylovTestProblems.relativeDifference(x, KrylovTestProblems.ejmlDenseLuSolve(a, b)) <= 1e-8);
    }

    private static CsrMatrix cyclicShift(int n) {
        int[] rows = new int[n];
        int[] cols = new int[n];
        double[] vals = new double[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
            cols[i] = (i + n - 1) % n; // A e_j = e_{j+1 mod n}
            vals[i] = 1.0;
        }
        return CsrMatrix.fromTriplets(n, n, rows, cols, vals, n);
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void warmStartFromExactSolutionNeedsNoIteration(Method method) {
        CsrMatrix a = KrylovTestProblems.convectionDiffusion(12);
        double[] exact = KrylovTestProblems.randomVector(a.rows(), 41L);
        double[] b = new double[a.rows()];
        a.multiply(exact, b);
        KrylovSolver warm = ready(solver(method, Precond.ILU0, KrylovSettings.builder()
                .initialGuess(KrylovSettings.InitialGuess.SOLUTION_CONTENT)), a);
        double[] x = exact.clone();
        warm.solve(b, x);
        assertEquals(0, warm.iterations());
        assertTrue(warm.finalResidual() <= 1e-14);

        // Warm start from a nearby point needs fewer iterations than a cold start.
        KrylovSolver cold = ready(solver(method, Precond.ILU0, KrylovSettings.builder()), a);
        double[] coldX = new double[a.rows()];
        java.util.Arrays.fill(coldX, Double.NaN); // ignored with a ZERO initial guess
        cold.solve(b, coldX);
        double[] near = exact.clone();
        for (int i = 0; i < near.length; i++) {
            near[i] *= 1.0 + 1e-4 * Math.sin(i);
        }
        warm.solve(b, near);
        assertTrue(warm.iterations() < cold.iterations(), "warm " + warm.iterations() + " cold " + cold.iterations());
        assertTrue(KrylovTestProblems.relativeDifference(near, coldX) <= 1e-6);
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void rhsMayAliasSolutionAndZeroRhsGivesZero(Method method) {
        CsrMatrix a = KrylovTestProblems.blockTridiagonal(10, 3, 2L);
        double[] b = KrylovTestProblems.randomVector(a.rows(), 1L);
        KrylovSolver s = ready(solver(method, Precond.ILU0, KrylovSettings.builder().relativeTolerance(1e-12)), a);
        double[] x = new double[a.rows()];
        s.solve(b, x);
        double[] aliased = b.clone();
        s.solve(aliased, aliased);
        assertTrue(KrylovTestProblems.relativeDifference(aliased, x) <= 1e-15);

        double[] zero = new double[a.rows()];
        double[] out = KrylovTestProblems.randomVector(a.rows(), 9L);
        s.solve(zero, out);
        for (double v : out) {
            assertEquals(0.0, v);
        }
        assertEquals(0, s.iterations());
        assertEquals(0.0, s.finalResidual());
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void iterationLimitRaisesConvergenceExceptionWithNumbers(Method method) {
        CsrMatrix a = KrylovTestProblems.convectionDiffusion(30);
        double[] b = KrylovTestProblems.randomVector(a.rows(), 7L);
        KrylovSolver s = ready(solver(method, Precond.NONE,
                KrylovSettings.builder().relativeTolerance(1e-10).maxIterations(5)), a);
        double[] x = new double[a.rows()];
        KrylovConvergenceException e = assertThrows(KrylovConvergenceException.class, () -> s.solve(b, x));
        assertEquals(5, e.iterations());
        assertEquals(1e-10, e.tolerance());
        assertTrue(e.relativeResidual() > 1e-10 && e.relativeResidual() < 1.0);
        assertEquals(KrylovTestProblems.relativeResidual(a, b, x), e.relativeResidual(), 1e-12,
                "the exception reports the true residual of the iterate left in x");
        assertTrue(e.getMessage().contains("after 5 iterations") && e.getMessage().contains("tolerance 1.0E-10")
                && e.getMessage().contains(s.name()), e.getMessage());
        assertEquals(5, s.iterations());
        assertEquals(e.relativeResidual(), s.finalResidual());
    }

    /** (b, A b) = 0 for every b when A is skew-symmetric: BiCGSTAB's first pivot vanishes. GMRES is fine. */
    @Test
    void bicgstabReportsBreakdownOnSkewSymmetricMatrix() {
        CsrMatrix skew = CsrMatrix.fromTriplets(2, 2, new int[] {0, 1}, new int[] {1, 0}, new double[] {1.0, -1.0}, 2);
        double[] b = {1.0, 2.0};
        KrylovSolver bicgstab = ready(new BiCgStabSolver(KrylovSettings.builder()
                .preconditioner(IdentityPreconditioner::new).build()), skew);
        KrylovBreakdownException e = assertThrows(KrylovBreakdownException.class,
                () -> bicgstab.solve(b, new double[2]));
        assertTrue(e.quantity().contains("(r0~, A M^-1 p)"), e.getMessage());
        assertTrue(e.getMessage().contains("breakdown") && e.getMessage().contains("bicgstab-none"), e.getMessage());

        KrylovSolver gmres = ready(new GmresSolver(KrylovSettings.builder()
                .preconditioner(IdentityPreconditioner::new).build()), skew);
        double[] x = new double[2];
        gmres.solve(b, x);
        assertEquals(2, gmres.iterations());
        // [0 1; -1 0] x = (1, 2) => x = (-2, 1)
        assertEquals(-2.0, x[0], 1e-14);
        assertEquals(1.0, x[1], 1e-14);
    }

    /** omega = (t, s)/(t, t) vanishes when s is isotropic for the indefinite A = diag(1, -1). */
    @Test
    void bicgstabReportsOmegaBreakdown() {
        // With b = (a, 1): alpha = (a^2 + 1)/(a^2 - 1) and s is parallel to (1, -a)... (t, s) = s1^2 - s2^2
        // vanishes only for a = 1 where the pivot breaks first; so use a 3 x 3 indefinite diagonal
        // matrix diag(1, -1, d) and b chosen so that s = b - alpha A b satisfies s1^2 - s2^2 + d s3^2 = 0.
        // b = (2, 1, 1), d = 2: A b = (2, -1, 2), (b, b) = 6, (b, A b) = 4 - 1 + 2 = 5, alpha = 6/5,
        // s = b - 1.2 A b = (-0.4, 2.2, -1.4); (s, A s) = 0.16 - 4.84 + 2 * 1.96 = -0.76, not zero.
        // Rather than hunt for rational data, search a one-parameter family for the root numerically.
        double lo = 0.1;
        double hi = 10.0;
        double d = 2.0;
        // f(c) = (s, A s) for b = (c, 1, 1): find a sign change, then bisect.
        java.util.function.DoubleUnaryOperator f = c -> {
            double[] bb = {c, 1.0, 1.0};
            double[] ab = {c, -1.0, d};
            double alpha = (c * c + 2.0) / (c * c - 1.0 + d);
            double s1 = bb[0] - alpha * ab[0];
            double s2 = bb[1] - alpha * ab[1];
            double s3 = bb[2] - alpha * ab[2];
            return s1 * s1 - s2 * s2 + d * s3 * s3;
        };
        double flo = f.applyAsDouble(lo);
        double step = 0.01;
        double c = lo;
        while (c < hi && Math.signum(f.applyAsDouble(c + step)) == Math.signum(flo)) {
            c += step;
        }
        assertTrue(c < hi, "no sign change found");
        double a0 = c;
        double a1 = c + step;
        for (int k = 0; k < 200; k++) {
            double mid = 0.5 * (a0 + a1);
            if (Math.signum(f.applyAsDouble(mid)) == Math.signum(f.applyAsDouble(a0))) {
                a0 = mid;
            } else {
                a1 = mid;
            }
        }
        double root = 0.5 * (a0 + a1);
        CsrMatrix a = CsrMatrix.fromTriplets(3, 3, new int[] {0, 1, 2}, new int[] {0, 1, 2},
                new double[] {1.0, -1.0, d}, 3);
        KrylovSolver bicgstab = ready(new BiCgStabSolver(KrylovSettings.builder()
                .preconditioner(IdentityPreconditioner::new).build()), a);
        double[] b = {root, 1.0, 1.0};
        KrylovBreakdownException e = assertThrows(KrylovBreakdownException.class,
                () -> bicgstab.solve(b, new double[3]));
        assertTrue(e.quantity().startsWith("omega"), e.getMessage());
        assertEquals(1, e.iterations());
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void singularMatrixIsDetected(Method method) {
        // A zero row 3 (diagonal stored as 0): ILU(0) refuses it naming the row, the unpreconditioned
        // iteration cannot reach b_3 and fails with a convergence exception instead of returning garbage.
        CsrMatrix a = KrylovTestProblems.convectionDiffusion(4).copy();
        for (int p = a.rowStart()[3]; p < a.rowStart()[4]; p++) {
            a.values()[p] = 0.0;
        }
        KrylovSolver withIlu = solver(method, Precond.ILU0, KrylovSettings.builder());
        withIlu.analyse(a);
        io.nernst.solvers.linear.SingularMatrixException singular = assertThrows(
                io.nernst.solvers.linear.SingularMatrixException.class, () -> withIlu.factor(a));
        assertEquals(3, singular.index());
        assertTrue(singular.getMessage().contains("row 3"), singular.getMessage());
        assertThrows(IllegalStateException.class, () -> withIlu.solve(new double[16], new double[16]));

        KrylovSolver plain = ready(solver(method, Precond.NONE, KrylovSettings.builder().maxIterations(200)), a);
        double[] b = KrylovTestProblems.randomVector(16, 3L);
        assertThrows(KrylovConvergenceException.class, () -> plain.solve(b, new double[16]));
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void badInputNamesTheProblem(Method method) {
        CsrMatrix a = KrylovTestProblems.convectionDiffusion(5);
        KrylovSolver s = solver(method, Precond.ILU0, KrylovSettings.builder());
        assertThrows(IllegalStateException.class, () -> s.factor(a));
        IllegalArgumentException nonSquare = assertThrows(IllegalArgumentException.class,
                () -> s.analyse(CsrMatrix.fromTriplets(2, 3, new int[] {0}, new int[] {2}, new double[] {1}, 1)));
        assertTrue(nonSquare.getMessage().contains("2 x 3"), nonSquare.getMessage());
        s.analyse(a);
        assertThrows(IllegalArgumentException.class, () -> s.factor(KrylovTestProblems.convectionDiffusion(4)));
        CsrMatrix withNan = a.copy();
        withNan.values()[withNan.slot(7, 8)] = Double.NaN;
        IllegalArgumentException nanMatrix = assertThrows(IllegalArgumentException.class, () -> s.factor(withNan));
        assertTrue(nanMatrix.getMessage().contains("row 7") && nanMatrix.getMessage().contains("column 8"),
                nanMatrix.getMessage());
        s.factor(a);
        IllegalArgumentException shortRhs = assertThrows(IllegalArgumentException.class,
                () -> s.solve(new double[24], new double[25]));
        assertTrue(shortRhs.getMessage().contains("24") && shortRhs.getMessage().contains("25"), shortRhs.getMessage());
        IllegalArgumentException shortX = assertThrows(IllegalArgumentException.class,
                () -> s.solve(new double[25], new double[26]));
        assertTrue(shortX.getMessage().contains("solution has length 26"), shortX.getMessage());
        double[] b = new double[25];
        b[13] = Double.NaN;
        IllegalArgumentException nanRhs = assertThrows(IllegalArgumentException.class,
                () -> s.solve(b, new double[25]));
        assertTrue(nanRhs.getMessage().contains("entry 13"), nanRhs.getMessage());

        KrylovSolver warm = ready(solver(method, Precond.ILU0, KrylovSettings.builder()
                .initialGuess(KrylovSettings.InitialGuess.SOLUTION_CONTENT)), a);
        double[] guess = new double[25];
        guess[21] = Double.POSITIVE_INFINITY;
        IllegalArgumentException badGuess = assertThrows(IllegalArgumentException.class,
                () -> warm.solve(KrylovTestProblems.randomVector(25, 1L), guess));
        assertTrue(badGuess.getMessage().contains("initial guess entry 21"), badGuess.getMessage());
    }

    @Test
    void settingsValidateTheirArguments() {
        KrylovSettings.Builder b = KrylovSettings.builder();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.relativeTolerance(0.0)).getMessage()
                .contains("relativeTolerance"));
        assertThrows(IllegalArgumentException.class, () -> b.relativeTolerance(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> b.relativeTolerance(1.0));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.maxIterations(0)).getMessage()
                .contains("maxIterations"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.restart(0)).getMessage().contains("restart"));
        KrylovSettings d = KrylovSettings.defaults();
        assertEquals(1e-8, d.relativeTolerance());
        assertEquals(30, d.restart());
        assertEquals(KrylovSettings.InitialGuess.ZERO, d.initialGuess());
        assertEquals("gmres(30)-ilu0", new GmresSolver().name());
        assertEquals("bicgstab-ilu0", new BiCgStabSolver().name());
    }

    /** Refactoring with new values on the same pattern must use the new values only. */
    @ParameterizedTest
    @EnumSource(Method.class)
    void refactorWithNewValuesAndCallerChangesAfterFactorDoNotLeak(Method method) {
        CsrMatrix a = KrylovTestProblems.randomDiagonallyDominant(200, 5, 4L);
        CsrMatrix scaled = a.copy();
        for (int p = 0; p < scaled.nonZeros(); p++) {
            scaled.values()[p] *= 2.0;
        }
        double[] b = KrylovTestProblems.randomVector(200, 8L);
        KrylovSolver s = ready(solver(method, Precond.ILU0, KrylovSettings.builder().relativeTolerance(1e-12)), a);
        double[] x1 = new double[200];
        s.solve(b, x1);
        s.factor(scaled);
        double[] x2 = new double[200];
        s.solve(b, x2);
        for (int i = 0; i < 200; i++) {
            assertEquals(0.5 * x1[i], x2[i], 1e-10 * (1.0 + Math.abs(x1[i])));
        }
        // Overwriting the caller's matrix after factor does not change what solve uses.
        java.util.Arrays.fill(scaled.values(), 1.0);
        double[] x3 = new double[200];
        s.solve(b, x3);
        assertEquals(0.0, KrylovTestProblems.relativeDifference(x3, x2), 1e-15);
    }
}
