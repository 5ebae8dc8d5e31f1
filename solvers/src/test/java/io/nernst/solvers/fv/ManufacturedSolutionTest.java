package io.nernst.solvers.fv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Method of manufactured solutions for the two-point-flux operator: the observed order of
 * the discretisation error in the volume-weighted L2 norm and in the max norm, on uniform
 * and stretched meshes, Cartesian and spherical, with variable and discontinuous
 * coefficients, steady and transient (Crank-Nicolson with dt proportional to h).
 */
class ManufacturedSolutionTest {

    /** An exact solution u, coefficient k, flux q = -k u', source f = -div(k grad u). */
    private record Problem(DoubleUnaryOperator u, DoubleUnaryOperator k, DoubleUnaryOperator flux, DoubleUnaryOperator source) {
    }

    /** Cartesian on [0, 1]: u = e^x sin 3x, k = 1 + sin(2 pi x)/2. */
    private static final Problem CARTESIAN = new Problem(
            x -> Math.exp(x) * Math.sin(3 * x),
            x -> 1 + 0.5 * Math.sin(2 * Math.PI * x),
            x -> -(1 + 0.5 * Math.sin(2 * Math.PI * x)) * Math.exp(x) * (Math.sin(3 * x) + 3 * Math.cos(3 * x)),
            x -> {
                double k = 1 + 0.5 * Math.sin(2 * Math.PI * x);
                double dk = Math.PI * Math.cos(2 * Math.PI * x);
                double du = Math.exp(x) * (Math.sin(3 * x) + 3 * Math.cos(3 * x));
                double d2u = Math.exp(x) * (6 * Math.cos(3 * x) - 8 * Math.sin(3 * x));
                return -(dk * du + k * d2u);
            });

    /** Spherical on [0, 1]: u = cos(pi r), k = 1 + r^2, f = -(1/r^2)(r^2 k u')'. */
    private static final Problem SPHERICAL = new Problem(
            r -> Math.cos(Math.PI * r),
            r -> 1 + r * r,
            r -> (1 + r * r) * Math.PI * Math.sin(Math.PI * r),
            r -> {
                double k = 1 + r * r;
                double dk = 2 * r;
                double du = -Math.PI * Math.sin(Math.PI * r);
                double d2u = -Math.PI * Math.PI * Math.cos(Math.PI * r);
                return -(k * d2u + dk * du + 2 * k * du / r);
            });

    private static final double INTERFACE = 0.4;
    private static final double K1 = 1.0;
    private static final double K2 = 10.0;

    /**
     * Two materials with k = 1 on [0, 0.4] and k = 10 on [0.4, 1]: the flux q = -k u' = cos 2x
     * is smooth and u is continuous with a kink at the interface; f = q' = -2 sin 2x.
     */
    private static final Problem INTERFACE_PROBLEM = new Problem(
            x -> x <= INTERFACE ? -Math.sin(2 * x) / (2 * K1)
                    : -Math.sin(2 * INTERFACE) / (2 * K1) - (Math.sin(2 * x) - Math.sin(2 * INTERFACE)) / (2 * K2),
            x -> x <= INTERFACE ? K1 : K2,
            x -> Math.cos(2 * x),
            x -> -2 * Math.sin(2 * x));

    private static double[] steadyErrors(Problem p, Mesh1D mesh, boolean leftNeumann, boolean rightNeumann) {
        int n = mesh.cells();
        double[] k = new double[n];
        for (int i = 0; i < n; i++) {
            k[i] = p.k().applyAsDouble(mesh.centreAt(i));
        }
        BoundaryCondition left = leftNeumann ? BoundaryCondition.neumann(p.flux().applyAsDouble(mesh.start()))
                : BoundaryCondition.dirichlet(p.u().applyAsDouble(mesh.start()));
        BoundaryCondition right = rightNeumann ? BoundaryCondition.neumann(p.flux().applyAsDouble(mesh.end()))
                : BoundaryCondition.dirichlet(p.u().applyAsDouble(mesh.end()));
        double[] lower = new double[n];
        double[] diag = new double[n];
        double[] upper = new double[n];
        double[] constant = new double[n];
        new DiffusionOperator(mesh).assemble(k, left, right, lower, diag, upper, constant);
        // Integral of div(k grad u) + f over each cell = 0, with the source at the node.
        double[] rhs = new double[n];
        for (int i = 0; i < n; i++) {
            rhs[i] = -constant[i] - p.source().applyAsDouble(mesh.centreAt(i)) * mesh.volumeAt(i);
        }
        double[] u = new double[n];
        new TridiagonalSolver(n).solve(lower, diag, upper, rhs, u);
        return errorNorms(mesh, u, x -> p.u().applyAsDouble(x));
    }

