package io.nernst.solvers.levelset;

import io.nernst.solvers.grid.CartesianGrid2D;
import java.util.function.DoubleBinaryOperator;

/**
 * Geometric quantities of a conservative (smeared-Heaviside) level-set field Phi on a
 * {@link CartesianGrid2D}: Phi is close to 1 on one side of the interface, close to 0 on the other, and
 * the interface is the contour {@code Phi = 0.5} (Olsson and Kreiss, J. Comput. Phys. 210 (2005) 225).
 *
 * <p>All methods are static, write into caller-owned arrays and allocate nothing. Derivatives are
 * second-order central differences inside the domain; at a wall (the y walls, and the x walls of a
 * non-periodic grid) the derivative normal to the wall is the one-sided first-order difference into the
 * domain, and x derivatives wrap around on a periodic grid.
 */
public final class LevelSetGeometry {

    /**
     * Below {@code |grad Phi| * h = GRADIENT_FLOOR} (h the larger cell size) the normal is taken as zero:
     * Phi in [0, 1] varies by less than 1e-12 per cell there, so the direction would be round-off noise.
     */
    public static final double GRADIENT_FLOOR = 1e-12;

    private LevelSetGeometry() {
    }

    /**
     * Initialises Phi from a signed distance {@code d}: {@code Phi = 1 / (1 + exp(-d / eps))}, the
     * equilibrium profile of the reinitialisation equation (Olsson and Kreiss 2005, eq. (2.4) with
     * {@code tanh}). Phi tends to 1 where {@code d > 0}.
     *
     * @param grid           the grid
     * @param signedDistance signed distance to the interface [m] at (x, y), positive on the Phi = 1 side
     * @param eps            interface thickness parameter [m], positive
     * @param phi            output cell field
     * @return {@code phi}
     */
    public static double[] fromSignedDistance(CartesianGrid2D grid, DoubleBinaryOperator signedDistance, double eps,
            double[] phi) {
        requirePositive(eps, "eps");
        grid.requireField(phi, "phi");
        int nx = grid.nx();
        for (int j = 0, k = 0; j < grid.ny(); j++) {
            double y = grid.yCentre(j);
            for (int i = 0; i < nx; i++, k++) {
                phi[k] = sigmoid(signedDistance.applyAsDouble(grid.xCentre(i), y) / eps);
            }
        }
        return phi;
    }

    /**
     * As {@link #fromSignedDistance(CartesianGrid2D, DoubleBinaryOperator, double, double[])} from a cell field
     * of signed distances.
     *
     * @param distance signed distance per cell [m]
     * @param eps      interface thickness parameter [m]
     * @param phi      output (may be {@code distance} itself)
     * @return {@code phi}
     */
    public static double[] fromSignedDistance(double[] distance, double eps, double[] phi) {
        requirePositive(eps, "eps");
        if (distance.length != phi.length) {
            throw new IllegalArgumentException("distance has length " + distance.length + " but phi has " + phi.length);
        }
        for (int k = 0; k < phi.length; k++) {
            phi[k] = sigmoid(distance[k] / eps);
        }
        return phi;
    }

    /** @return {@code 1 / (1 + exp(-s))}, the logistic function, without overflow */
    public static double sigmoid(double s) {
        if (s >= 0) {
            return 1.0 / (1.0 + Math.exp(-s));
        }
        double e = Math.exp(s);
        return e / (1.0 + e);
    }

