package io.nernst.solvers.levelset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.solvers.grid.CartesianGrid2D;
import org.junit.jupiter.api.Test;

class LevelSetGeometryTest {

    /** sum delta dy across a horizontal logistic profile of thickness eps = ratio * h. */
    private static double deltaIntegralAcrossFront(double ratio, boolean profileBased) {
        int n = 200;
        CartesianGrid2D g = CartesianGrid2D.ofSize(4, n, 4.0 / n, 1.0, true);
        double eps = ratio * g.dy();
        // the front sits at an arbitrary offset from the cell centres
        double[] phi = LevelSetGeometry.fromSignedDistance(g, (x, y) -> y - 0.5013, eps, g.newField());
        double[] delta = g.newField();
        if (profileBased) {
            LevelSetGeometry.profileDelta(phi, eps, delta);
        } else {
            LevelSetGeometry.delta(g, phi, delta, g.newField());
        }
        double sum = 0;
        for (int j = 0; j < n; j++) {
            sum += delta[g.index(1, j)] * g.dy();
        }
        return sum;
    }

    @Test
    void deltaIntegratesToOneAcrossALogisticProfile() {
        // 6 |Phi(1-Phi)| |grad Phi| integrates to int_0^1 6 p (1-p) dp = 1 exactly; the central-difference
        // gradient converges at second order in h/eps (measured 0.9678 at eps = h, 0.99174 at eps = 2h).
        double e1 = Math.abs(deltaIntegralAcrossFront(1.0, false) - 1);
        double e2 = Math.abs(deltaIntegralAcrossFront(2.0, false) - 1);
        double e4 = Math.abs(deltaIntegralAcrossFront(4.0, false) - 1);
        assertTrue(e1 < 0.04 && e2 < 0.01 && e4 < 0.0025, "errors " + e1 + ", " + e2 + ", " + e4);
        double order = Math.log(e2 / e4) / Math.log(2);
        assertTrue(order > 1.8 && order < 2.2, "observed order " + order);
        // the profile-based delta is a smooth function sampled by the midpoint rule: the error falls
        // exponentially with eps/h (measured 1.4e-3, 3.2e-5, 5.4e-7 at eps = 0.5, 0.75, 1 h)
        assertEquals(1.0, deltaIntegralAcrossFront(0.5, true), 2e-3);
        assertEquals(1.0, deltaIntegralAcrossFront(0.75, true), 1e-4);
        assertEquals(1.0, deltaIntegralAcrossFront(1.0, true), 2e-6);
    }

    @Test
    void deltaIntegratesToThePerimeterOfACircle() {
        CartesianGrid2D g = CartesianGrid2D.ofSize(128, 128, 1.0, 1.0, false);
        double r = 0.3;
        double eps = g.dx();
        double[] phi = LevelSetGeometry.fromSignedDistance(g, (x, y) -> Math.hypot(x - 0.52, y - 0.47) - r, eps, g.newField());
        double[] delta = g.newField();
        LevelSetGeometry.delta(g, phi, delta, g.newField());
        double perimeter = 2 * Math.PI * r;
        // measured 1.8391 = 0.976 of 2 pi r (the planar deficit at eps = h, 3 %, plus curvature effects)
        assertEquals(perimeter, g.integrate(delta), 0.04 * perimeter);
        LevelSetGeometry.profileDelta(phi, eps, delta);
        assertEquals(perimeter, g.integrate(delta), 0.005 * perimeter);
    }