    private static double[] errorNorms(Mesh1D mesh, double[] u, DoubleUnaryOperator exact) {
        double sum = 0.0;
        double volume = 0.0;
        double max = 0.0;
        for (int i = 0; i < mesh.cells(); i++) {
            double e = u[i] - exact.applyAsDouble(mesh.centreAt(i));
            sum += e * e * mesh.volumeAt(i);
            volume += mesh.volumeAt(i);
            max = Math.max(max, Math.abs(e));
        }
        return new double[] {Math.sqrt(sum / volume), max};
    }

    /** Asserts order > 1.8 between successive refinements in both norms; returns the orders. */
    private static void assertSecondOrder(String label, IntFunction<double[]> errorsAtResolution, int... resolutions) {
        double[] previous = null;
        StringBuilder report = new StringBuilder(label);
        for (int n : resolutions) {
            double[] e = errorsAtResolution.apply(n);
            report.append(String.format("%n  n=%4d  L2=%.3e  max=%.3e", n, e[0], e[1]));
            if (previous != null) {
                double orderL2 = Math.log(previous[0] / e[0]) / Math.log(2.0);
                double orderMax = Math.log(previous[1] / e[1]) / Math.log(2.0);
                report.append(String.format("  order L2=%.3f max=%.3f", orderL2, orderMax));
                String msg = report.toString();
                assertTrue(orderL2 > 1.8 && orderL2 < 2.3, () -> "L2 order not ~2: " + msg);
                assertTrue(orderMax > 1.8 && orderMax < 2.3, () -> "max-norm order not ~2: " + msg);
            }
            previous = e;
        }
        System.out.println(report);
    }

    @Test
    void cartesianUniformDirichletNeumann() {
        assertSecondOrder("cartesian uniform", n -> steadyErrors(CARTESIAN,
                Mesh1D.uniform(Geometry.CARTESIAN, 0, 1, n), false, true), 20, 40, 80, 160);
    }

    @Test
    void cartesianStretchedTanhAndExponential() {
        assertSecondOrder("cartesian tanh", n -> steadyErrors(CARTESIAN,
                Mesh1D.stretched(Geometry.CARTESIAN, 0, 1, n, Stretching.tanhBothEnds(3.0)), false, true), 20, 40, 80, 160);
        assertSecondOrder("cartesian exponential", n -> steadyErrors(CARTESIAN,
                Mesh1D.stretched(Geometry.CARTESIAN, 0, 1, n, Stretching.exponential(2.0)), true, false), 20, 40, 80, 160);
    }

    @Test
    void sphericalUniformAndStretchedTowardSurface() {
        assertSecondOrder("spherical uniform", n -> steadyErrors(SPHERICAL,
                Mesh1D.sphere(1.0, n, Stretching.uniform()), true, false), 10, 20, 40, 80);
        assertSecondOrder("spherical tanh toward surface", n -> steadyErrors(SPHERICAL,
                Mesh1D.sphere(1.0, n, Stretching.tanhTowardEnd(1.5)), true, false), 10, 20, 40, 80);
    }

    @Test
    void interfaceBetweenDomainsOfDifferentMeshAndCoefficient() {
        // 2m cells of one size on [0, 0.4], 3m cells of another on [0.4, 1]: coefficient jumps 10x.
        assertSecondOrder("interface uniform", m -> steadyErrors(INTERFACE_PROBLEM, Mesh1D.concatenate(
                Mesh1D.uniform(Geometry.CARTESIAN, 0, INTERFACE, 2 * m),
                Mesh1D.uniform(Geometry.CARTESIAN, INTERFACE, 1, 3 * m)), false, false), 5, 10, 20, 40);
        assertSecondOrder("interface stretched", m -> steadyErrors(INTERFACE_PROBLEM, Mesh1D.concatenate(
                Mesh1D.stretched(Geometry.CARTESIAN, 0, INTERFACE, 2 * m, Stretching.tanhBothEnds(2.0)),
                Mesh1D.stretched(Geometry.CARTESIAN, INTERFACE, 1, 3 * m, Stretching.exponential(-1.5))), false, true), 5, 10, 20, 40);
    }