    /**
     * Central-difference gradient of Phi.
     *
     * @param grid  the grid
     * @param phi   cell field
     * @param gradX output dPhi/dx [1/m]
     * @param gradY output dPhi/dy [1/m]
     */
    public static void gradient(CartesianGrid2D grid, double[] phi, double[] gradX, double[] gradY) {
        grid.requireField(phi, "phi");
        grid.requireField(gradX, "gradX");
        grid.requireField(gradY, "gradY");
        int nx = grid.nx();
        int ny = grid.ny();
        boolean periodic = grid.isPeriodicX();
        double halfInvDx = 0.5 / grid.dx();
        double halfInvDy = 0.5 / grid.dy();
        double invDx = 1.0 / grid.dx();
        double invDy = 1.0 / grid.dy();
        for (int j = 0; j < ny; j++) {
            int r = nx * j;
            if (nx == 1) {
                gradX[r] = 0.0;
            } else if (periodic) {
                gradX[r] = (phi[r + 1] - phi[r + nx - 1]) * halfInvDx;
                gradX[r + nx - 1] = (phi[r] - phi[r + nx - 2]) * halfInvDx;
            } else {
                gradX[r] = (phi[r + 1] - phi[r]) * invDx;
                gradX[r + nx - 1] = (phi[r + nx - 1] - phi[r + nx - 2]) * invDx;
            }
            for (int i = 1; i < nx - 1; i++) {
                gradX[r + i] = (phi[r + i + 1] - phi[r + i - 1]) * halfInvDx;
            }
            if (ny == 1) {
                for (int i = 0; i < nx; i++) {
                    gradY[r + i] = 0.0;
                }
            } else if (j == 0) {
                for (int i = 0; i < nx; i++) {
                    gradY[r + i] = (phi[r + nx + i] - phi[r + i]) * invDy;
                }
            } else if (j == ny - 1) {
                for (int i = 0; i < nx; i++) {
                    gradY[r + i] = (phi[r + i] - phi[r - nx + i]) * invDy;
                }
            } else {
                for (int i = 0; i < nx; i++) {
                    gradY[r + i] = (phi[r + nx + i] - phi[r - nx + i]) * halfInvDy;
                }
            }
        }
    }

    /**
     * Unit normals {@code n = grad Phi / |grad Phi|} (pointing towards Phi = 1) from central differences;
     * zero where {@code |grad Phi| h < } {@link #GRADIENT_FLOOR} (far from the interface).
     *
     * @param grid    the grid
     * @param phi     cell field
     * @param normalX output x component
     * @param normalY output y component
     */
    public static void normals(CartesianGrid2D grid, double[] phi, double[] normalX, double[] normalY) {
        gradient(grid, phi, normalX, normalY);
        double floor = GRADIENT_FLOOR / Math.max(grid.dx(), grid.dy());
        double floorSquared = floor * floor;
        for (int k = 0; k < normalX.length; k++) {
            double gx = normalX[k];
            double gy = normalY[k];
            double g2 = gx * gx + gy * gy;
            if (g2 > floorSquared) {
                double inv = 1.0 / Math.sqrt(g2);
                normalX[k] = gx * inv;
                normalY[k] = gy * inv;
            } else {
                normalX[k] = 0.0;
                normalY[k] = 0.0;
            }
        }
    }

    /**
     * Velocity {@code u = n v_n} for motion of the level sets with a normal speed {@code v_n} along
     * {@code n = grad Phi/|grad Phi|} (towards the Phi = 1 side for {@code v_n > 0}, so the Phi = 0 phase
     * grows).
     *
     * @param grid        the grid
     * @param phi         cell field
     * @param normalSpeed normal speed per cell [m/s]
     * @param ux          output x velocity
     * @param uy          output y velocity
     */
    public static void normalVelocity(CartesianGrid2D grid, double[] phi, double[] normalSpeed, double[] ux, double[] uy) {
        grid.requireField(normalSpeed, "normalSpeed");
        normals(grid, phi, ux, uy);
        for (int k = 0; k < ux.length; k++) {
            ux[k] *= normalSpeed[k];
            uy[k] *= normalSpeed[k];
        }
    }

