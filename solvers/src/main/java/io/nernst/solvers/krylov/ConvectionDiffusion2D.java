package io.nernst.solvers.krylov;

import io.nernst.solvers.sparse.CsrMatrix;
import java.util.function.DoubleBinaryOperator;

/**
 * The classic nonsymmetric model problem for iterative solvers (Saad 2003, section 2.2.2):
 * {@code -div(D grad u) + v . grad u = f} on the unit square with homogeneous Dirichlet
 * boundary conditions, discretised by the five-point finite-difference (equivalently
 * finite-volume) scheme on {@code nx x ny} interior nodes {@code (x_i, y_j) = ((i+1) hx, (j+1) hy)},
 * {@code hx = 1/(nx+1)}, {@code hy = 1/(ny+1)}, numbered {@code k = j nx + i}.
 *
 * <p>Diffusion uses the conservative flux form with {@code D} sampled at face midpoints, so a
 * varying diffusivity gives a varying diagonal. Convection is either first-order upwind
 * (an M-matrix for any velocity, first-order accurate) or central (second-order accurate,
 * an M-matrix only while the cell Peclet number {@code |v| h / (2 D)} is below one).
 *
 * <p>Used by the tests and benchmarks of the Krylov solvers and as a building block for
 * algebraic experiments; it is not a general PDE discretisation facility.
 */
public final class ConvectionDiffusion2D {

    /** Discretisation of the convection term. */
    public enum Convection {
        /** First-order upwind differences. */
        UPWIND,
        /** Second-order central differences. */
        CENTRAL
    }

    private ConvectionDiffusion2D() {
    }

    /**
     * Assembles the matrix.
     *
     * @param nx          interior nodes in x, at least 1
     * @param ny          interior nodes in y, at least 1
     * @param diffusivity {@code D(x, y) > 0}, evaluated at face midpoints
     * @param velocityX   constant velocity component in x
     * @param velocityY   constant velocity component in y
     * @param convection  convection scheme
     * @return the {@code nx ny x nx ny} matrix in CSR form
     * @throws IllegalArgumentException on a non-positive size, a non-finite velocity, or a
     *                                  diffusivity that is not positive and finite (naming the point)
     */
    public static CsrMatrix assemble(int nx, int ny, DoubleBinaryOperator diffusivity, double velocityX,
            double velocityY, Convection convection) {
        if (nx < 1 || ny < 1) {
            throw new IllegalArgumentException("grid must have at least one interior node per direction, got "
                    + nx + " x " + ny);
        }
        if (!Double.isFinite(velocityX) || !Double.isFinite(velocityY)) {
            throw new IllegalArgumentException("velocity must be finite, got (" + velocityX + ", " + velocityY + ")");
        }
        long size = (long) nx * ny;
        if (size * 5 > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("grid " + nx + " x " + ny + " is too large for a CSR matrix");
        }
        int n = (int) size;
        double hx = 1.0 / (nx + 1);
        double hy = 1.0 / (ny + 1);
        int[] rowStart = new int[n + 1];
        int[] column = new int[5 * n];
        double[] value = new double[5 * n];
        int nnz = 0;
        for (int j = 0; j < ny; j++) {
            double y = (j + 1) * hy;
            for (int i = 0; i < nx; i++) {
                double x = (i + 1) * hx;
                int k = j * nx + i;
                double west = face(diffusivity, x - 0.5 * hx, y) / (hx * hx);
                double east = face(diffusivity, x + 0.5 * hx, y) / (hx * hx);
                double south = face(diffusivity, x, y - 0.5 * hy) / (hy * hy);
                double north = face(diffusivity, x, y + 0.5 * hy) / (hy * hy);
                double centre = west + east + south + north;
                // Off-diagonal couplings are -D/h^2 plus the convection contribution.
                double aWest = -west;
                double aEast = -east;
                double aSouth = -south;
                double aNorth = -north;
                if (convection == Convection.UPWIND) {
                    // v u_x ~ v (u_i - u_{i-1}) / h for v > 0, v (u_{i+1} - u_i) / h for v < 0.
                    centre += Math.abs(velocityX) / hx + Math.abs(velocityY) / hy;
                    aWest -= Math.max(velocityX, 0.0) / hx;
                    aEast += Math.min(velocityX, 0.0) / hx;
                    aSouth -= Math.max(velocityY, 0.0) / hy;
                    aNorth += Math.min(velocityY, 0.0) / hy;
                } else {
                    // v u_x ~ v (u_{i+1} - u_{i-1}) / (2 h).
                    aWest -= velocityX / (2.0 * hx);
                    aEast += velocityX / (2.0 * hx);
                    aSouth -= velocityY / (2.0 * hy);
                    aNorth += velocityY / (2.0 * hy);
                }
                rowStart[k] = nnz;
                // Columns in increasing order: south, west, centre, east, north.
                if (j > 0) {
                    column[nnz] = k - nx;
                    value[nnz++] = aSouth;
                }
                if (i > 0) {
                    column[nnz] = k - 1;
                    value[nnz++] = aWest;
                }
                column[nnz] = k;
                value[nnz++] = centre;
                if (i < nx - 1) {
                    column[nnz] = k + 1;
                    value[nnz++] = aEast;
                }
                if (j < ny - 1) {
                    column[nnz] = k + nx;
                    value[nnz++] = aNorth;
                }
            }
        }
        rowStart[n] = nnz;
        return CsrMatrix.wrap(n, n, rowStart, java.util.Arrays.copyOf(column, nnz), java.util.Arrays.copyOf(value, nnz));
    }

    /** Constant-diffusivity convenience overload with upwind convection. */
    public static CsrMatrix assemble(int nx, int ny, double diffusivity, double velocityX, double velocityY) {
        return assemble(nx, ny, (x, y) -> diffusivity, velocityX, velocityY, Convection.UPWIND);
    }

    private static double face(DoubleBinaryOperator diffusivity, double x, double y) {
        double d = diffusivity.applyAsDouble(x, y);
        if (!(d > 0.0) || !Double.isFinite(d)) {
            throw new IllegalArgumentException("diffusivity must be positive and finite, got " + d + " at (" + x
                    + ", " + y + ")");
        }
        return d;
    }
}
