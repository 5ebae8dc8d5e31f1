package io.nernst.solvers.levelset;

import io.nernst.solvers.grid.CartesianGrid2D;

/**
 * Spatial advection operators for a level-set (or any bounded, order-one) cell field on a
 * {@link CartesianGrid2D}, both fifth-order upwind WENO (Jiang and Shu 1996):
 * <ul>
 *   <li>{@link #conservativeRate}: {@code rate = -div(u Phi)} by finite volumes with WENO5-reconstructed
 *       upwind face values and face-normal velocities ({@link FaceVelocityField}). The face fluxes
 *       telescope, so {@code sum_k rate[k]} vanishes to round-off and the integral of Phi is conserved
 *       (Olsson and Kreiss, J. Comput. Phys. 210 (2005) 225, section 2). For a divergence-free velocity
 *       this is the transport equation {@code dPhi/dt + u . grad Phi = 0}; in general it is
 *       {@code dPhi/dt + u . grad Phi = -Phi div u}.</li>
 *   <li>{@link #advectiveRate}: {@code rate = -u . grad Phi} with cell-centred velocity and the
 *       Hamilton-Jacobi WENO5 one-sided derivatives of Jiang and Peng (SIAM J. Sci. Comput. 21 (2000)
 *       2126), upwinded by the sign of each velocity component. This is the form for velocities that
 *       are not divergence free, e.g. motion with a normal speed, {@code u = n v_n}.</li>
 * </ul>
 *
 * <h2>Boundaries</h2>
 * Stencils reaching beyond the domain use ghost values: periodic images in x when the grid is periodic,
 * otherwise a constant (zero-gradient) extension of the boundary cell. In the conservative form every
 * wall face is impermeable (zero flux), whatever the velocity stored there, which keeps the integral
 * exact.
 *
 * <p>An instance owns small row workspaces and is therefore not thread-safe; it allocates nothing per
 * call.
 */
public final class LevelSetAdvection {

    private static final int GHOSTS = 3;

    private final CartesianGrid2D grid;
    private final int nx;
    private final int ny;
    /** columnOf[p] = column of padded position p = i + 3, i in [-3, nx+2]. */
    private final int[] columnOf;
    private final double[] paddedRow;
    private final double[] rowDifference;
    private final double[] xFlux;

    /**
     * @param grid the grid; at least 3 columns and 3 rows (the WENO stencil)
     */
    public LevelSetAdvection(CartesianGrid2D grid) {
        if (grid.nx() < 3 || grid.ny() < 3) {
            throw new IllegalArgumentException("WENO5 level-set operators need at least 3 x 3 cells, got "
                    + grid.nx() + " x " + grid.ny());
        }
        this.grid = grid;
        this.nx = grid.nx();
        this.ny = grid.ny();
        this.columnOf = new int[nx + 2 * GHOSTS];
        for (int p = 0; p < columnOf.length; p++) {
            columnOf[p] = grid.wrapOrClampI(p - GHOSTS);
        }
        this.paddedRow = new double[nx + 2 * GHOSTS];
        this.rowDifference = new double[nx + 2 * GHOSTS - 1];
        this.xFlux = new double[nx + 1];
    }

    /** @return the grid */
    public CartesianGrid2D grid() {
        return grid;
    }

    private void loadPaddedRow(double[] phi, int rowStart) {
        System.arraycopy(phi, rowStart, paddedRow, GHOSTS, nx);
        for (int g = 0; g < GHOSTS; g++) {
            paddedRow[g] = phi[rowStart + columnOf[g]];
            paddedRow[nx + GHOSTS + g] = phi[rowStart + columnOf[nx + GHOSTS + g]];
        }
    }

    /**
     * Conservative flux-form rate {@code rate = -div(u Phi)} with WENO5 upwind face values.
     *
     * @param phi      cell field
     * @param velocity face-normal velocities on the same grid
     * @param rate     output cell field (overwritten), [phi]/s
     */
    public void conservativeRate(double[] phi, FaceVelocityField velocity, double[] rate) {
        grid.requireField(phi, "phi");
        grid.requireField(rate, "rate");
        if (velocity.grid().nx() != nx || velocity.grid().ny() != ny) {
            throw new IllegalArgumentException("velocity grid " + velocity.grid() + " does not match " + grid);
        }
        double[] uFace = velocity.x();
        double[] vFace = velocity.y();
        double invDx = 1.0 / grid.dx();
        double invDy = 1.0 / grid.dy();
        boolean periodic = grid.isPeriodicX();
        double[] row = paddedRow;
        double[] flux = xFlux;

        // x fluxes, one row at a time; face f lies between cells f-1 and f, i.e. padded f+2 and f+3.
        int firstFace = periodic ? 0 : 1;
        for (int j = 0; j < ny; j++) {
            int rowStart = nx * j;
            int faceRow = (nx + 1) * j;
            loadPaddedRow(phi, rowStart);
            for (int f = firstFace; f < nx; f++) {
                double u = uFace[faceRow + f];
                double face;
                if (u >= 0.0) {
                    face = Weno5.reconstruct(row[f], row[f + 1], row[f + 2], row[f + 3], row[f + 4]);
                } else {
                    face = Weno5.reconstruct(row[f + 5], row[f + 4], row[f + 3], row[f + 2], row[f + 1]);
                }
                flux[f] = u * face;
            }
            if (periodic) {
                flux[nx] = flux[0];
            } else {
                flux[0] = 0.0;
                flux[nx] = 0.0;
            }
            for (int i = 0; i < nx; i++) {
                rate[rowStart + i] = -(flux[i + 1] - flux[i]) * invDx;
            }
        }

        // y fluxes through the interior face rows 1..ny-1 (the walls carry none); face row j lies
        // between rows j-1 (below) and j (above).
        for (int j = 1; j < ny; j++) {
            int rm3 = nx * grid.clampJ(j - 3);
            int rm2 = nx * grid.clampJ(j - 2);
            int rm1 = nx * (j - 1);
            int r0 = nx * j;
            int rp1 = nx * grid.clampJ(j + 1);
            int rp2 = nx * grid.clampJ(j + 2);
            int faceRow = nx * j;
            for (int i = 0; i < nx; i++) {
                double v = vFace[faceRow + i];
                double face;
                if (v >= 0.0) {
                    face = Weno5.reconstruct(phi[rm3 + i], phi[rm2 + i], phi[rm1 + i], phi[r0 + i], phi[rp1 + i]);
                } else {
                    face = Weno5.reconstruct(phi[rp2 + i], phi[rp1 + i], phi[r0 + i], phi[rm1 + i], phi[rm2 + i]);
                }
                double g = v * face * invDy;
                rate[rm1 + i] -= g;
                rate[r0 + i] += g;
            }
        }
    }