    /**
     * Curvature {@code kappa = div n = (psi_xx psi_y^2 - 2 psi_x psi_y psi_xy + psi_yy psi_x^2) / |grad psi|^3}
     * (Osher and Fedkiw 2003, eq. (1.8)) evaluated with second-order central differences of
     * {@code psi = ln(Phi / (1 - Phi))}, Phi clamped to {@code [1e-12, 1 - 1e-12]}. The formula is invariant
     * under a monotone change of the level-set function, and psi is the signed distance divided by eps for the
     * equilibrium profile: differencing Phi itself, whose profile is only ~eps thick, would give O(h^2/eps^2)
     * = O(1) errors. Zero where {@code |grad psi|} vanishes; boundary cells use zero-gradient ghost values.
     * For a disc with Phi = 1 inside, kappa = -1/R on the interface (n points inwards).
     *
     * @param grid      the grid
     * @param phi       cell field
     * @param curvature output [1/m]
     */
    public static void curvature(CartesianGrid2D grid, double[] phi, double[] curvature) {
        grid.requireField(phi, "phi");
        grid.requireField(curvature, "curvature");
        int nx = grid.nx();
        int ny = grid.ny();
        double dx = grid.dx();
        double dy = grid.dy();
        for (int j = 0; j < ny; j++) {
            int rs = nx * grid.clampJ(j - 1);
            int r0 = nx * j;
            int rn = nx * grid.clampJ(j + 1);
            for (int i = 0; i < nx; i++) {
                int w = grid.wrapOrClampI(i - 1);
                int e = grid.wrapOrClampI(i + 1);
                double c = logit(phi[r0 + i]);
                double pe = logit(phi[r0 + e]);
                double pw = logit(phi[r0 + w]);
                double pn = logit(phi[rn + i]);
                double ps = logit(phi[rs + i]);
                double px = (pe - pw) / (2 * dx);
                double py = (pn - ps) / (2 * dy);
                double pxx = (pe - 2 * c + pw) / (dx * dx);
                double pyy = (pn - 2 * c + ps) / (dy * dy);
                double pxy = (logit(phi[rn + e]) - logit(phi[rn + w]) - logit(phi[rs + e]) + logit(phi[rs + w]))
                        / (4 * dx * dy);
                double g2 = px * px + py * py;
                double g = Math.sqrt(g2);
                curvature[r0 + i] = g2 > 0 ? (pxx * py * py - 2 * px * py * pxy + pyy * px * px) / (g2 * g) : 0.0;
            }
        }
    }

    private static double logit(double p) {
        double q = p < 1e-12 ? 1e-12 : (p > 1 - 1e-12 ? 1 - 1e-12 : p);
        return Math.log(q / (1 - q));
    }

    /**
     * Smoothed interface delta function {@code delta = 6 |Phi (1 - Phi)| |grad Phi|} [1/m] (the COMSOL
     * level-set delta of seed 003). For the equilibrium profile {@code Phi = 1/(1+exp(-d/eps))} the
     * integral across the interface is {@code int_0^1 6 Phi (1-Phi) dPhi = 1}, so {@code sum delta dA}
     * approximates the interface length. With central differences the steep profile's gradient is
     * underestimated: across a planar front the sum is 0.88 at {@code eps = h/2}, 0.94 at 0.75 h, 0.97 at h,
     * 0.992 at 2 h (second order in h/eps); see {@link #profileDelta} for a derivative-free alternative.
     *
     * @param grid  the grid
     * @param phi   cell field
     * @param delta output [1/m]
     * @param work  workspace cell field (the y gradient)
     */
    public static void delta(CartesianGrid2D grid, double[] phi, double[] delta, double[] work) {
        gradient(grid, phi, delta, work);
        for (int k = 0; k < delta.length; k++) {
            double p = phi[k];
            delta[k] = 6.0 * Math.abs(p * (1.0 - p)) * Math.sqrt(delta[k] * delta[k] + work[k] * work[k]);
        }
    }

