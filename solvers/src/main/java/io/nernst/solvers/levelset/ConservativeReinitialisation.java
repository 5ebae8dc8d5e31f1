package io.nernst.solvers.levelset;

import io.nernst.solvers.grid.CartesianGrid2D;

/**
 * Reinitialisation of a conservative level set, Olsson and Kreiss, J. Comput. Phys. 210 (2005) 225,
 * eq. (2.5), and Olsson, Kreiss and Zahedi, J. Comput. Phys. 225 (2007) 785, eq. (7):
 * <pre>
 *   dPhi/dtau + div( Phi (1 - Phi) n ) = div( eps grad Phi )             (ISOTROPIC, 2005)
 *   dPhi/dtau + div( Phi (1 - Phi) n ) = div( eps (grad Phi . n) n )     (NORMAL, 2007)
 * </pre>
 * with the unit normal {@code n = grad Phi0 / |grad Phi0|} frozen at the start of the reinitialisation
 * ({@link #freezeNormals}). The compressive flux sharpens the profile, the diffusion widens it; their
 * balance is the profile {@code Phi = 1/(1 + exp(-d/eps))} of thickness ~ eps. The NORMAL variant
 * diffuses only across the interface, so the interface does not creep tangentially (2007, section 2.2).
 *
 * <h2>Discretisation</h2>
 * Cell-centred finite volumes with central face fluxes (2005, section 3): at the face between cells L
 * and R, {@code F = Phi_f (1 - Phi_f) n_f - eps (Phi_R - Phi_L)/h} with {@code Phi_f} and {@code n_f} the
 * averages of the two cells; in the NORMAL variant the tangential gradient at the face is the average of
 * the two cells' central differences. Each face flux is added to one cell and subtracted from the
 * other and wall faces carry none, so the integral of Phi is unchanged to round-off by every pseudo-step.
 * Pseudo-time stepping is forward Euler (the goal is the steady state) with
 * {@code dtau <= min( 1 / (2 eps (1/dx^2 + 1/dy^2)), 2 eps )}: the first is the explicit diffusion limit,
 * the second keeps the central compressive flux (speed {@code |1 - 2 Phi| <= 1}) stable against the
 * diffusion (von Neumann: {@code c^2 <= 2 d}).
 *
 * <h2>Interface thickness</h2>
 * {@code eps} must be at least {@code h/4}, {@code h = max(dx, dy)} (seed 003 uses COMSOL's
 * {@code h_max/4}); below, the central compressive flux has a cell Peclet number above 4 and the
 * profile under-resolves into oscillations. {@code eps} in {@code [h/2, h]} keeps Phi within [0, 1]
 * (cell Peclet number at most 2); in {@code [h/4, h/2)} small over- and undershoots may occur.
 *
 * <p>An instance owns its normals and workspaces (not thread-safe) and allocates nothing per step.
 */
public final class ConservativeReinitialisation {

    /** Which diffusion the reinitialisation uses. */
    public enum Diffusion {
        /** {@code div(eps grad Phi)}, Olsson and Kreiss (2005). */
        ISOTROPIC,
        /** {@code div(eps (grad Phi . n) n)}, Olsson, Kreiss and Zahedi (2007). */
        NORMAL
    }

    /** Fraction of the largest stable forward-Euler pseudo-step used by default. */
    public static final double DEFAULT_PSEUDO_STEP_FRACTION = 0.8;

    private final CartesianGrid2D grid;
    private final double eps;
    private final Diffusion diffusion;
    private final int nx;
    private final int ny;
    private final double[] normalX;
    private final double[] normalY;
    private final double[] gradX;
    private final double[] gradY;
    private final double[] rate;
    private final double[] xFlux;

    /**
     * Isotropic-diffusion reinitialisation (Olsson and Kreiss 2005).
     *
     * @param grid the grid
     * @param eps  interface thickness parameter [m], at least h/4
     */
    public ConservativeReinitialisation(CartesianGrid2D grid, double eps) {
        this(grid, eps, Diffusion.ISOTROPIC);
    }

