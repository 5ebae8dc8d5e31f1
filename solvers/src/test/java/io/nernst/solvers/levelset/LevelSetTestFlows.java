package io.nernst.solvers.levelset;

import io.nernst.solvers.grid.CartesianGrid2D;

/** Benchmark flows and shapes of the level-set literature, shared by the tests. */
final class LevelSetTestFlows {

    private LevelSetTestFlows() {
    }

    /**
     * Signed distance (positive inside) of Zalesak's slotted disc (Zalesak, J. Comput. Phys. 31 (1979)
     * 335), scaled to the unit square: centre (0.5, 0.75), radius 0.15, slot width 0.05 reaching from
     * the bottom of the disc up to y = 0.85. Exact outside the slot corners' influence; the min/max
     * combination is a valid distance bound near the corners, enough for initialisation.
     */
    static double slottedDiscDistance(double x, double y) {
        double disc = 0.15 - Math.hypot(x - 0.5, y - 0.75);
        // box |x - 0.5| <= 0.025, 0.5 <= y <= 0.85: signed distance, positive outside
        double qx = Math.abs(x - 0.5) - 0.025;
        double qy = Math.abs(y - 0.675) - 0.175;
        double outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
        double inside = Math.min(Math.max(qx, qy), 0);
        double slotOutside = outside + inside;
        return Math.min(disc, slotOutside);
    }

    /** Exact area of the slotted disc: disc minus the part of the slot inside it. */
    static double slottedDiscArea() {
        double r = 0.15;
        double halfWidth = 0.025;
        // slot strip |x - 0.5| <= w inside the disc, below y = 0.85:
        // area of the strip inside the disc minus the strip part above 0.85 inside the disc
        double stripInDisc = stripArea(r, halfWidth, -r, r);
        double stripAbove = stripArea(r, halfWidth, 0.85 - 0.75, r);
        return Math.PI * r * r - (stripInDisc - stripAbove);
    }

    /** Area of {|x| <= w, y0 <= y <= y1, x^2 + y^2 <= r^2} by Simpson's rule on a fine grid (smooth integrand). */
    private static double stripArea(double r, double w, double y0, double y1) {
        int n = 200000;
        double h = (y1 - y0) / n;
        double sum = 0;
        for (int k = 0; k <= n; k++) {
            double y = y0 + k * h;
            double half = Math.sqrt(Math.max(0, r * r - y * y));
            double width = 2 * Math.min(w, half);
            double weight = (k == 0 || k == n) ? 1 : (k % 2 == 1 ? 4 : 2);
            sum += weight * width;
        }
        return sum * h / 3;
    }

    /** Stream function of solid-body rotation about (0.5, 0.5), one turn per unit time (counter-clockwise). */
    static double rotationStreamFunction(double x, double y) {
        return -Math.PI * ((x - 0.5) * (x - 0.5) + (y - 0.5) * (y - 0.5));
    }

    /**
     * Stream function of the single vortex (Bell, Colella and Glaz 1989; LeVeque 1996; Rider and Kothe 1998)
     * without the time factor cos(pi t / T): u = -2 sin^2(pi x) sin(pi y) cos(pi y),
     * v = 2 sin(pi x) cos(pi x) sin^2(pi y).
     */
    static double vortexStreamFunction(double x, double y) {
        double sx = Math.sin(Math.PI * x);
        double sy = Math.sin(Math.PI * y);
        return -(1.0 / Math.PI) * sx * sx * sy * sy;
    }

    static CartesianGrid2D unitSquare(int n) {
        return CartesianGrid2D.ofSize(n, n, 1.0, 1.0, false);
    }
}
