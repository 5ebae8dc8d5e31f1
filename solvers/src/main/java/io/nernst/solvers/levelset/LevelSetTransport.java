package io.nernst.solvers.levelset;

import io.nernst.solvers.grid.CartesianGrid2D;

/**
 * Explicit time stepping of the level-set transport with the three-stage, third-order strong-stability-
 * preserving Runge-Kutta scheme of Shu and Osher, J. Comput. Phys. 77 (1988) 439, eq. (2.18):
 * <pre>
 *   Phi1 = Phi + dt L(t, Phi)
 *   Phi2 = 3/4 Phi + 1/4 (Phi1 + dt L(t + dt, Phi1))
 *   Phi' = 1/3 Phi + 2/3 (Phi2 + dt L(t + dt/2, Phi2))
 * </pre>
 * with the spatial operators of {@link LevelSetAdvection}. The stepping forms:
 * <ul>
 *   <li>{@link #stepConservative}: {@code dPhi/dt + div(u Phi) = 0} with face velocities: for a
 *       divergence-free u the transport equation, with the integral of Phi conserved to round-off.</li>
 *   <li>{@link #stepAdvective}: {@code dPhi/dt + u . grad Phi = 0} with cell-centred u (not conservative,
 *       for velocities that are not divergence free).</li>
 *   <li>{@link #stepNormalSpeed}: the advective form with {@code u = n v_n}, {@code n = grad Phi/|grad Phi|}
 *       recomputed from each stage field: every level set moves with normal speed {@code v_n}
 *       (towards Phi = 1 for {@code v_n > 0}, so the Phi = 0 phase grows).</li>
 *   <li>{@link #stepSingleEquation}: COMSOL's one-equation conservative level set (seed 003):
 *       {@code dPhi/dt + u . grad Phi = gamma div(eps grad Phi - Phi(1-Phi) grad Phi/|grad Phi|)}, the
 *       reinitialisation acting continuously with rate gamma [m/s] and current normals.</li>
 * </ul>
 * The Olsson-Kreiss method proper alternates {@link #stepConservative} (or {@link #stepAdvective}) with
 * {@link ConservativeReinitialisation#reinitialise} (see {@link #advanceConservative}).
 *
 * <h2>Time-step limits</h2>
 * WENO5 with SSP-RK3 is stable for {@code dt * max(|u|/dx + |v|/dy) <= CFL} with CFL up to about 1
 * (Jiang and Shu 1996 use 1 with their sum-of-directions definition in 2D)
 * ({@link #maxStableStep(double, double)}); the single-equation form adds the explicit diffusion and
 * compression limit of the reinitialisation term scaled by gamma ({@link #maxStableSingleEquationStep}).
 *
 * <p>An instance owns three stage fields and velocity workspaces, is not thread-safe, and allocates
 * nothing per step.
 */
public final class LevelSetTransport {

    /** Default Courant number for {@link #advanceConservative}. */
    public static final double DEFAULT_CFL = 0.5;

    private enum Form { CONSERVATIVE, ADVECTIVE, NORMAL_SPEED, SINGLE_EQUATION }

    private final CartesianGrid2D grid;
    private final LevelSetAdvection advection;
    private final double[] stage;
    private final double[] rate;
    private final double[] previous;
    private final double[] cellVelocityX;
    private final double[] cellVelocityY;
    private final double[] reinitialisationRate;
    private final FaceVelocityField stageVelocity;

    // Inputs of the step in progress (set by the public step methods, read by evaluate()).
    private FaceVelocityField frozenFaceVelocity;
    private FaceVelocityProvider faceVelocityProvider;
    private double[] inputVelocityX;
    private double[] inputVelocityY;
    private double[] inputNormalSpeed;
    private ConservativeReinitialisation singleEquationReinitialisation;
    private double singleEquationGamma;

    /**
     * @param grid the grid (at least 3 x 3 cells)
     */
    public LevelSetTransport(CartesianGrid2D grid) {
        this.grid = grid;
        this.advection = new LevelSetAdvection(grid);
        int n = grid.cellCount();
        this.stage = new double[n];
        this.rate = new double[n];
        this.previous = new double[n];
        this.cellVelocityX = new double[n];
        this.cellVelocityY = new double[n];
        this.reinitialisationRate = new double[n];
        this.stageVelocity = new FaceVelocityField(grid);
    }

    /** @return the grid */
    public CartesianGrid2D grid() {
        return grid;
    }