    /**
     * Profile-based delta function {@code delta = 6 Phi^2 (1 - Phi)^2 / eps} [1/m]: the COMSOL delta with
     * {@code |grad Phi|} replaced by its value {@code Phi (1 - Phi) / eps} on the equilibrium profile. It
     * integrates to 1 across the interface like {@link #delta}, but needs no derivative: it is smooth, so the
     * grid sum converges exponentially in eps/h (planar front: 1 + 1.4e-3 at {@code eps = h/2}, 1 + 3e-5 at
     * 0.75 h, 1 + 5e-7 at h), whereas the central-difference
     * gradient of the steep profile in {@link #delta} underestimates it (integral 0.88 at eps = h/2,
     * 0.94 at 0.75 h, 0.97 at h). Valid where Phi is close to the equilibrium profile (after
     * reinitialisation). Negative Phi or Phi above 1 give zero.
     *
     * @param phi   cell field
     * @param eps   interface thickness parameter [m] of the profile
     * @param delta output [1/m]
     */
    public static void profileDelta(double[] phi, double eps, double[] delta) {
        requirePositive(eps, "eps");
        if (phi.length != delta.length) {
            throw new IllegalArgumentException("delta has length " + delta.length + " but phi has " + phi.length);
        }
        double scale = 6.0 / eps;
        for (int k = 0; k < phi.length; k++) {
            double p = phi[k];
            double s = p > 0 && p < 1 ? p * (1.0 - p) : 0.0;
            delta[k] = scale * s * s;
        }
    }

    /**
     * Area (2D volume) of the Phi = 1 phase, {@code sum Phi dA} [m^2].
     *
     * @param grid the grid
     * @param phi  cell field
     * @return the integral of Phi
     */
    public static double phaseOneArea(CartesianGrid2D grid, double[] phi) {
        return grid.integrate(phi);
    }

    /**
     * Area of the Phi = 0 phase, {@code sum (1 - Phi) dA} [m^2].
     *
     * @param grid the grid
     * @param phi  cell field
     * @return the integral of 1 - Phi
     */
    public static double phaseZeroArea(CartesianGrid2D grid, double[] phi) {
        return grid.width() * grid.height() - grid.integrate(phi);
    }

    /**
     * Area of the region {@code Phi > level}, with sub-cell accuracy: Phi is interpolated linearly on the
     * two triangles of every dual cell (the square between four neighbouring cell centres) and the exact
     * area of the superlevel set of each linear piece is summed. The half-cell strip along the domain
     * boundary, outside the dual cells, counts with the boundary cell value (zero-gradient extension).
     * On a periodic grid the dual cells wrap around in x. Second-order accurate for a smooth contour.
     *
     * @param grid  the grid
     * @param phi   cell field
     * @param level contour level, e.g. 0.5
     * @return the area [m^2]
     */
    public static double areaAbove(CartesianGrid2D grid, double[] phi, double level) {
        grid.requireField(phi, "phi");
        int nx = grid.nx();
        int ny = grid.ny();
        boolean periodic = grid.isPeriodicX();
        double cellArea = grid.cellArea();
        // dual cells: corners at centres (i, j), (i+1, j), (i+1, j+1), (i, j+1)
        int dualColumns = periodic ? nx : nx - 1;
        double dualSum = 0.0;
        for (int j = 0; j < ny - 1; j++) {
            int r0 = nx * j;
            int r1 = r0 + nx;
            for (int i = 0; i < dualColumns; i++) {
                int ie = i + 1 == nx ? 0 : i + 1;
                double a = phi[r0 + i] - level;
                double b = phi[r0 + ie] - level;
                double c = phi[r1 + ie] - level;
                double d = phi[r1 + i] - level;
                // triangles (a, b, c) and (a, c, d), each of half the dual-cell area
                dualSum += triangleFractionAbove(a, b, c) + triangleFractionAbove(a, c, d);
            }
        }
        double area = 0.5 * dualSum * cellArea;
        // boundary strips of half-cell width: bottom and top rows, and (walled x) left and right columns
        double strip = 0.0;
        for (int i = 0; i < nx; i++) {
            double weight = (!periodic && (i == 0 || i == nx - 1)) ? 0.5 : 1.0;
            strip += weight * ((phi[i] > level ? 0.5 : 0.0) + (phi[i + nx * (ny - 1)] > level ? 0.5 : 0.0));
        }
        if (!periodic) {
            for (int j = 0; j < ny; j++) {
                double weight = (j == 0 || j == ny - 1) ? 0.5 : 1.0;
                strip += weight * ((phi[nx * j] > level ? 0.5 : 0.0) + (phi[nx * j + nx - 1] > level ? 0.5 : 0.0));
            }
        }
        return area + strip * cellArea;
    }