    @Test
    void normalsAndCurvatureOfACircle() {
        CartesianGrid2D g = CartesianGrid2D.ofSize(100, 100, 1.0, 1.0, false);
        double r = 0.25;
        double cx = 0.5, cy = 0.5;
        // Phi = 1 inside: n points inwards, kappa = div n = -1/r on the interface
        double[] phi = LevelSetGeometry.fromSignedDistance(g, (x, y) -> r - Math.hypot(x - cx, y - cy), g.dx(), g.newField());
        double[] nx = g.newField();
        double[] ny = g.newField();
        double[] kappa = g.newField();
        LevelSetGeometry.normals(g, phi, nx, ny);
        LevelSetGeometry.curvature(g, phi, kappa);
        double maxAngle = 0;
        double maxCurvatureError = 0;
        for (int j = 0; j < g.ny(); j++) {
            for (int i = 0; i < g.nx(); i++) {
                int k = g.index(i, j);
                double dx = g.xCentre(i) - cx;
                double dy = g.yCentre(j) - cy;
                double d = Math.hypot(dx, dy);
                if (Math.abs(d - r) < 2 * g.dx()) {
                    double cross = nx[k] * (-dy / d) - ny[k] * (-dx / d);
                    maxAngle = Math.max(maxAngle, Math.abs(Math.asin(cross)));
                    // the level sets near the interface are circles of radius d
                    maxCurvatureError = Math.max(maxCurvatureError, Math.abs(kappa[k] + 1 / d) * d);
                }
            }
        }
        // measured: 0.0196 rad, relative curvature error 4.5e-4
        assertTrue(maxAngle < 0.03, "largest angle between n and the inward radial direction: " + maxAngle);
        assertTrue(maxCurvatureError < 0.02, "largest relative curvature error near the interface: " + maxCurvatureError);
    }

    @Test
    void contourAreaOfADiscConvergesAtSecondOrder() {
        double r = 0.3;
        double[] errors = new double[2];
        int[] sizes = {32, 64};
        for (int s = 0; s < 2; s++) {
            CartesianGrid2D g = CartesianGrid2D.ofSize(sizes[s], sizes[s], 1.0, 1.0, false);
            double[] phi = LevelSetGeometry.fromSignedDistance(g, (x, y) -> r - Math.hypot(x - 0.51, y - 0.48), g.dx(), g.newField());
            errors[s] = Math.abs(LevelSetGeometry.areaAbove(g, phi, 0.5) - Math.PI * r * r);
        }
        // measured 4.82e-4 -> 1.25e-4, order 1.95
        double order = Math.log(errors[0] / errors[1]) / Math.log(2);
        assertTrue(order > 1.7, "observed order " + order + " (errors " + errors[0] + ", " + errors[1] + ")");
        assertTrue(errors[1] < 2e-4, "area error at 64^2: " + errors[1]);
    }

    @Test
    void interfaceHeightOfAWavyFront() {
        CartesianGrid2D g = CartesianGrid2D.ofSize(64, 64, 1.0, 1.0, true);
        double eps = 0.75 * g.dx();
        // Phi = 0 below y = f(x), 1 above; d = (y - f(x)) / sqrt(1 + f'^2) is the signed distance to first order
        double[] phi = LevelSetGeometry.fromSignedDistance(g, (x, y) -> (y - 0.3 - 0.05 * Math.sin(2 * Math.PI * x))
                / Math.sqrt(1 + Math.pow(0.1 * Math.PI * Math.cos(2 * Math.PI * x), 2)), eps, g.newField());
        double[] height = LevelSetGeometry.interfaceHeight(g, phi, new double[g.nx()]);
        double max = 0;
        for (int i = 0; i < g.nx(); i++) {
            max = Math.max(max, Math.abs(height[i] - 0.3 - 0.05 * Math.sin(2 * Math.PI * g.xCentre(i))));
        }
        // measured 2.1e-4 = 0.014 h
        assertTrue(max < 0.05 * g.dx(), "largest height error " + max + " with h = " + g.dx());
        // no crossing: NaN
        double[] flat = g.fill(g.newField(), (x, y) -> 0.9);
        assertTrue(Double.isNaN(LevelSetGeometry.interfaceHeight(g, flat, height)[3]));
    }

    @Test
    void sigmoidIsOverflowFreeAndSymmetric() {
        assertEquals(1.0, LevelSetGeometry.sigmoid(1e4), 0.0);
        assertEquals(0.0, LevelSetGeometry.sigmoid(-1e4), 0.0);
        assertEquals(0.5, LevelSetGeometry.sigmoid(0), 0.0);
        assertEquals(1.0, LevelSetGeometry.sigmoid(0.7) + LevelSetGeometry.sigmoid(-0.7), 1e-15);
    }
}