    /** @return the spatial operators used by this stepper */
    public LevelSetAdvection advection() {
        return advection;
    }

    /**
     * Largest stable step for a given advective rate.
     *
     * @param maxAdvectiveRate {@code max(|u|/dx + |v|/dy)} [1/s], e.g. from
     *                         {@link FaceVelocityField#maxAdvectiveRate()}
     * @param cfl              Courant number, in (0, 1]
     * @return {@code cfl / maxAdvectiveRate}, or +infinity for a fluid at rest
     */
    public static double maxStableStep(double maxAdvectiveRate, double cfl) {
        requireCfl(cfl);
        return maxAdvectiveRate > 0 ? cfl / maxAdvectiveRate : Double.POSITIVE_INFINITY;
    }

    /**
     * Largest stable step of the single-equation form: the advective rate and the reinitialisation term
     * (forward-Euler pseudo-step limit divided by gamma) combined harmonically.
     *
     * @param maxAdvectiveRate  {@code max(|u|/dx + |v|/dy)} [1/s]
     * @param gamma             reinitialisation velocity scale [m/s], at least 0
     * @param reinitialisation  supplies eps and the pseudo-step limit
     * @param cfl               Courant number, in (0, 1]
     * @return the step limit [s]
     */
    public static double maxStableSingleEquationStep(double maxAdvectiveRate, double gamma,
            ConservativeReinitialisation reinitialisation, double cfl) {
        requireCfl(cfl);
        double rateBound = maxAdvectiveRate + gamma / reinitialisation.maxStablePseudoStep();
        return rateBound > 0 ? cfl / rateBound : Double.POSITIVE_INFINITY;
    }

    private static void requireCfl(double cfl) {
        if (!(cfl > 0) || cfl > 1.0) {
            throw new IllegalArgumentException("cfl must lie in (0, 1], got " + cfl);
        }
    }

