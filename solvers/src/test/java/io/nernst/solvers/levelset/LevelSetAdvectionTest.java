package io.nernst.solvers.levelset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.solvers.grid.CartesianGrid2D;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LevelSetAdvectionTest {

    private static final double TWO_PI = 2 * Math.PI;

    /** L1 error of the conservative rate for phi = 0.5 + 0.25 sin(2 pi x), u = 1, periodic x. */
    private static double conservativeRateError(int n) {
        CartesianGrid2D g = CartesianGrid2D.ofSize(n, 4, 1.0, 4.0 / n, true);
        double h = g.dx();
        double[] phi = g.newField();
        // cell averages, so that the finite-volume rate is compared with the exact rate of the averages
        g.fill(phi, (x, y) -> 0.5 + 0.25 * (Math.cos(TWO_PI * (x - h / 2)) - Math.cos(TWO_PI * (x + h / 2))) / (TWO_PI * h));
        FaceVelocityField u = new FaceVelocityField(g).fill((x, y) -> 1.0, (x, y) -> 0.0);
        double[] rate = g.newField();
        new LevelSetAdvection(g).conservativeRate(phi, u, rate);
        double error = 0;
        for (int k = 0; k < rate.length; k++) {
            double x = g.xCentre(g.iOf(k));
            double exact = -0.25 * (Math.sin(TWO_PI * (x + h / 2)) - Math.sin(TWO_PI * (x - h / 2))) / h;
            error += Math.abs(rate[k] - exact);
        }
        return error / rate.length;
    }

    @Test
    void conservativeRateIsFifthOrderOnSmoothData() {
        // measured: 4.24e-5 -> 1.18e-6, order 5.17
        double e1 = conservativeRateError(32);
        double e2 = conservativeRateError(64);
        double order = Math.log(e1 / e2) / Math.log(2);
        assertTrue(order > 4.5, "observed order " + order + " (L1 errors " + e1 + ", " + e2 + ")");
    }

    /** L1 error of -u.grad phi in x (periodic) and, on interior rows, in y, for point values. */
    private static double[] advectiveRateErrors(int n) {
        CartesianGrid2D g = CartesianGrid2D.ofSize(n, n, 1.0, 1.0, true);
        double[] phi = g.fill(g.newField(), (x, y) -> 0.5 + 0.2 * Math.sin(TWO_PI * x) * Math.cos(TWO_PI * y));
        double[] ux = g.fill(g.newField(), (x, y) -> 1.0 + 0.5 * Math.cos(TWO_PI * y));
        double[] uy = g.fill(g.newField(), (x, y) -> -0.7 + 0.3 * Math.sin(TWO_PI * x));
        double[] rate = g.newField();
        new LevelSetAdvection(g).advectiveRate(phi, ux, uy, rate);
        double error = 0;
        int count = 0;
        // rows within 3 cells of the y walls see the zero-gradient ghosts; compare the interior only
        for (int j = 3; j < n - 3; j++) {
            for (int i = 0; i < n; i++) {
                double x = g.xCentre(i);
                double y = g.yCentre(j);
                int k = g.index(i, j);
                double px = 0.2 * TWO_PI * Math.cos(TWO_PI * x) * Math.cos(TWO_PI * y);
                double py = -0.2 * TWO_PI * Math.sin(TWO_PI * x) * Math.sin(TWO_PI * y);
                error += Math.abs(rate[k] + ux[k] * px + uy[k] * py);
                count++;
            }
        }
        return new double[] {error / count};
    }

    @Test
    void advectiveRateIsFifthOrderOnSmoothData() {
        // measured: 1.84e-5 -> 4.74e-7, order 5.28
        double e1 = advectiveRateErrors(32)[0];
        double e2 = advectiveRateErrors(64)[0];
        double order = Math.log(e1 / e2) / Math.log(2);
        assertTrue(order > 4.5, "observed order " + order + " (L1 errors " + e1 + ", " + e2 + ")");
    }

    @Test
    void conservativeRateSumsToZeroForAnyVelocity() {
        Random random = new Random(7);
        for (boolean periodic : new boolean[] {false, true}) {
            CartesianGrid2D g = CartesianGrid2D.ofSize(37, 23, 1.0, 0.6, periodic);
            double[] phi = g.newField();
            for (int k = 0; k < phi.length; k++) {
                phi[k] = random.nextDouble();
            }
            FaceVelocityField u = new FaceVelocityField(g);
            for (int k = 0; k < u.x().length; k++) {
                u.x()[k] = random.nextGaussian();
            }
            for (int k = 0; k < u.y().length; k++) {
                u.y()[k] = random.nextGaussian();
            }
            double[] rate = g.newField();
            new LevelSetAdvection(g).conservativeRate(phi, u, rate);
            double sum = 0;
            double scale = 0;
            for (double r : rate) {
                sum += r;
                scale += Math.abs(r);
            }
            assertTrue(Math.abs(sum) < 1e-13 * scale, "periodic=" + periodic + ": sum of rates " + sum + " vs scale " + scale);
        }
    }

    @Test
    void streamFunctionVelocityIsDiscretelyDivergenceFreeAndKeepsAConstantState() {
        CartesianGrid2D g = CartesianGrid2D.ofSize(40, 30, 1.0, 1.0, false); // psi vanishes on the unit square boundary
        FaceVelocityField u = new FaceVelocityField(g).fillFromStreamFunction(LevelSetTestFlows::vortexStreamFunction);
        double[] divergence = u.divergence(g.newField());
        double scale = u.maxAdvectiveRate();
        for (int k = 0; k < divergence.length; k++) {
            assertEquals(0.0, divergence[k], 1e-12 * scale, "divergence in cell " + k);
        }
        double[] phi = g.fill(g.newField(), (x, y) -> 0.37);
        double[] rate = g.newField();
        new LevelSetAdvection(g).conservativeRate(phi, u, rate);
        for (int k = 0; k < rate.length; k++) {
            assertEquals(0.0, rate[k], 1e-12 * scale, "rate of a constant field in cell " + k);
        }
    }
}
