package io.nernst.models.solidstate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.models.kinetics.ButlerVolmer;
import io.nernst.models.kinetics.InsertionExchangeCurrent;
import io.nernst.models.materials.DifferentiableFunction;
import io.nernst.solvers.dae.BdfIntegrator;
import io.nernst.solvers.dae.BdfSettings;
import io.nernst.solvers.fv.Stretching;
import org.junit.jupiter.api.Test;

/**
 * Convergence in r and in the polar angle against a closed form. With constant D and a uniform
 * outward flux N_cap on the cap mu = cos a > mu_c (zero elsewhere), the solution tends (after
 * D t / R^2 of a few; the slowest transient decays as exp(-4.33 D t / R^2)) to
 * <pre>
 *   c(r, mu, t) = c0 - 3 N0 t / R - (N0 R / D) ((r/R)^2 / 2 - 3/10) - sum_{l>=1} (N_l R / (l D)) (r/R)^l P_l(mu)
 *   N_l = (N_cap / 2) (P_{l-1}(mu_c) - P_{l+1}(mu_c)),   N0 = N_cap theta
 * </pre>
 * (the l = 0 term is Crank's quasi-steady sphere, The Mathematics of Diffusion eq. 6.44; each
 * l >= 1 term is the harmonic r^l P_l matching the Legendre component of the boundary flux).
 * Cell averages of the series are exact: r-moments int r^(l+2) dr and int P_l dmu =
 * (P_{l+1} - P_{l-1})/(2l+1). The deviation from the mean is compared cell by cell
 * (volume-weighted RMS, relative to N0 R / D); BDF reproduces the linear-in-time mean exactly.
 */
class PartialContactConvergenceTest {
    private static final double RADIUS = 5e-6;
    private static final double D = 1e-14;
    private static final double CMAX = 50000;
    private static final double C0 = 30000;
    private static final double THETA = 0.25; // cap edge at 60 degrees: one third of uniform sectors
    private static final double N_CAP = 2e-6;
    private static final int TERMS = 4000;

    private static final DifferentiableFunction FLAT_OCP = new DifferentiableFunction() {
        @Override
        public double value(double x, double temperature) {
            return 4.0 - 0.2 * x;
        }

        @Override
        public double derivative(double x, double temperature) {
            return -0.2;
        }
    };