    /** Fraction of a triangle where the linear interpolant of the vertex values a, b, c is positive. */
    private static double triangleFractionAbove(double a, double b, double c) {
        int positive = (a > 0 ? 1 : 0) + (b > 0 ? 1 : 0) + (c > 0 ? 1 : 0);
        if (positive == 0) {
            return 0.0;
        }
        if (positive == 3) {
            return 1.0;
        }
        // the lone vertex on its side: the sub-triangle it cuts off has fraction f^2 / ((f - g)(f - h))
        double lone;
        double g;
        double h;
        if ((a > 0) == (positive == 1)) {
            lone = a;
            g = b;
            h = c;
        } else if ((b > 0) == (positive == 1)) {
            lone = b;
            g = a;
            h = c;
        } else {
            lone = c;
            g = a;
            h = b;
        }
        double cut = lone * lone / ((lone - g) * (lone - h));
        return positive == 1 ? cut : 1.0 - cut;
    }

    /**
     * Interface height per column: the y of the topmost crossing of the 0.5 contour between vertically
     * adjacent cell centres, by linear interpolation (for a deposit growing from the bottom wall, the
     * height of its highest point in that column). {@code NaN} for a column without a crossing.
     *
     * @param grid   the grid
     * @param phi    cell field
     * @param height output, length nx [m]
     * @return {@code height}
     */
    public static double[] interfaceHeight(CartesianGrid2D grid, double[] phi, double[] height) {
        grid.requireField(phi, "phi");
        int nx = grid.nx();
        int ny = grid.ny();
        if (height.length != nx) {
            throw new IllegalArgumentException("height has length " + height.length + ", expected nx = " + nx);
        }
        for (int i = 0; i < nx; i++) {
            double h = Double.NaN;
            for (int j = ny - 2; j >= 0; j--) {
                double lower = phi[i + nx * j] - 0.5;
                double upper = phi[i + nx * (j + 1)] - 0.5;
                // A crossing: the two centres lie on different sides of 0.5 (a value of exactly 0.5
                // counts as the upper side, so the crossing is found once).
                if ((lower < 0.0) != (upper < 0.0)) {
                    double fraction = lower / (lower - upper);
                    h = grid.yCentre(j) + fraction * grid.dy();
                    break;
                }
            }
            height[i] = h;
        }
        return height;
    }

    /**
     * Area of the symmetric difference of the regions {@code Phi > 0.5} of two fields, counted by cells
     * ({@code sum |H(a - 0.5) - H(b - 0.5)| dA}): a shape error.
     *
     * @param grid the grid
     * @param a    first field
     * @param b    second field
     * @return the area [m^2]
     */
    public static double symmetricDifferenceArea(CartesianGrid2D grid, double[] a, double[] b) {
        grid.requireField(a, "a");
        grid.requireField(b, "b");
        int count = 0;
        for (int k = 0; k < a.length; k++) {
            if ((a[k] > 0.5) != (b[k] > 0.5)) {
                count++;
            }
        }
        return count * grid.cellArea();
    }

    /**
     * L1 distance {@code sum |a - b| dA} between two fields [m^2 for Phi fields].
     *
     * @param grid the grid
     * @param a    first field
     * @param b    second field
     * @return the L1 distance
     */
    public static double l1Distance(CartesianGrid2D grid, double[] a, double[] b) {
        grid.requireField(a, "a");
        grid.requireField(b, "b");
        double sum = 0.0;
        for (int k = 0; k < a.length; k++) {
            sum += Math.abs(a[k] - b[k]);
        }
        return sum * grid.cellArea();
    }

    private static void requirePositive(double value, String name) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
        }
    }
}