    /**
     * Transient u_t = div(k grad u) + f with u(x, t) = cos(t) g(x) (g the steady solution),
     * so f = -sin(t) g + cos(t) f_s. Crank-Nicolson with dt = h/2 to t = 1.
     */
    private static double[] transientErrors(Problem p, Mesh1D mesh, boolean leftNeumann, boolean rightNeumann) {
        int n = mesh.cells();
        double[] k = new double[n];
        double[] g = new double[n];
        double[] fs = new double[n];
        for (int i = 0; i < n; i++) {
            k[i] = p.k().applyAsDouble(mesh.centreAt(i));
            g[i] = p.u().applyAsDouble(mesh.centreAt(i));
            fs[i] = p.source().applyAsDouble(mesh.centreAt(i));
        }
        DiffusionOperator op = new DiffusionOperator(mesh);
        int steps = 2 * n;
        double dt = 1.0 / steps;
        double[] u = g.clone();
        double[] lower = new double[n];
        double[] diag = new double[n];
        double[] upper = new double[n];
        double[] cOld = new double[n];
        double[] cNew = new double[n];
        double[] a = new double[n];
        double[] b = new double[n];
        double[] d = new double[n];
        double[] rhs = new double[n];
        double[] applied = new double[n];
        TridiagonalSolver solver = new TridiagonalSolver(n);
        for (int s = 0; s < steps; s++) {
            double t0 = s * dt;
            double t1 = t0 + dt;
            BoundaryCondition[] bc0 = boundaryConditions(p, mesh, leftNeumann, rightNeumann, Math.cos(t0));
            BoundaryCondition[] bc1 = boundaryConditions(p, mesh, leftNeumann, rightNeumann, Math.cos(t1));
            op.apply(u, k, bc0[0], bc0[1], applied);
            op.assemble(k, bc1[0], bc1[1], lower, diag, upper, cNew);
            for (int i = 0; i < n; i++) {
                double v = mesh.volumeAt(i);
                double src0 = -Math.sin(t0) * g[i] + Math.cos(t0) * fs[i];
                double src1 = -Math.sin(t1) * g[i] + Math.cos(t1) * fs[i];
                // V (u1 - u0)/dt = (L u1 + c1 + V f1)/2 + (applied0 + V f0)/2
                a[i] = -0.5 * lower[i];
                b[i] = v / dt - 0.5 * diag[i];
                d[i] = -0.5 * upper[i];
                rhs[i] = v / dt * u[i] + 0.5 * (cNew[i] + v * src1) + 0.5 * (applied[i] + v * src0);
            }
            solver.solve(a, b, d, rhs, u);
        }
        double c = Math.cos(1.0);
        return errorNorms(mesh, u, x -> c * p.u().applyAsDouble(x));
    }

    private static BoundaryCondition[] boundaryConditions(Problem p, Mesh1D mesh, boolean leftNeumann, boolean rightNeumann, double scale) {
        return new BoundaryCondition[] {
            leftNeumann ? BoundaryCondition.neumann(scale * p.flux().applyAsDouble(mesh.start()))
                    : BoundaryCondition.dirichlet(scale * p.u().applyAsDouble(mesh.start())),
            rightNeumann ? BoundaryCondition.neumann(scale * p.flux().applyAsDouble(mesh.end()))
                    : BoundaryCondition.dirichlet(scale * p.u().applyAsDouble(mesh.end()))};
    }

    @Test
    void transientCartesianAndSpherical() {
        assertSecondOrder("transient cartesian uniform", n -> transientErrors(CARTESIAN,
                Mesh1D.uniform(Geometry.CARTESIAN, 0, 1, n), false, true), 10, 20, 40, 80);
        assertSecondOrder("transient cartesian tanh", n -> transientErrors(CARTESIAN,
                Mesh1D.stretched(Geometry.CARTESIAN, 0, 1, n, Stretching.tanhBothEnds(3.0)), true, false), 10, 20, 40, 80);
        assertSecondOrder("transient spherical uniform", n -> transientErrors(SPHERICAL,
                Mesh1D.sphere(1.0, n, Stretching.uniform()), true, false), 10, 20, 40, 80);
        assertSecondOrder("transient spherical tanh", n -> transientErrors(SPHERICAL,
                Mesh1D.sphere(1.0, n, Stretching.tanhTowardEnd(1.5)), true, false), 10, 20, 40, 80);
    }

    @Test
    void operatorConservesFluxToRoundOff() {
        Mesh1D mesh = Mesh1D.concatenate(Mesh1D.uniform(Geometry.CARTESIAN, 0, 1, 7),
                Mesh1D.stretched(Geometry.CARTESIAN, 1, 3, 13, Stretching.tanhBothEnds(2)));
        double[] u = new double[mesh.cells()];
        double[] k = new double[mesh.cells()];
        for (int i = 0; i < u.length; i++) {
            u[i] = Math.sin(3 * i) + i * 0.1;
            k[i] = 1 + (i % 3);
        }
        double[] out = new double[u.length];
        new DiffusionOperator(mesh).apply(u, k, BoundaryCondition.neumann(0.7), BoundaryCondition.neumann(-0.2), out);
        double total = 0;
        double scale = 0;
        for (double v : out) {
            total += v;
            scale += Math.abs(v);
        }
        // Inflow 0.7 at the left, outflow -0.2 at the right: net +0.9.
        assertEquals(0.9, total, 1e-14 * scale);
    }

    @Test
    void sphericalVolumesAndAreas() {
        Mesh1D m = Mesh1D.sphere(2.0, 5, Stretching.tanhTowardEnd(1.0));
        assertEquals(8.0 / 3.0, m.totalVolume(), 1e-14);
        assertEquals(4.0, m.faceAreaAt(5), 0.0);
        assertEquals(0.0, m.faceAreaAt(0), 0.0);
        double a = m.faceAt(2);
        double b = m.faceAt(3);
        assertEquals((b * b * b - a * a * a) / 3.0, m.volumeAt(2), 1e-15);
    }
}
