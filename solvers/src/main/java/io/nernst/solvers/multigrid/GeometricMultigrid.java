package io.nernst.solvers.multigrid;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Geometric multigrid for {@code A u = -div(k grad u) + m u = f} on a uniform cell-centred
 * {@code nx x ny} grid (cell {@code (i, j)} at linear index {@code i + nx j}), periodic or
 * zero-flux in x, {@link WallCondition Dirichlet or Neumann} at the south and north walls.
 * See the {@linkplain io.nernst.solvers.multigrid package documentation} for the
 * discretisation, the hierarchy and the references.
 *
 * <p>Life cycle, allocation-free after construction: fill the fine-level coefficient arrays
 * ({@link #westFaceCoefficients()}, {@link #southFaceCoefficients()},
 * {@link #northWallCoefficients()}, {@link #reactionCoefficients()}) or call
 * {@link #setCellCoefficients}; call {@link #update()} to rebuild the coarse levels and the
 * coarsest factorisation; then {@link #solve}, {@link #vCycle} or {@link #precondition} as often
 * as needed. Dirichlet wall values enter the right-hand side through
 * {@link #addWallValueToRhs}.
 *
 * <p>Not thread-safe: the work vectors are fields.
 */
public final class GeometricMultigrid {
    /** Above this many flops the coarsest level is solved by conjugate gradients instead of Cholesky. */
    private static final double MAX_CHOLESKY_FLOPS = 2.0e7;
    private static final double COARSEST_CG_TOLERANCE = 1e-12;

    private final MultigridSettings settings;
    private final MultigridLevel[] levels;
    private final CoarsestLevelCholesky coarsestCholesky;
    private final double[] cgR;
    private final double[] cgZ;
    private final double[] cgP;
    private final double[] cgQ;
    private final double[] coarseCgR;
    private final double[] coarseCgP;
    private final double[] coarseCgQ;
    private boolean ready;
    private int lastIterations;
    private double lastRelativeResidual = Double.NaN;

    /**
     * @param nx        cells along x, at least 1
     * @param ny        cells along y, at least 1
     * @param dx        cell width [m], finite and positive
     * @param dy        cell height [m], finite and positive
     * @param periodicX whether columns 0 and nx-1 are neighbours; otherwise the x ends are zero-flux walls
     * @param south     condition on the wall below row 0
     * @param north     condition on the wall above row ny-1
     * @param settings  smoothing, coarsening and iteration settings
     * @throws IllegalArgumentException naming the offending argument and its value
     */
    public GeometricMultigrid(int nx, int ny, double dx, double dy, boolean periodicX, WallCondition south,
                              WallCondition north, MultigridSettings settings) {
        if (nx < 1) {
            throw new IllegalArgumentException("nx must be at least 1, got " + nx);
        }
        if (ny < 1) {
            throw new IllegalArgumentException("ny must be at least 1, got " + ny);
        }
        if (!(dx > 0.0) || !Double.isFinite(dx)) {
            throw new IllegalArgumentException("dx must be finite and positive, got " + dx);
        }
        if (!(dy > 0.0) || !Double.isFinite(dy)) {
            throw new IllegalArgumentException("dy must be finite and positive, got " + dy);
        }
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(south, "south");
        Objects.requireNonNull(north, "north");
        List<MultigridLevel> list = new ArrayList<>();
        MultigridLevel level = new MultigridLevel(nx, ny, dx, dy, periodicX, south, north);
        list.add(level);
        while (level.n > settings.coarsestCells()) {
            boolean canX = level.nx % 2 == 0 && level.nx >= 2 && (periodicX || level.nx >= 4);
            boolean canY = level.ny % 2 == 0 && level.ny >= 2;
            // Halve one direction alone only if that does not make the cells strongly
            // anisotropic (point smoothers fail on strong anisotropy), or if the other
            // direction has no couplings at all (a single column or row).
            boolean halveX = canX && (canY || level.dx <= level.dy || level.ny == 1);
            boolean halveY = canY && (canX || level.dy <= level.dx || level.nx == 1);
            if (!halveX && !halveY) {
                break;
            }
            MultigridLevel coarse = new MultigridLevel(halveX ? level.nx / 2 : level.nx, halveY ? level.ny / 2 : level.ny,
                    halveX ? 2 * level.dx : level.dx, halveY ? 2 * level.dy : level.dy, periodicX, south, north);
            level.linkCoarse(coarse, halveX, halveY);
            list.add(coarse);
            level = coarse;
        }
        this.levels = list.toArray(new MultigridLevel[0]);
        MultigridLevel coarsest = levels[levels.length - 1];
        coarsestCholesky = CoarsestLevelCholesky.factorCost(coarsest) <= MAX_CHOLESKY_FLOPS
                ? new CoarsestLevelCholesky(coarsest) : null;
        int cn = coarsest.n;
        coarseCgR = new double[cn];
        coarseCgP = new double[cn];
        coarseCgQ = new double[cn];
        int fine = nx * ny;
        cgR = new double[fine];
        cgZ = new double[fine];
        cgP = new double[fine];
        cgQ = new double[fine];
    }

    /** Number of cells of the fine grid. */
    public int size() {
        return levels[0].n;
    }

    /** Number of levels in the hierarchy (1 = the fine grid is solved directly). */
    public int levelCount() {
        return levels.length;
    }

    /** Cells along x and y of a level, 0 = finest. */
    public int[] levelShape(int level) {
        return new int[]{levels[level].nx, levels[level].ny};
    }

    /** The settings. */
    public MultigridSettings settings() {
        return settings;
    }

    /**
     * Fine-level coefficient of the face west of each cell (length nx*ny, writable). For column 0
     * it is the periodic face shared with column nx-1; ignored on a non-periodic grid and on a
     * single periodic column. Call {@link #update()} after writing.
     */
    public double[] westFaceCoefficients() {
        return levels[0].kWest;
    }

    /**
     * Fine-level coefficient of the face south of each cell (length nx*ny, writable); row 0 holds
     * the south wall face, used only when the south wall is Dirichlet.
     */
    public double[] southFaceCoefficients() {
        return levels[0].kSouth;
    }

    /** Fine-level coefficient of the north wall face above each column (length nx, writable), used only when Dirichlet. */
    public double[] northWallCoefficients() {
        return levels[0].kNorthWall;
    }

    /** Fine-level reaction coefficient m of each cell (length nx*ny, writable), non-negative. */
    public double[] reactionCoefficients() {
        return levels[0].reaction;
    }

    /**
     * Sets the fine-level coefficients from cell values: each interior face takes the harmonic
     * mean of its two cells (the exact series conductance of two half cells), a wall face the
     * value of its cell. Then calls {@link #update()}.
     *
     * @param cellConductivity k per cell, finite and non-negative
     * @param cellReaction     m per cell, finite and non-negative
     */
    public void setCellCoefficients(double[] cellConductivity, double[] cellReaction) {
        MultigridLevel f = levels[0];
        requireLength(cellConductivity, f.n, "cellConductivity");
        requireLength(cellReaction, f.n, "cellReaction");
        checkCoefficients(cellConductivity, f.nx, "cell conductivity");
        int nx = f.nx;
        for (int j = 0, k = 0; j < f.ny; j++) {
            for (int i = 0; i < nx; i++, k++) {
                int west = i > 0 ? k - 1 : k + nx - 1;
                f.kWest[k] = harmonic(cellConductivity[k], cellConductivity[west]);
                f.kSouth[k] = j > 0 ? harmonic(cellConductivity[k], cellConductivity[k - nx]) : cellConductivity[k];
            }
        }
        for (int i = 0; i < nx; i++) {
            f.kNorthWall[i] = cellConductivity[i + nx * (f.ny - 1)];
        }
        System.arraycopy(cellReaction, 0, f.reaction, 0, f.n);
        update();
    }

    private static double harmonic(double a, double b) {
        double s = a + b;
        return s > 0.0 ? 2.0 * a * b / s : 0.0;
    }

    /**
     * Validates the fine-level coefficients, assembles every level and factors the coarsest.
     * Allocation-free.
     *
     * @throws IllegalArgumentException naming the coefficient array, the cell and the value when
     *                                  a coefficient is negative or not finite
     * @throws io.nernst.solvers.linear.SingularMatrixException if the problem is singular
     */
    public void update() {
        MultigridLevel f = levels[0];
        checkCoefficients(f.kWest, f.nx, "west face coefficient");
        checkCoefficients(f.kSouth, f.nx, "south face coefficient");
        checkCoefficients(f.kNorthWall, f.nx, "north wall coefficient");
        checkCoefficients(f.reaction, f.nx, "reaction coefficient");
        f.assemble();
        for (int l = 0; l + 1 < levels.length; l++) {
            levels[l].restrictCoefficients(levels[l + 1]);
        }
        if (coarsestCholesky != null) {
            coarsestCholesky.factor(levels[levels.length - 1]);
        }
        ready = true;
    }

    /**
     * Cheaper {@link #update()} after only the reaction coefficients changed (face coefficients as at
     * the last full update): restricts the reaction, rebuilds the diagonals and refactors the
     * coarsest level, skipping the face restriction and the transfer weights (which do not depend
     * on the reaction). Allocation-free.
     *
     * @throws IllegalStateException    if no full {@link #update()} was done before
     * @throws IllegalArgumentException naming the cell when a reaction coefficient is negative or not finite
     */
    public void updateReaction() {
        if (!ready) {
            throw new IllegalStateException("updateReaction() needs a full update() first");
        }
        MultigridLevel f = levels[0];
        checkCoefficients(f.reaction, f.nx, "reaction coefficient");
        f.assembleReaction();
        for (int l = 0; l + 1 < levels.length; l++) {
            levels[l].restrictReaction(levels[l + 1]);
        }
        if (coarsestCholesky != null) {
            coarsestCholesky.factor(levels[levels.length - 1]);
        }
    }

    private static void checkCoefficients(double[] values, int nx, String what) {
        for (int k = 0; k < values.length; k++) {
            double v = values[k];
            if (!(v >= 0.0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException(what + " at cell (i=" + (k % nx) + ", j=" + (k / nx) + ") is " + v
                        + "; allowed: finite and >= 0");
            }
        }
    }

    /**
     * Adds the contribution of a Dirichlet wall value to a right-hand side: {@code 2 k_wall g / h^2}
     * in each cell next to that wall (using the fine-level wall coefficients).
     *
     * @throws IllegalArgumentException if that wall is not Dirichlet
     */
    public void addWallValueToRhs(WallSide side, double value, double[] rhs) {
        MultigridLevel f = levels[0];
        requireLength(rhs, f.n, "rhs");
        double iy2 = 1.0 / (f.dy * f.dy);
        if (side == WallSide.SOUTH) {
            if (f.south != WallCondition.DIRICHLET) {
                throw new IllegalArgumentException("the south wall is " + f.south + ", not DIRICHLET");
            }
            for (int i = 0; i < f.nx; i++) {
                rhs[i] += 2.0 * f.kSouth[i] * iy2 * value;
            }
        } else {
            if (f.north != WallCondition.DIRICHLET) {
                throw new IllegalArgumentException("the north wall is " + f.north + ", not DIRICHLET");
            }
            int base = f.nx * (f.ny - 1);
            for (int i = 0; i < f.nx; i++) {
                rhs[base + i] += 2.0 * f.kNorthWall[i] * iy2 * value;
            }
        }
    }

    /** out = A u on the fine grid (after {@link #update()}). */
    public void applyOperator(double[] u, double[] out) {
        requireReady();
        requireLength(u, size(), "u");
        requireLength(out, size(), "out");
        levels[0].apply(u, out);
    }

    /** The fine-level matrix diagonal (after {@link #update()}); shared, do not modify. */
    public double[] diagonal() {
        requireReady();
        return levels[0].diagonal;
    }

    /**
     * One V-cycle improving {@code x} in place for {@code A x = rhs}.
     */
    public void vCycle(double[] rhs, double[] x) {
        requireReady();
        requireLength(rhs, size(), "rhs");
        requireLength(x, size(), "x");
        cycle(0, rhs, x);
    }

    /**
     * {@code z = B r}, one V-cycle from a zero initial guess: the symmetric positive definite
     * multigrid preconditioner (for equal pre- and post-smoothing counts). {@code r} is not modified.
     */
    public void precondition(double[] r, double[] z) {
        requireReady();
        java.util.Arrays.fill(z, 0, size(), 0.0);
        cycle(0, r, z);
    }

    private void cycle(int l, double[] rhs, double[] x) {
        MultigridLevel level = levels[l];
        if (l == levels.length - 1) {
            solveCoarsest(level, rhs, x);
            return;
        }
        level.smoothForward(x, rhs, settings.preSmoothing());
        level.residual(rhs, x, level.r);
        MultigridLevel coarse = levels[l + 1];
        level.restrictResidual(level.r, coarse);
        java.util.Arrays.fill(coarse.u, 0.0);
        cycle(l + 1, coarse.f, coarse.u);
        level.prolongAdd(coarse, x);
        level.smoothBackward(x, rhs, settings.postSmoothing());
    }

    private void solveCoarsest(MultigridLevel level, double[] rhs, double[] x) {
        if (coarsestCholesky != null) {
            // x holds the current guess: solve for the correction of its residual.
            level.residual(rhs, x, coarseCgR);
            coarsestCholesky.solve(coarseCgR);
            for (int k = 0; k < level.n; k++) {
                x[k] += coarseCgR[k];
            }
            return;
        }
        // A coarsest level too large for a banded factorisation (a grid that does not halve
        // well): Jacobi-preconditioned conjugate gradients to a tight tolerance.
        double rr0 = level.residual(rhs, x, coarseCgR);
        if (rr0 == 0.0) {
            return;
        }
        double[] p = coarseCgP;
        double[] q = coarseCgQ;
        double rz = 0.0;
        for (int k = 0; k < level.n; k++) {
            p[k] = coarseCgR[k] * level.inverseDiagonal[k];
            rz += coarseCgR[k] * p[k];
        }
        double target = COARSEST_CG_TOLERANCE * COARSEST_CG_TOLERANCE * rr0;
        for (int it = 0; it < 10 * level.n; it++) {
            level.apply(p, q);
            double pq = 0.0;
            for (int k = 0; k < level.n; k++) {
                pq += p[k] * q[k];
            }
            if (!(pq > 0.0)) {
                return;
            }
            double alpha = rz / pq;
            double rr = 0.0;
            double rzNew = 0.0;
            for (int k = 0; k < level.n; k++) {
                x[k] += alpha * p[k];
                coarseCgR[k] -= alpha * q[k];
                rr += coarseCgR[k] * coarseCgR[k];
                rzNew += coarseCgR[k] * coarseCgR[k] * level.inverseDiagonal[k];
            }
            if (rr <= target) {
                return;
            }
            double beta = rzNew / rz;
            rz = rzNew;
            for (int k = 0; k < level.n; k++) {
                p[k] = coarseCgR[k] * level.inverseDiagonal[k] + beta * p[k];
            }
        }
    }

    /**
     * Solves {@code A x = rhs} to the settings' relative tolerance, starting from the content of
     * {@code x}, by V-cycles or multigrid-preconditioned conjugate gradients.
     *
     * @return the number of iterations (V-cycles or CG steps); 0 if the initial guess already converged
     * @throws MultigridConvergenceException if the tolerance is not met within the iteration limit
     */
    public int solve(double[] rhs, double[] x) {
        requireReady();
        requireLength(rhs, size(), "rhs");
        requireLength(x, size(), "x");
        MultigridLevel f = levels[0];
        double bb = 0.0;
        for (int k = 0; k < f.n; k++) {
            bb += rhs[k] * rhs[k];
        }
        double[] r = cgR;
        double rr = f.residual(rhs, x, r);
        if (bb == 0.0) {
            bb = rr;
            if (bb == 0.0) {
                lastIterations = 0;
                lastRelativeResidual = 0.0;
                return 0;
            }
        }
        double tol2 = settings.relativeTolerance() * settings.relativeTolerance() * bb;
        if (rr <= tol2) {
            lastIterations = 0;
            lastRelativeResidual = Math.sqrt(rr / bb);
            return 0;
        }
        int max = settings.maxIterations();
        if (settings.acceleration() == MultigridSettings.Acceleration.NONE) {
            for (int it = 1; it <= max; it++) {
                cycle(0, rhs, x);
                rr = f.residual(rhs, x, r);
                if (rr <= tol2) {
                    lastIterations = it;
                    lastRelativeResidual = Math.sqrt(rr / bb);
                    return it;
                }
            }
        } else {
            double[] z = cgZ;
            double[] p = cgP;
            double[] q = cgQ;
            precondition(r, z);
            System.arraycopy(z, 0, p, 0, f.n);
            double rz = dot(r, z, f.n);
            for (int it = 1; it <= max; it++) {
                f.apply(p, q);
                double pq = dot(p, q, f.n);
                if (!(pq > 0.0)) {
                    throw new MultigridConvergenceException("conjugate gradients broke down (p.Ap = " + pq
                            + "): the operator is not positive definite", it, Math.sqrt(rr / bb));
                }
                double alpha = rz / pq;
                rr = 0.0;
                for (int k = 0; k < f.n; k++) {
                    x[k] += alpha * p[k];
                    double v = r[k] - alpha * q[k];
                    r[k] = v;
                    rr += v * v;
                }
                if (rr <= tol2) {
                    lastIterations = it;
                    lastRelativeResidual = Math.sqrt(rr / bb);
                    return it;
                }
                precondition(r, z);
                double rzNew = dot(r, z, f.n);
                double beta = rzNew / rz;
                rz = rzNew;
                for (int k = 0; k < f.n; k++) {
                    p[k] = z[k] + beta * p[k];
                }
            }
        }
        lastIterations = max;
        lastRelativeResidual = Math.sqrt(rr / bb);
        throw new MultigridConvergenceException("multigrid did not reach the relative tolerance "
                + settings.relativeTolerance() + " within " + max + " iterations", max, lastRelativeResidual);
    }

    /** Iterations of the last {@link #solve}. */
    public int lastIterations() {
        return lastIterations;
    }

    /** Relative residual {@code ||b - A x|| / ||b||} reached by the last {@link #solve}. */
    public double lastRelativeResidual() {
        return lastRelativeResidual;
    }

    private static double dot(double[] a, double[] b, int n) {
        double s = 0.0;
        for (int k = 0; k < n; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    private void requireReady() {
        if (!ready) {
            throw new IllegalStateException("update() (or setCellCoefficients) must be called before solving");
        }
    }

    private static void requireLength(double[] a, int n, String name) {
        if (a == null || a.length < n) {
            throw new IllegalArgumentException(name + " must have length " + n + ", got "
                    + (a == null ? "null" : String.valueOf(a.length)));
        }
    }
}
