package io.nernst.models.solidstate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.models.assembly.JacobianRecorder;
import io.nernst.models.kinetics.ButlerVolmer;
import io.nernst.models.kinetics.InsertionExchangeCurrent;
import io.nernst.models.materials.DifferentiableFunction;
import io.nernst.models.particle.SphericalParticle;
import io.nernst.solvers.dae.BdfIntegrator;
import io.nernst.solvers.dae.BdfSettings;
import io.nernst.solvers.dae.IntegrationResult;
import io.nernst.solvers.fv.Stretching;
import io.nernst.solvers.sparse.CsrMatrix;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Verification of the axisymmetric partial-contact particle: reduction to the 1D particle at
 * theta = 1, second-order convergence to Crank's closed form at theta = 1, convergence in r and
 * in the polar angle to the closed-form quasi-steady solution for a flux cap (Legendre series),
 * lithium conservation to round-off, and the analytic Jacobian.
 */
class PartialContactParticleTest {
    private static final double RADIUS = 1e-5;
    private static final double D = 3.9e-14;
    private static final double C0 = 20000;
    private static final double CMAX = 25000;
    private static final double T = 298.15;
    /** A linear dummy OCP (the uniform-flux mode only reports it). */
    private static final DifferentiableFunction LINEAR_OCP = new DifferentiableFunction() {
        @Override
        public double value(double x, double temperature) {
            return 4.2 - 0.5 * x;
        }

        @Override
        public double derivative(double x, double temperature) {
            return -0.5;
        }
    };
    private static final ButlerVolmer KINETICS = ButlerVolmer.symmetric(
            new InsertionExchangeCurrent(3.42e-6, CMAX, 0.5, 0.5, 17800, 298.15));

    private static PartialContactCharge uniformSystem(int shells, int sectors, int cap, double theta, double flux) {
        PartialContactParticle p = new PartialContactParticle(RADIUS, shells, sectors, cap, theta, Stretching.uniform(),
                DifferentiableFunction.constant(D), CMAX);
        PartialContactCharge s = new PartialContactCharge(p, LINEAR_OCP, KINETICS, 1000, T, PartialContactCharge.Mode.UNIFORM_FLUX);
        s.setAppliedCurrentDensity(flux * 96485.33212);
        return s;
    }

    private static double[] integrate(PartialContactCharge s, double tEnd, double rtol) {
        double[] y = s.initialState(C0 / CMAX);
        double[] yDot = new double[y.length];
        BdfSettings settings = BdfSettings.builder().relativeTolerance(rtol).absoluteTolerance(rtol * C0).build();
        BdfIntegrator integrator = new BdfIntegrator(settings);
        integrator.initialize(s, 0.0, y, yDot);
        IntegrationResult r = integrator.integrate(s, 0.0, y, yDot, tEnd, null, null);
        return r.y();
    }

    @Test
    void fullContactResidualIsTheSphericalParticleResidualInEverySector() {
        int shells = 9;
        DifferentiableFunction dOfX = new Ncm811ORegan2022Diffusivity();
        PartialContactParticle p = new PartialContactParticle(RADIUS, shells, 5, 1.0, Stretching.tanhTowardEnd(1.2), dOfX, CMAX);
        SphericalParticle one = new SphericalParticle(RADIUS, shells, Stretching.tanhTowardEnd(1.2), dOfX, CMAX);
        Random random = new Random(7);
        double[] column = new double[shells + 1];
        double[] columnDot = new double[shells + 1];
        for (int k = 0; k <= shells; k++) {
            column[k] = CMAX * (0.3 + 0.6 * random.nextDouble());
            columnDot[k] = random.nextGaussian();
        }
        double[] y = new double[p.unknowns()];
        double[] yDot = new double[p.unknowns()];
        double[] flux = new double[p.sectors()];
        for (int j = 0; j < p.sectors(); j++) {
            System.arraycopy(column, 0, y, j * (shells + 1), shells + 1);
            System.arraycopy(columnDot, 0, yDot, j * (shells + 1), shells + 1);
            flux[j] = 2e-6;
        }
        double[] r2 = new double[p.unknowns()];
        double[] r1 = new double[shells + 1];
        p.residual(y, yDot, 0, flux, T, r2);
        one.residual(column, columnDot, 0, 2e-6, T, r1);
        for (int j = 0; j < p.sectors(); j++) {
            for (int k = 0; k <= shells; k++) {
                assertEquals(r1[k], r2[j * (shells + 1) + k], 1e-14 * Math.abs(r1[k]) + 1e-300,
                        "sector " + j + " row " + k);
            }
        }
    }