    private static void requireStep(double dt) {
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("time step dt must be finite and > 0, got " + dt);
        }
    }

    /**
     * One SSP-RK3 step of the conservative form with a frozen face velocity.
     *
     * @param phi      cell field, advanced in place
     * @param velocity face velocity
     * @param dt       time step [s]
     */
    public void stepConservative(double[] phi, FaceVelocityField velocity, double dt) {
        requireStep(dt);
        frozenFaceVelocity = velocity;
        faceVelocityProvider = null;
        rungeKutta3(phi, 0.0, dt, Form.CONSERVATIVE);
    }

    /**
     * One SSP-RK3 step of the conservative form with a time-dependent face velocity, evaluated at the
     * stage times t, t + dt, t + dt/2.
     *
     * @param phi      cell field, advanced in place
     * @param t        time at the start of the step [s]
     * @param dt       time step [s]
     * @param velocity the velocity provider
     */
    public void stepConservative(double[] phi, double t, double dt, FaceVelocityProvider velocity) {
        requireStep(dt);
        frozenFaceVelocity = null;
        faceVelocityProvider = velocity;
        rungeKutta3(phi, t, dt, Form.CONSERVATIVE);
    }

    /**
     * One SSP-RK3 step of the advective form with a frozen cell-centred velocity.
     *
     * @param phi cell field, advanced in place
     * @param ux  cell-centred x velocity [m/s]
     * @param uy  cell-centred y velocity [m/s]
     * @param dt  time step [s]
     */
    public void stepAdvective(double[] phi, double[] ux, double[] uy, double dt) {
        requireStep(dt);
        grid.requireField(ux, "ux");
        grid.requireField(uy, "uy");
        inputVelocityX = ux;
        inputVelocityY = uy;
        rungeKutta3(phi, 0.0, dt, Form.ADVECTIVE);
    }

    /**
     * One SSP-RK3 step of motion with a normal speed: the advective form with {@code u = n v_n}, the
     * normals recomputed from every stage field. The caller extends {@code v_n} off the interface (it is
     * used wherever the normal is defined).
     *
     * @param phi         cell field, advanced in place
     * @param normalSpeed normal speed per cell [m/s], positive towards Phi = 1
     * @param dt          time step [s]
     */
    public void stepNormalSpeed(double[] phi, double[] normalSpeed, double dt) {
        requireStep(dt);
        grid.requireField(normalSpeed, "normalSpeed");
        inputNormalSpeed = normalSpeed;
        rungeKutta3(phi, 0.0, dt, Form.NORMAL_SPEED);
    }

    /**
     * One SSP-RK3 step of COMSOL's single-equation conservative level set (seed 003):
     * {@code dPhi/dt + u . grad Phi = gamma div(eps grad Phi - Phi(1-Phi) grad Phi/|grad Phi|)}, the
     * normals taken from each stage field. Respect {@link #maxStableSingleEquationStep}.
     *
     * @param phi              cell field, advanced in place
     * @param ux               cell-centred x velocity [m/s]
     * @param uy               cell-centred y velocity [m/s]
     * @param gamma            reinitialisation velocity scale [m/s], at least 0
     * @param reinitialisation supplies eps and the reinitialisation operator (its normals are overwritten)
     * @param dt               time step [s]
     */
    public void stepSingleEquation(double[] phi, double[] ux, double[] uy, double gamma,
            ConservativeReinitialisation reinitialisation, double dt) {
        requireStep(dt);
        grid.requireField(ux, "ux");
        grid.requireField(uy, "uy");
        if (!(gamma >= 0) || !Double.isFinite(gamma)) {
            throw new IllegalArgumentException("gamma must be finite and >= 0, got " + gamma);
        }
        if (reinitialisation.grid().nx() != grid.nx() || reinitialisation.grid().ny() != grid.ny()) {
            throw new IllegalArgumentException("reinitialisation grid " + reinitialisation.grid() + " does not match "
                    + grid);
        }
        inputVelocityX = ux;
        inputVelocityY = uy;
        singleEquationGamma = gamma;
        singleEquationReinitialisation = reinitialisation;
        rungeKutta3(phi, 0.0, dt, Form.SINGLE_EQUATION);
    }

    /**
     * The Olsson-Kreiss method over a time interval: conservative SSP-RK3 steps of equal length not
     * exceeding {@code cfl / maxAdvectiveRate}, interleaved with reinitialisation at the rate
     * {@code gamma}: every time step adds {@code gamma * dt} of pseudo-time (a length) to an account, and
     * whole forward-Euler pseudo-steps of the default size are taken while the account covers them (the
     * normals frozen at the first). {@code gamma} [m/s] therefore plays the role of COMSOL's
     * reinitialisation parameter (seed 003) and does not depend on the CFL number or the grid; a value
     * of the order of the interface speed is usual.
     *
     * @param phi              cell field, advanced in place
     * @param t0               start time [s]
     * @param duration         length of the interval [s], > 0
     * @param velocity         time-dependent face velocity
     * @param maxAdvectiveRate an upper bound of {@code max(|u|/dx + |v|/dy)} over the interval [1/s]
     * @param cfl              Courant number in (0, 1]
     * @param reinitialisation reinitialisation, or {@code null} for pure advection
     * @param gamma            reinitialisation speed [m/s], at least 0 (ignored without reinitialisation)
     * @return the number of time steps taken
     */
    public int advanceConservative(double[] phi, double t0, double duration, FaceVelocityProvider velocity,
            double maxAdvectiveRate, double cfl, ConservativeReinitialisation reinitialisation, double gamma) {
        int steps = stepCount(duration, maxAdvectiveRate, cfl, gamma);
        double dt = duration / steps;
        double account = 0.0;
        for (int n = 0; n < steps; n++) {
            stepConservative(phi, t0 + n * dt, dt, velocity);
            account = reinitialiseFromAccount(phi, reinitialisation, account + gamma * dt);
        }
        return steps;
    }

    /**
     * Motion with a normal speed over a time interval ({@link #stepNormalSpeed} steps of equal length
     * within {@code cfl / max(|v_n| (1/dx + 1/dy))}), interleaved with reinitialisation at the rate
     * {@code gamma} as in {@link #advanceConservative}.
     *
     * @param phi              cell field, advanced in place
     * @param normalSpeed      normal speed per cell [m/s] (frozen over the interval)
     * @param duration         length of the interval [s], > 0
     * @param cfl              Courant number in (0, 1]
     * @param reinitialisation reinitialisation, or {@code null}
     * @param gamma            reinitialisation speed [m/s], at least 0
     * @return the number of time steps taken
     */
    public int advanceNormalSpeed(double[] phi, double[] normalSpeed, double duration, double cfl,
            ConservativeReinitialisation reinitialisation, double gamma) {
        grid.requireField(normalSpeed, "normalSpeed");
        double maxSpeed = 0.0;
        for (double v : normalSpeed) {
            maxSpeed = Math.max(maxSpeed, Math.abs(v));
        }
        // |n_x|/dx + |n_y|/dy <= sqrt(1/dx^2 + 1/dy^2) for a unit normal
        double maxRate = maxSpeed * Math.sqrt(1.0 / (grid.dx() * grid.dx()) + 1.0 / (grid.dy() * grid.dy()));
        int steps = stepCount(duration, maxRate, cfl, gamma);
        double dt = duration / steps;
        double account = 0.0;
        for (int n = 0; n < steps; n++) {
            stepNormalSpeed(phi, normalSpeed, dt);
            account = reinitialiseFromAccount(phi, reinitialisation, account + gamma * dt);
        }
        return steps;
    }

    private static int stepCount(double duration, double maxAdvectiveRate, double cfl, double gamma) {
        if (!(duration > 0) || !Double.isFinite(duration)) {
            throw new IllegalArgumentException("duration must be finite and > 0, got " + duration);
        }
        if (!(gamma >= 0) || !Double.isFinite(gamma)) {
            throw new IllegalArgumentException("gamma must be finite and >= 0, got " + gamma);
        }
        double dtMax = maxStableStep(maxAdvectiveRate, cfl);
        long steps = (long) Math.ceil(duration / dtMax * (1 - 1e-12));
        if (steps > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("duration " + duration + " s needs " + steps + " steps of at most "
                    + dtMax + " s");
        }
        return (int) Math.max(1, steps);
    }

    private static double reinitialiseFromAccount(double[] phi, ConservativeReinitialisation reinitialisation,
            double account) {
        if (reinitialisation == null) {
            return 0.0;
        }
        double pseudoStep = ConservativeReinitialisation.DEFAULT_PSEUDO_STEP_FRACTION
                * reinitialisation.maxStablePseudoStep();
        int pseudoSteps = (int) Math.floor(account / pseudoStep);
        if (pseudoSteps > 0) {
            reinitialisation.reinitialise(phi, pseudoSteps, 0.0, pseudoStep);
            return account - pseudoSteps * pseudoStep;
        }
        return account;
    }

    private void rungeKutta3(double[] phi, double t, double dt, Form form) {
        grid.requireField(phi, "phi");
        int n = phi.length;
        double[] u0 = previous;
        double[] s = stage;
        double[] r = rate;
        System.arraycopy(phi, 0, u0, 0, n);
        // Stage 1: s = u0 + dt L(u0)
        evaluate(form, t, u0, r);
        for (int k = 0; k < n; k++) {
            s[k] = u0[k] + dt * r[k];
        }
        // Stage 2: s = 3/4 u0 + 1/4 (s + dt L(s))
        evaluate(form, t + dt, s, r);
        for (int k = 0; k < n; k++) {
            s[k] = 0.75 * u0[k] + 0.25 * (s[k] + dt * r[k]);
        }
        // Stage 3: phi = 1/3 u0 + 2/3 (s + dt L(s))
        evaluate(form, t + 0.5 * dt, s, r);
        double third = 1.0 / 3.0;
        double twoThirds = 2.0 / 3.0;
        for (int k = 0; k < n; k++) {
            phi[k] = third * u0[k] + twoThirds * (s[k] + dt * r[k]);
        }
    }

    private void evaluate(Form form, double t, double[] field, double[] out) {
        switch (form) {
            case CONSERVATIVE -> {
                FaceVelocityField velocity = frozenFaceVelocity;
                if (velocity == null) {
                    faceVelocityProvider.velocityAt(t, stageVelocity);
                    velocity = stageVelocity;
                }
                advection.conservativeRate(field, velocity, out);
            }
            case ADVECTIVE -> advection.advectiveRate(field, inputVelocityX, inputVelocityY, out);
            case NORMAL_SPEED -> {
                LevelSetGeometry.normalVelocity(grid, field, inputNormalSpeed, cellVelocityX, cellVelocityY);
                advection.advectiveRate(field, cellVelocityX, cellVelocityY, out);
            }
            case SINGLE_EQUATION -> {
                advection.advectiveRate(field, inputVelocityX, inputVelocityY, out);
                singleEquationReinitialisation.rateWithCurrentNormals(field, reinitialisationRate);
                double gamma = singleEquationGamma;
                for (int k = 0; k < out.length; k++) {
                    out[k] += gamma * reinitialisationRate[k];
                }
            }
            default -> throw new IllegalStateException("unknown form " + form);
        }
    }
}