    /**
     * @param grid      the grid (at least 2 x 2 cells)
     * @param eps       interface thickness parameter [m], at least h/4 with {@code h = max(dx, dy)}
     * @param diffusion isotropic (2005) or normal-only (2007) diffusion
     * @throws IllegalArgumentException if eps is not finite or below h/4 (the message names eps and h)
     */
    public ConservativeReinitialisation(CartesianGrid2D grid, double eps, Diffusion diffusion) {
        validateEps(grid, eps);
        if (grid.nx() < 2 || grid.ny() < 2) {
            throw new IllegalArgumentException("reinitialisation needs at least 2 x 2 cells, got " + grid.nx() + " x "
                    + grid.ny());
        }
        if (diffusion == null) {
            throw new IllegalArgumentException("diffusion must be ISOTROPIC or NORMAL, got null");
        }
        this.grid = grid;
        this.eps = eps;
        this.diffusion = diffusion;
        this.nx = grid.nx();
        this.ny = grid.ny();
        int n = grid.cellCount();
        this.normalX = new double[n];
        this.normalY = new double[n];
        this.gradX = new double[n];
        this.gradY = new double[n];
        this.rate = new double[n];
        this.xFlux = new double[nx + 1];
    }

    /**
     * Checks an interface thickness against a grid.
     *
     * @param grid the grid
     * @param eps  interface thickness parameter [m]
     * @throws IllegalArgumentException naming eps and h if eps is not finite or {@code eps < h/4}
     */
    public static void validateEps(CartesianGrid2D grid, double eps) {
        double h = Math.max(grid.dx(), grid.dy());
        if (!Double.isFinite(eps) || !(eps >= 0.25 * h * (1.0 - 1e-12))) {
            throw new IllegalArgumentException("interface thickness eps = " + eps + " m is below the allowed minimum h/4 = "
                    + (0.25 * h) + " m (h = max(dx, dy) = " + h + " m); use eps between h/2 and h (seed 003 uses h/4)");
        }
    }

    /** @return the interface thickness parameter eps [m] */
    public double eps() {
        return eps;
    }

    /** @return the diffusion variant */
    public Diffusion diffusion() {
        return diffusion;
    }

    /** @return the grid */
    public CartesianGrid2D grid() {
        return grid;
    }

    /**
     * The largest stable forward-Euler pseudo-time step [s of pseudo time, in units where the
     * compressive speed is 1, i.e. a length]: {@code min(1 / (2 eps (1/dx^2 + 1/dy^2)), 2 eps)}.
     *
     * @return the stability limit
     */
    public double maxStablePseudoStep() {
        double dx = grid.dx();
        double dy = grid.dy();
        double diffusionLimit = 1.0 / (2.0 * eps * (1.0 / (dx * dx) + 1.0 / (dy * dy)));
        return Math.min(diffusionLimit, 2.0 * eps);
    }

    /**
     * Freezes the normals {@code n = grad Phi0 / |grad Phi0|} used by {@link #rate}.
     *
     * @param phi0 the field at the start of the reinitialisation
     */
    public void freezeNormals(double[] phi0) {
        LevelSetGeometry.normals(grid, phi0, normalX, normalY);
    }

    /** @return the frozen x normals (owned by this object; do not modify) */
    public double[] normalX() {
        return normalX;
    }

    /** @return the frozen y normals (owned by this object; do not modify) */
    public double[] normalY() {
        return normalY;
    }

    /**
     * The reinitialisation right-hand side {@code -div(Phi(1-Phi) n) + div(eps grad Phi)} (or the NORMAL
     * variant) with the frozen normals.
     *
     * @param phi cell field
     * @param out output cell field (overwritten) [1/m]
     */
    public void rate(double[] phi, double[] out) {
        grid.requireField(phi, "phi");
        grid.requireField(out, "out");
        if (diffusion == Diffusion.NORMAL) {
            LevelSetGeometry.gradient(grid, phi, gradX, gradY);
        }
        double invDx = 1.0 / grid.dx();
        double invDy = 1.0 / grid.dy();
        boolean periodic = grid.isPeriodicX();
        boolean normalOnly = diffusion == Diffusion.NORMAL;
        double[] flux = xFlux;
        double[] nX = normalX;
        double[] nY = normalY;
        double e = eps;

        for (int j = 0; j < ny; j++) {
            int r = nx * j;
            if (periodic) {
                flux[0] = xFaceFlux(phi, r + nx - 1, r, invDx, normalOnly);
                flux[nx] = flux[0];
            } else {
                flux[0] = 0.0;
                flux[nx] = 0.0;
            }
            if (normalOnly) {
                for (int f = 1; f < nx; f++) {
                    flux[f] = xFaceFlux(phi, r + f - 1, r + f, invDx, true);
                }
            } else {
                for (int f = 1; f < nx; f++) {
                    int left = r + f - 1;
                    int right = r + f;
                    double pl = phi[left];
                    double pr = phi[right];
                    double pf = 0.5 * (pl + pr);
                    flux[f] = pf * (1.0 - pf) * 0.5 * (nX[left] + nX[right]) - e * (pr - pl) * invDx;
                }
            }
            for (int i = 0; i < nx; i++) {
                out[r + i] = -(flux[i + 1] - flux[i]) * invDx;
            }
        }

        for (int j = 1; j < ny; j++) {
            int below = nx * (j - 1);
            int above = nx * j;
            for (int i = 0; i < nx; i++) {
                int s = below + i;
                int n = above + i;
                double ps = phi[s];
                double pn = phi[n];
                double pf = 0.5 * (ps + pn);
                double nfy = 0.5 * (nY[s] + nY[n]);
                double g;
                if (normalOnly) {
                    double nfx = 0.5 * (nX[s] + nX[n]);
                    double gy = (pn - ps) * invDy;
                    double gx = 0.5 * (gradX[s] + gradX[n]);
                    g = pf * (1.0 - pf) * nfy - e * (gx * nfx + gy * nfy) * nfy;
                } else {
                    g = pf * (1.0 - pf) * nfy - e * (pn - ps) * invDy;
                }
                g *= invDy;
                out[s] -= g;
                out[n] += g;
            }
        }
    }