    /** Relative RMS error of the quasi-steady deviation on an nr x nTheta mesh. */
    static double error(int shells, int sectors) {
        PartialContactParticle p = new PartialContactParticle(RADIUS, shells, sectors, sectors / 3, THETA, Stretching.uniform(),
                DifferentiableFunction.constant(D), CMAX);
        PartialContactCharge s = new PartialContactCharge(p, FLAT_OCP, ButlerVolmer.symmetric(
                new InsertionExchangeCurrent(1e-6, CMAX, 0.5, 0.5, 0, 298.15)), 1000, 298.15, PartialContactCharge.Mode.UNIFORM_FLUX);
        s.setAppliedCurrentDensity(N_CAP * 96485.33212);
        double[] y = s.initialState(C0 / CMAX);
        double[] yDot = new double[y.length];
        BdfIntegrator integrator = new BdfIntegrator(BdfSettings.builder().relativeTolerance(1e-10).absoluteTolerance(1e-7).build());
        integrator.initialize(s, 0.0, y, yDot);
        double tEnd = 5.0 * RADIUS * RADIUS / D;
        double[] end = integrator.integrate(s, 0.0, y, yDot, tEnd, null, null).y();
        double mean = p.averageConcentration(end, 0);
        double[] rf = p.radialFaces();
        double[] af = p.angleFaces();
        double muC = Math.cos(p.capAngle());
        double[] pc = legendre(muC, TERMS + 1);
        double[] nl = new double[TERMS + 1];
        for (int l = 1; l <= TERMS; l++) {
            nl[l] = 0.5 * N_CAP * (pc[l - 1] - pc[l + 1]);
        }
        double n0 = N_CAP * THETA;
        double scale = n0 * RADIUS / D;
        double[][] pFace = new double[sectors + 1][];
        for (int j = 0; j <= sectors; j++) {
            pFace[j] = legendre(Math.cos(af[j]), TERMS + 1);
        }
        double sum = 0.0;
        double vol = 0.0;
        for (int k = 0; k < shells; k++) {
            double a = rf[k] / RADIUS;
            double b = rf[k + 1] / RADIUS;
            double shellMoment = b * b * b - a * a * a;
            // radial averages of (r/R)^m: 3 (b^(m+3) - a^(m+3)) / ((m+3)(b^3 - a^3))
            double avg2 = 3.0 * (Math.pow(b, 5) - Math.pow(a, 5)) / (5.0 * shellMoment);
            double[] radial = new double[TERMS + 1];
            for (int l = 1; l <= TERMS; l++) {
                radial[l] = 3.0 * (Math.pow(b, l + 3) - Math.pow(a, l + 3)) / ((l + 3) * shellMoment);
            }
            for (int j = 0; j < sectors; j++) {
                double muHi = Math.cos(af[j]);
                double muLo = Math.cos(af[j + 1]);
                double exact = -scale * (0.5 * avg2 - 0.3);
                for (int l = 1; l <= TERMS; l++) {
                    if (radial[l] < 1e-300) {
                        break;
                    }
                    double angular = (pFace[j][l + 1] - pFace[j][l - 1] - pFace[j + 1][l + 1] + pFace[j + 1][l - 1])
                            / ((2 * l + 1) * (muHi - muLo));
                    exact -= nl[l] * RADIUS / (l * D) * radial[l] * angular;
                }
                double fv = end[p.index(k, j)] - mean;
                double v = p.cellVolume(k, j);
                sum += v * (fv - exact) * (fv - exact);
                vol += v;
            }
        }
        return Math.sqrt(sum / vol) / scale;
    }

    /** P_0 .. P_n at x by the three-term recurrence. */
    static double[] legendre(double x, int n) {
        double[] p = new double[n + 1];
        p[0] = 1.0;
        if (n >= 1) {
            p[1] = x;
        }
        for (int l = 1; l < n; l++) {
            p[l + 1] = ((2 * l + 1) * x * p[l] - l * p[l - 1]) / (l + 1);
        }
        return p;
    }

    private static double order(double coarse, double fine) {
        return Math.log(coarse / fine) / Math.log(2.0);
    }

    @Test
    void convergesInBothDirectionsToTheLegendreClosedForm() {
        StringBuilder report = new StringBuilder("theta = 0.25, quasi-steady deviation, relative RMS error\n");
        double[] both = {error(6, 6), error(12, 12), error(24, 24), error(48, 48)};
        for (int i = 0; i < both.length; i++) {
            report.append(String.format("  %2d x %2d: %.4e%s%n", 6 << i, 6 << i, both[i],
                    i == 0 ? "" : String.format("  order %.2f", order(both[i - 1], both[i]))));
        }
        // radial refinement at a fine polar mesh, polar refinement at a fine radial mesh
        double[] radial = {error(4, 96), error(8, 96), error(16, 96)};
        for (int i = 0; i < radial.length; i++) {
            report.append(String.format("  r: %2d x 96: %.4e%s%n", 4 << i, radial[i],
                    i == 0 ? "" : String.format("  order %.2f", order(radial[i - 1], radial[i]))));
        }
        double[] polar = {error(96, 6), error(96, 12), error(96, 24)};
        for (int i = 0; i < polar.length; i++) {
            report.append(String.format("  angle: 96 x %2d: %.4e%s%n", 6 << i, polar[i],
                    i == 0 ? "" : String.format("  order %.2f", order(polar[i - 1], polar[i]))));
        }
        System.out.print(report);
        assertTrue(order(both[2], both[3]) > 1.7, report::toString);
        assertTrue(order(radial[0], radial[1]) > 1.7 && order(radial[1], radial[2]) > 1.5, report::toString);
        assertTrue(order(polar[0], polar[1]) > 1.7 && order(polar[1], polar[2]) > 1.7, report::toString);
        assertTrue(both[3] < 3e-3, report::toString);
    }
}