    @Test
    void fullContactSurfaceConcentrationConvergesAtSecondOrderToCrank() {
        double flux = 1.333 / 96485.33212;
        double t = 100;
        double exact = crankSurface(t, flux);
        double previous = Double.NaN;
        StringBuilder report = new StringBuilder("theta = 1, 3 sectors, surface concentration vs Crank at t = 100 s\n");
        for (int shells : new int[] {10, 20, 40}) {
            PartialContactCharge s = uniformSystem(shells, 3, 3, 1.0, flux);
            double[] y = integrate(s, t, 1e-11);
            double error = Math.abs(y[s.particle().surfaceIndex(1)] - exact);
            double spread = Math.abs(y[s.particle().surfaceIndex(0)] - y[s.particle().surfaceIndex(2)]);
            assertTrue(spread <= 1e-9 * C0, "sectors stay identical at theta = 1: spread " + spread);
            report.append(String.format("shells %d error %.4e mol/m3", shells, error));
            if (!Double.isNaN(previous)) {
                double order = Math.log(previous / error) / Math.log(2);
                report.append(String.format("  order %.3f", order));
                assertTrue(order > 1.8, report::toString);
            }
            report.append('\n');
            previous = error;
        }
        System.out.print(report);
    }

    static double crankSurface(double t, double flux) {
        double tau = D * t / (RADIUS * RADIUS);
        double sum = 0.0;
        for (int n = 1; n <= 200; n++) {
            double l = (n + 0.5) * Math.PI - 1.0 / ((n + 0.5) * Math.PI);
            for (int it = 0; it < 50; it++) {
                l -= (l * Math.cos(l) - Math.sin(l)) / (-l * Math.sin(l));
            }
            sum += Math.exp(-l * l * tau) / (l * l);
        }
        return C0 - flux * RADIUS / D * (3 * tau + 0.2 - 2 * sum);
    }

    @Test
    void lithiumIsConservedToRoundOffByTheOperator() {
        DifferentiableFunction dOfX = new Ncm811ORegan2022Diffusivity();
        PartialContactParticle p = new PartialContactParticle(RADIUS, 12, 10, 0.3, Stretching.uniform(), dOfX, CMAX);
        Random random = new Random(11);
        double[] y = new double[p.unknowns()];
        double[] yDot = new double[p.unknowns()];
        for (int i = 0; i < y.length; i++) {
            y[i] = CMAX * (0.3 + 0.6 * random.nextDouble());
            yDot[i] = random.nextGaussian();
        }
        double[] flux = new double[p.sectors()];
        double outflow = 0.0;
        for (int j = 0; j < p.capSectors(); j++) {
            flux[j] = 1e-5 * (1 + random.nextDouble());
            outflow += flux[j] * p.sectorSurfaceArea(j);
        }
        double[] res = new double[p.unknowns()];
        p.residual(y, yDot, 0, flux, T, res);
        // sum_cells V (dc/dt - net inflow / V) = d(content)/dt + outflow: the internal faces cancel.
        double weighted = 0.0;
        double rate = 0.0;
        double scale = 0.0;
        for (int j = 0; j < p.sectors(); j++) {
            for (int k = 0; k < p.shells(); k++) {
                double v = p.cellVolume(k, j);
                weighted += v * res[p.index(k, j)];
                rate += v * yDot[p.index(k, j)];
                scale += v * Math.abs(res[p.index(k, j)] - yDot[p.index(k, j)]);
            }
        }
        assertEquals(p.averageConcentration(y, 0), p.regionAverage(y, 0, 0.0, Math.PI, 0.0),
                1e-14 * p.averageConcentration(y, 0), "the whole particle as a region");
        double defect = weighted - rate - outflow;
        System.out.printf("conservation defect %.3e mol/s against a flux-term scale %.3e mol/s%n", defect, scale);
        assertTrue(Math.abs(defect) <= 1e-13 * scale, "discrete lithium balance defect " + defect + " vs " + scale);
    }

    @Test
    void analyticJacobianMatchesFiniteDifferences() {
        checkJacobian(0.0);
    }

    @Test
    void analyticJacobianMatchesFiniteDifferencesWithAFilm() {
        checkJacobian(0.05); // ohm m2: a film drop comparable to the kinetic overpotential
    }