    private double xFaceFlux(double[] phi, int left, int right, double invDx, boolean normalOnly) {
        double pl = phi[left];
        double pr = phi[right];
        double pf = 0.5 * (pl + pr);
        double nfx = 0.5 * (normalX[left] + normalX[right]);
        double gx = (pr - pl) * invDx;
        if (normalOnly) {
            double nfy = 0.5 * (normalY[left] + normalY[right]);
            double gy = 0.5 * (gradY[left] + gradY[right]);
            return pf * (1.0 - pf) * nfx - eps * (gx * nfx + gy * nfy) * nfx;
        }
        return pf * (1.0 - pf) * nfx - eps * gx;
    }

    /**
     * The reinitialisation right-hand side with normals recomputed from {@code phi} itself (the form
     * inside COMSOL's single level-set equation, seed 003). Overwrites the frozen normals.
     *
     * @param phi cell field
     * @param out output cell field [1/m]
     */
    public void rateWithCurrentNormals(double[] phi, double[] out) {
        freezeNormals(phi);
        rate(phi, out);
    }

    /**
     * Reinitialises in place: freezes the normals of the current field, then takes forward-Euler
     * pseudo-steps of {@link #DEFAULT_PSEUDO_STEP_FRACTION} times {@link #maxStablePseudoStep()} until
     * the largest change of a cell value in one step falls below {@code tolerance} or
     * {@code maxSteps} steps were taken.
     *
     * @param phi       cell field, updated in place
     * @param maxSteps  maximum number of pseudo-steps, at least 0
     * @param tolerance stop once {@code max_k |Phi_new - Phi_old| < tolerance}; 0 for a fixed number of steps
     * @return the number of pseudo-steps taken
     */
    public int reinitialise(double[] phi, int maxSteps, double tolerance) {
        return reinitialise(phi, maxSteps, tolerance, DEFAULT_PSEUDO_STEP_FRACTION * maxStablePseudoStep());
    }

    /**
     * As {@link #reinitialise(double[], int, double)} with an explicit pseudo-step.
     *
     * @param phi        cell field, updated in place
     * @param maxSteps   maximum number of pseudo-steps
     * @param tolerance  steady-state tolerance on the per-step max change (0: fixed number of steps)
     * @param pseudoStep pseudo-time step, in {@code (0, maxStablePseudoStep()]}
     * @return the number of pseudo-steps taken
     */
    public int reinitialise(double[] phi, int maxSteps, double tolerance, double pseudoStep) {
        grid.requireField(phi, "phi");
        if (maxSteps < 0) {
            throw new IllegalArgumentException("maxSteps must be >= 0, got " + maxSteps);
        }
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
        }
        double limit = maxStablePseudoStep();
        if (!(pseudoStep > 0) || pseudoStep > limit * (1 + 1e-12)) {
            throw new IllegalArgumentException("pseudoStep = " + pseudoStep + " must lie in (0, " + limit
                    + "], the forward-Euler stability limit for eps = " + eps);
        }
        if (maxSteps == 0) {
            return 0;
        }
        freezeNormals(phi);
        for (int step = 1; step <= maxSteps; step++) {
            rate(phi, rate);
            double maxChange = 0.0;
            for (int k = 0; k < phi.length; k++) {
                double change = pseudoStep * rate[k];
                phi[k] += change;
                double a = Math.abs(change);
                if (a > maxChange) {
                    maxChange = a;
                }
            }
            if (maxChange < tolerance) {
                return step;
            }
        }
        return maxSteps;
    }
}
