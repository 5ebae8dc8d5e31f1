package io.nernst.solvers.levelset;

import io.nernst.solvers.grid.CartesianGrid2D;
import java.util.function.DoubleBinaryOperator;

/**
 * A velocity field stored as face-normal components on a staggered (MAC) arrangement of a
 * {@link CartesianGrid2D}, as needed by the conservative flux form of the level-set advection.
 *
 * <h2>Layout</h2>
 * <ul>
 *   <li>{@link #x()}: the x component on the x faces, length {@code (nx+1) * ny}, index
 *       {@code f + (nx+1) * j}, where x face {@code f} ({@code 0 <= f <= nx}) is the west face of cell
 *       {@code (f, j)} (face {@code nx} is the east face of the last column).</li>
 *   <li>{@link #y()}: the y component on the y faces, length {@code nx * (ny+1)}, index
 *       {@code i + nx * j}, where y face row {@code j} ({@code 0 <= j <= ny}) is the south face of row
 *       {@code j}.</li>
 * </ul>
 * On a periodic grid x face {@code nx} is the same face as x face 0; operators use face 0's value and
 * ignore face {@code nx}. Wall faces are impermeable for the operators in this package (their
 * values are ignored and the flux through them is zero).
 *
 * <p>The arrays are owned by this object and may be written directly.
 */
public final class FaceVelocityField {

    private final CartesianGrid2D grid;
    private final double[] xFaceVelocity;
    private final double[] yFaceVelocity;

    /**
     * A zero velocity field on a grid.
     *
     * @param grid the grid
     */
    public FaceVelocityField(CartesianGrid2D grid) {
        this.grid = grid;
        this.xFaceVelocity = new double[(grid.nx() + 1) * grid.ny()];
        this.yFaceVelocity = new double[grid.nx() * (grid.ny() + 1)];
    }

    /** @return the grid */
    public CartesianGrid2D grid() {
        return grid;
    }

    /** @return x velocity on the x faces [m/s], layout {@code f + (nx+1) j}; writable */
    public double[] x() {
        return xFaceVelocity;
    }

    /** @return y velocity on the y faces [m/s], layout {@code i + nx j}; writable */
    public double[] y() {
        return yFaceVelocity;
    }

    /**
     * Samples analytic velocity components at the face centres.
     *
     * @param ux x component as a function of (x, y)
     * @param uy y component as a function of (x, y)
     * @return this
     */
    public FaceVelocityField fill(DoubleBinaryOperator ux, DoubleBinaryOperator uy) {
        int nx = grid.nx();
        int ny = grid.ny();
        for (int j = 0; j < ny; j++) {
            double y = grid.yCentre(j);
            for (int f = 0; f <= nx; f++) {
                xFaceVelocity[f + (nx + 1) * j] = ux.applyAsDouble(grid.xFace(f), y);
            }
        }
        for (int j = 0; j <= ny; j++) {
            double y = grid.yFace(j);
            for (int i = 0; i < nx; i++) {
                yFaceVelocity[i + nx * j] = uy.applyAsDouble(grid.xCentre(i), y);
            }
        }
        return this;
    }

    /**
     * Sets the face velocities from a stream function psi: {@code u = dpsi/dy}, {@code v = -dpsi/dx},
     * differenced between the cell corners. The result is divergence free to round-off in every cell
     * (the corner values cancel pairwise), which is what makes the conservative and the advective forms
     * coincide for incompressible test flows. Allocates a corner array (setup use only).
     *
     * @param psi stream function [m^2/s] as a function of (x, y)
     * @return this
     */
    public FaceVelocityField fillFromStreamFunction(DoubleBinaryOperator psi) {
        int nx = grid.nx();
        int ny = grid.ny();
        double[] corner = new double[(nx + 1) * (ny + 1)];
        for (int j = 0; j <= ny; j++) {
            for (int i = 0; i <= nx; i++) {
                corner[i + (nx + 1) * j] = psi.applyAsDouble(grid.xFace(i), grid.yFace(j));
            }
        }
        double invDx = 1.0 / grid.dx();
        double invDy = 1.0 / grid.dy();
        for (int j = 0; j < ny; j++) {
            for (int f = 0; f <= nx; f++) {
                xFaceVelocity[f + (nx + 1) * j] = (corner[f + (nx + 1) * (j + 1)] - corner[f + (nx + 1) * j]) * invDy;
            }
        }
        for (int j = 0; j <= ny; j++) {
            for (int i = 0; i < nx; i++) {
                yFaceVelocity[i + nx * j] = -(corner[i + 1 + (nx + 1) * j] - corner[i + (nx + 1) * j]) * invDx;
            }
        }
        return this;
    }