    private static void checkJacobian(double film) {
        PartialContactRun run = new PartialContactRun(5e-6, 6, 5, 0.3, 333.15, 0.1, 4.0, 0.8);
        PartialContactCharge s = run.system();
        s.coupling().setFilmResistance(film);
        Random random = new Random(3);
        double[] y = s.initialState(0.7);
        for (int i = 0; i < s.potentialIndex(); i++) {
            y[i] *= 1 + 0.05 * random.nextGaussian();
        }
        y[s.potentialIndex()] += 0.01;
        double[] yDot = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            yDot[i] = random.nextGaussian();
        }
        double cj = 0.37;
        CsrMatrix jac = s.jacobianPattern().withSamePattern();
        s.jacobian(0, y, yDot, cj, jac);
        int n = y.length;
        double[] r0 = new double[n];
        double[] r1 = new double[n];
        double[] r2 = new double[n];
        s.residual(0, y, yDot, r0);
        double worst = 0.0;
        for (int c = 0; c < n; c++) {
            double h = 1e-6 * Math.max(Math.abs(y[c]), 1e-3);
            double[] yp = y.clone();
            double[] ym = y.clone();
            yp[c] += h;
            ym[c] -= h;
            double[] ydp = yDot.clone();
            double[] ydm = yDot.clone();
            ydp[c] += cj * h;
            ydm[c] -= cj * h;
            s.residual(0, yp, ydp, r1);
            s.residual(0, ym, ydm, r2);
            for (int r = 0; r < n; r++) {
                double fd = (r1[r] - r2[r]) / (2 * h);
                double an = jac.get(r, c);
                double scale = Math.abs(fd) + Math.abs(an) + 1e-12;
                if (Math.abs(fd - an) > 1e-5 * scale + 1e-9) {
                    worst = Math.max(worst, Math.abs(fd - an) / scale);
                    assertEquals(fd, an, 1e-5 * scale + 1e-9, "dF" + r + "/dy" + c);
                }
            }
        }
    }

    @Test
    void couplingDerivativesForACellModelMatchFiniteDifferences() {
        PartialContactCharge s = new PartialContactRun(5e-6, 6, 5, 0.3, 333.15, 0.1, 4.0, 0.8).system();
        PartialContactKinetics k = s.coupling();
        k.setFilmResistance(0.02);
        double[] y = s.initialState(0.6);
        y[s.particle().surfaceIndex(1)] *= 0.97;
        double dphi = 3.9;
        double ce = 1100;
        double base = k.evaluate(y, 0, dphi, ce, 333.15);
        double byPotential = k.meanCurrentByPotential();
        double byElectrolyte = k.meanCurrentByElectrolyte();
        double bySurface = k.meanCurrentBySurface(1);
        double hp = 1e-6;
        double fdPotential = (k.evaluate(y, 0, dphi + hp, ce, 333.15) - k.evaluate(y, 0, dphi - hp, ce, 333.15)) / (2 * hp);
        double fdElectrolyte = (k.evaluate(y, 0, dphi, ce + 1e-3, 333.15) - k.evaluate(y, 0, dphi, ce - 1e-3, 333.15)) / 2e-3;
        int i = s.particle().surfaceIndex(1);
        double c = y[i];
        y[i] = c + 1e-3;
        double up = k.evaluate(y, 0, dphi, ce, 333.15);
        y[i] = c - 1e-3;
        double down = k.evaluate(y, 0, dphi, ce, 333.15);
        y[i] = c;
        assertTrue(base > 0, "anodic at 3.9 V over x = 0.6");
        assertEquals(fdPotential, byPotential, 1e-6 * Math.abs(fdPotential));
        assertEquals(fdElectrolyte, byElectrolyte, 1e-6 * Math.abs(fdElectrolyte));
        assertEquals((up - down) / 2e-3, bySurface, 1e-6 * Math.abs(bySurface));
    }

    @Test
    void unphysicalInputIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PartialContactParticle(RADIUS, 8, 8,
                -0.1, Stretching.uniform(), DifferentiableFunction.constant(D), CMAX));
        assertTrue(e.getMessage().contains("contact fraction") && e.getMessage().contains("-0.1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PartialContactParticle(RADIUS, 8, 8, 1.5, Stretching.uniform(),
                DifferentiableFunction.constant(D), CMAX));
        assertThrows(IllegalArgumentException.class, () -> new PartialContactParticle(-RADIUS, 8, 8, 0.5, Stretching.uniform(),
                DifferentiableFunction.constant(D), CMAX));
        IllegalArgumentException cutoff = assertThrows(IllegalArgumentException.class,
                () -> new PartialContactRun(5e-6, 20, 16, 0.25, 333.15, 0.1, 4.6, 0.906));
        assertTrue(cutoff.getMessage().contains("cut-off potential = 4.6000 V is outside"), cutoff.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PartialContactRun(5e-6, 20, 16, 0.25, 333.15, -0.1, 4.0, 0.906));
    }
}