    /**
     * Non-conservative rate {@code rate = -(ux dPhi/dx + uy dPhi/dy)} with Hamilton-Jacobi WENO5
     * derivatives upwinded by the sign of each cell-centred velocity component.
     *
     * @param phi  cell field
     * @param ux   cell-centred x velocity [m/s]
     * @param uy   cell-centred y velocity [m/s]
     * @param rate output cell field (overwritten)
     */
    public void advectiveRate(double[] phi, double[] ux, double[] uy, double[] rate) {
        grid.requireField(phi, "phi");
        grid.requireField(ux, "ux");
        grid.requireField(uy, "uy");
        grid.requireField(rate, "rate");
        double invDx = 1.0 / grid.dx();
        double invDy = 1.0 / grid.dy();
        double[] row = paddedRow;
        double[] d = rowDifference;
        int differences = d.length;

        for (int j = 0; j < ny; j++) {
            int rowStart = nx * j;
            loadPaddedRow(phi, rowStart);
            // d[p] = phi(padded p+1) - phi(padded p): the undivided difference across face (p - 2).
            for (int p = 0; p < differences; p++) {
                d[p] = row[p + 1] - row[p];
            }
            for (int i = 0; i < nx; i++) {
                double u = ux[rowStart + i];
                double derivative;
                if (u > 0.0) {
                    // D^- at cell i: differences phi(i-2)-phi(i-3) ... phi(i+2)-phi(i+1) = d[i..i+4].
                    derivative = Weno5.reconstruct(d[i], d[i + 1], d[i + 2], d[i + 3], d[i + 4]);
                } else if (u < 0.0) {
                    // D^+ at cell i: mirrored, phi(i+3)-phi(i+2) ... phi(i-1)-phi(i-2) = d[i+5..i+1].
                    derivative = Weno5.reconstruct(d[i + 5], d[i + 4], d[i + 3], d[i + 2], d[i + 1]);
                } else {
                    derivative = 0.0;
                }
                rate[rowStart + i] = -u * derivative * invDx;
            }
        }

        for (int j = 0; j < ny; j++) {
            int rm3 = nx * grid.clampJ(j - 3);
            int rm2 = nx * grid.clampJ(j - 2);
            int rm1 = nx * grid.clampJ(j - 1);
            int r0 = nx * j;
            int rp1 = nx * grid.clampJ(j + 1);
            int rp2 = nx * grid.clampJ(j + 2);
            int rp3 = nx * grid.clampJ(j + 3);
            for (int i = 0; i < nx; i++) {
                double v = uy[r0 + i];
                if (v > 0.0) {
                    double pm3 = phi[rm3 + i];
                    double pm2 = phi[rm2 + i];
                    double pm1 = phi[rm1 + i];
                    double p0 = phi[r0 + i];
                    double pp1 = phi[rp1 + i];
                    double pp2 = phi[rp2 + i];
                    double derivative = Weno5.reconstruct(pm2 - pm3, pm1 - pm2, p0 - pm1, pp1 - p0, pp2 - pp1);
                    rate[r0 + i] -= v * derivative * invDy;
                } else if (v < 0.0) {
                    double pm2 = phi[rm2 + i];
                    double pm1 = phi[rm1 + i];
                    double p0 = phi[r0 + i];
                    double pp1 = phi[rp1 + i];
                    double pp2 = phi[rp2 + i];
                    double pp3 = phi[rp3 + i];
                    double derivative = Weno5.reconstruct(pp3 - pp2, pp2 - pp1, pp1 - p0, p0 - pm1, pm1 - pm2);
                    rate[r0 + i] -= v * derivative * invDy;
                }
            }
        }
    }

    /**
     * The largest advective rate {@code |ux|/dx + |uy|/dy} of a cell-centred velocity [1/s].
     *
     * @param grid the grid
     * @param ux   cell-centred x velocity
     * @param uy   cell-centred y velocity
     * @return the maximum over the cells
     */
    public static double maxAdvectiveRate(CartesianGrid2D grid, double[] ux, double[] uy) {
        grid.requireField(ux, "ux");
        grid.requireField(uy, "uy");
        double invDx = 1.0 / grid.dx();
        double invDy = 1.0 / grid.dy();
        double max = 0.0;
        for (int k = 0; k < ux.length; k++) {
            double r = Math.abs(ux[k]) * invDx + Math.abs(uy[k]) * invDy;
            if (r > max) {
                max = r;
            }
        }
        return max;
    }
}