    /**
     * Interpolates cell-centred velocity components to the faces by arithmetic averaging of the two
     * adjacent cells (periodic wrap in x when the grid is periodic); wall faces are set to zero.
     *
     * @param ux cell-centred x velocity, layout {@code i + nx j}
     * @param uy cell-centred y velocity
     * @return this
     */
    public FaceVelocityField interpolateFromCells(double[] ux, double[] uy) {
        grid.requireField(ux, "ux");
        grid.requireField(uy, "uy");
        int nx = grid.nx();
        int ny = grid.ny();
        boolean periodic = grid.isPeriodicX();
        for (int j = 0; j < ny; j++) {
            int row = nx * j;
            int faceRow = (nx + 1) * j;
            for (int f = 1; f < nx; f++) {
                xFaceVelocity[faceRow + f] = 0.5 * (ux[row + f - 1] + ux[row + f]);
            }
            double edge = periodic ? 0.5 * (ux[row + nx - 1] + ux[row]) : 0.0;
            xFaceVelocity[faceRow] = edge;
            xFaceVelocity[faceRow + nx] = edge;
        }
        for (int i = 0; i < nx; i++) {
            yFaceVelocity[i] = 0.0;
            yFaceVelocity[i + nx * ny] = 0.0;
        }
        for (int j = 1; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                yFaceVelocity[i + nx * j] = 0.5 * (uy[i + nx * (j - 1)] + uy[i + nx * j]);
            }
        }
        return this;
    }

    /**
     * Sets this field to {@code factor * source} (for flows with a separable time dependence, such as the
     * time-reversed single vortex).
     *
     * @param source a field on the same grid
     * @param factor scale
     * @return this
     */
    public FaceVelocityField setScaled(FaceVelocityField source, double factor) {
        if (source.grid.nx() != grid.nx() || source.grid.ny() != grid.ny()) {
            throw new IllegalArgumentException("source velocity lives on a different grid: " + source.grid
                    + " versus " + grid);
        }
        for (int k = 0; k < xFaceVelocity.length; k++) {
            xFaceVelocity[k] = factor * source.xFaceVelocity[k];
        }
        for (int k = 0; k < yFaceVelocity.length; k++) {
            yFaceVelocity[k] = factor * source.yFaceVelocity[k];
        }
        return this;
    }

    /**
     * The largest advective rate {@code max(|u_w|, |u_e|)/dx + max(|v_s|, |v_n|)/dy} over the cells [1/s];
     * an explicit step {@code dt <= CFL / rate} is stable for the schemes of this package.
     *
     * @return the maximum rate, 0 for a fluid at rest
     */
    public double maxAdvectiveRate() {
        int nx = grid.nx();
        int ny = grid.ny();
        double invDx = 1.0 / grid.dx();
        double invDy = 1.0 / grid.dy();
        double max = 0.0;
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                double u = Math.max(Math.abs(xFaceVelocity[i + (nx + 1) * j]), Math.abs(xFaceVelocity[i + 1 + (nx + 1) * j]));
                double v = Math.max(Math.abs(yFaceVelocity[i + nx * j]), Math.abs(yFaceVelocity[i + nx * (j + 1)]));
                double rate = u * invDx + v * invDy;
                if (rate > max) {
                    max = rate;
                }
            }
        }
        return max;
    }

    /**
     * The discrete divergence of this field in every cell, counting wall faces (and, on a periodic grid,
     * face nx as face 0) the way the conservative operator does.
     *
     * @param divergence output cell field [1/s]
     * @return {@code divergence}
     */
    public double[] divergence(double[] divergence) {
        grid.requireField(divergence, "divergence");
        int nx = grid.nx();
        int ny = grid.ny();
        boolean periodic = grid.isPeriodicX();
        double invDx = 1.0 / grid.dx();
        double invDy = 1.0 / grid.dy();
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                double west = (i == 0 && !periodic) ? 0.0 : xFaceVelocity[i + (nx + 1) * j];
                double east = i == nx - 1 ? (periodic ? xFaceVelocity[(nx + 1) * j] : 0.0)
                        : xFaceVelocity[i + 1 + (nx + 1) * j];
                double south = j == 0 ? 0.0 : yFaceVelocity[i + nx * j];
                double north = j == ny - 1 ? 0.0 : yFaceVelocity[i + nx * (j + 1)];
                divergence[i + nx * j] = (east - west) * invDx + (north - south) * invDy;
            }
        }
        return divergence;
    }
}
