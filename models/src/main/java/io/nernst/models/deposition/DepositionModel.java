package io.nernst.models.deposition;

import io.nernst.solvers.grid.CartesianGrid2D;
import io.nernst.solvers.levelset.ConservativeReinitialisation;
import io.nernst.solvers.levelset.LevelSetGeometry;
import io.nernst.solvers.levelset.LevelSetTransport;
import io.nernst.solvers.multigrid.GeometricMultigrid;
import io.nernst.solvers.multigrid.MultigridSettings;
import io.nernst.solvers.multigrid.WallCondition;
import java.util.Arrays;

/**
 * Lithium electrodeposition in 2D with a conservative level set (seed 003; physics.md
 * sections 1, 2 and 6): the state, one time step, and the observables. {@link DepositionRun}
 * drives it in time and writes the outputs.
 *
 * <h2>Model</h2>
 * Domain {@code [0, W] x [0, H]}, periodic in x; lithium at the bottom (the Phi = 0 region of the
 * level set), electrolyte above (Phi = 1), the reservoir at the top wall ({@code c = c0},
 * {@code phi_l = 0}). With the diffuse-interface weight {@code w = floor + (1 - floor) Phi} the
 * binary electrolyte with electroneutrality (physics.md section 1) becomes, everywhere on the grid,
 * <pre>
 *   w dc/dt = div(w D grad c) + (1 - t+) delta j / F
 *   -div(w kappa grad phi_l) + div(w kappa_D grad ln c) = delta j,   kappa_D = (2 R T / F)(1 - t+) kappa
 *   j = i0 [exp(alpha_a f eta) - (c / c_ref) exp(-alpha_c f eta)],   eta = phi_s - phi_l
 * </pre>
 * with {@code delta} the smoothed interface delta {@code 6 |Phi (1 - Phi)| |grad Phi|}: the reaction
 * is a volumetric source spread over the diffuse interface, and the lithium is an equipotential
 * conductor at {@code phi_s}. The weight is the diffuse-domain method (X. Li, J. Lowengrub,
 * A. Raetz, A. Voigt, Commun. Math. Sci. 7 (2009) 81): the flux boundary condition
 * {@code N . n = -(1 - t+) j / F} at the interface becomes the delta-weighted source. The storage term
 * uses {@code w dc/dt} (not {@code d(w c)/dt}), so salt is neither created nor destroyed when the
 * interface sweeps a cell; the floor (default 1e-3) keeps the operators regular inside the lithium.
 * Galvanostatic control adds {@code sum delta j dA = -J W} with {@code phi_s} as the unknown.
 *
 * <h2>Numerics</h2>
 * Cell-centred finite volumes, face coefficients by the arithmetic mean of the two cell weights.
 * Concentration and potential are implicit in time (variable-step BDF2 or backward Euler), so the
 * step follows the interface Courant number, not diffusion. Per step, with the geometry frozen:
 * a block Gauss-Seidel iteration between (a) Newton on the potential and {@code phi_s} (bordered
 * system, two multigrid-CG solves per iteration: the correction and the sensitivity to {@code phi_s})
 * and (b) the concentration equation, which is linear in {@code c} at fixed {@code eta}; repeated until
 * both change by less than the coupling tolerance. Then the interface moves with
 * {@code u = n (-j/F)(M/rho)} (WENO5 + SSP-RK3 normal-speed transport of the levelset package)
 * followed by Olsson-Kreiss reinitialisation pseudo-steps.
 *
 * <h2>Extension of the interface current</h2>
 * The normal speed is needed throughout the diffuse band. Each band cell takes the current density
 * at its closest point on the 0.5 contour, {@code x* = x - d n} with {@code d = eps ln(Phi/(1 - Phi))}
 * (the signed distance of the equilibrium profile), interpolated bilinearly from the cell currents.
 * The speed is then constant along normals across the band, so the profile translates instead of
 * spreading, and the deposited volume follows the current (Faraday).
 *
 * <h2>Delta normalisation</h2>
 * Discretely, {@code sum 6 Phi(1 - Phi)|grad Phi| dA} differs from {@code sum |grad Phi| dA} (the
 * interface length as seen by the transport, exact for a monotone column by telescoping) by a few
 * per cent at two cells per interface; the delta is rescaled by the global ratio of the two sums so
 * that the current and the transported volume refer to the same interface length.
 *
 * <p>Not thread-safe; all arrays are allocated at construction, a step allocates nothing.
 */
public final class DepositionModel {
    private static final double FARADAY = DepositionSettings.FARADAY;
    /** Phi range of the band in which currents and speeds are evaluated. */
    private static final double BAND_PHI = 1e-9;

    private final DepositionSettings settings;
    private final CartesianGrid2D grid;
    private final int nx;
    private final int ny;
    private final int n;
    private final double dx;
    private final double dy;
    private final double cellArea;
    private final double eps;
    private final LithiumKinetics kinetics;
    private final double kappa;
    private final double kappaDiffusion;
    private final double diffusivity;
    private final double sourceFactor;
    private final double bulkConcentration;
    private final double logBulkConcentration;
    private final double molarVolume;
    private final double floor;

    // State.
    private final double[] levelSet;
    private final double[] concentration;
    private final double[] concentrationPrevious;
    private final double[] concentrationBeforePrevious;
    private final double[] potential;
    private double electrodePotential;
    private double time;
    private double previousStep = Double.NaN;
    private int stepCount;
    private double charge;
    /** Total current of the converged galvanostatic/potentiostatic solve that drove the last step [A/m]. */
    private double stepCurrent;
    /** Largest |c^(n+1) - c^n| over the cells in the last step [mol/m^3]. */
    private double lastConcentrationChange = Double.NaN;
    /** System.nanoTime() after which a step gives up (wall-time budget); Long.MAX_VALUE = none. */
    private long deadlineNanos = Long.MAX_VALUE;
    private boolean hasDeadline;
    private final double initialDepositArea;
    private final double baseLevel;

    // Geometry work.
    private final double[] weight;
    private final double[] delta;
    private final double[] gradX;
    private final double[] gradY;
    private final boolean[] band;
    private double interfaceLength;

    // Kinetics per cell (band only; zero elsewhere).
    private final double[] current;
    private final double[] currentSlope;
    private final double[] anodic;
    private final double[] cathodicPerConcentration;

    // Solves.
    private final GeometricMultigrid potentialSolver;
    private final GeometricMultigrid concentrationSolver;
    private final double[] rhs;
    private final double[] newtonSolution;
    private final double[] sensitivity;
    private final double[] diffusionSource;
    private final double[] history;
    private final double[] iterate;
    private final double[] potentialBackup;
    private final double[] concentrationBackup;

    // Interface motion.
    private final LevelSetTransport transport;
    private final ConservativeReinitialisation reinitialisation;
    private final double[] normalSpeed;
    private final double[] interfaceCurrent;
    private final double[] reaction;
    private final double[] distanceWork;
    private final double[] columnHeights;
    private double maxNormalSpeed;
    /** Face coefficients changed since the last full multigrid update (geometry moved). */
    private boolean potentialFacesChanged = true;
    private boolean concentrationFacesChanged = true;

    // Statistics.
    private int lastCouplingIterations;
    private int lastNewtonIterations;
    private long linearSolves;
    private long linearIterations;

    /**
     * Sets up the grid, the initial level set from the morphology, the uniform bulk concentration
     * and the initial (t = 0) potential distribution.
     *
     * @param settings validated settings
     */
    public DepositionModel(DepositionSettings settings) {
        this.settings = settings;
        this.grid = CartesianGrid2D.ofSize(settings.cellsX(), settings.cellsY(), settings.width(), settings.height(), true);
        this.nx = grid.nx();
        this.ny = grid.ny();
        this.n = grid.cellCount();
        this.dx = grid.dx();
        this.dy = grid.dy();
        this.cellArea = dx * dy;
        this.eps = settings.interfaceThickness();
        this.kinetics = LithiumKinetics.of(settings);
        this.kappa = settings.conductivity();
        double rt = DepositionSettings.GAS_CONSTANT * settings.temperature();
        this.kappaDiffusion = 2.0 * rt / FARADAY * (1.0 - settings.transferenceNumber()) * kappa;
        this.diffusivity = settings.diffusivity();
        this.sourceFactor = (1.0 - settings.transferenceNumber()) / FARADAY;
        this.bulkConcentration = settings.bulkConcentration();
        this.logBulkConcentration = Math.log(bulkConcentration);
        this.molarVolume = settings.molarVolume();
        this.floor = settings.phaseFloor();
        this.baseLevel = settings.surfaceHeight();

        levelSet = new double[n];
        concentration = new double[n];
        concentrationPrevious = new double[n];
        concentrationBeforePrevious = new double[n];
        potential = new double[n];
        weight = new double[n];
        delta = new double[n];
        gradX = new double[n];
        gradY = new double[n];
        band = new boolean[n];
        current = new double[n];
        currentSlope = new double[n];
        anodic = new double[n];
        cathodicPerConcentration = new double[n];
        rhs = new double[n];
        newtonSolution = new double[n];
        sensitivity = new double[n];
        diffusionSource = new double[n];
        history = new double[n];
        iterate = new double[n];
        potentialBackup = new double[n];
        concentrationBackup = new double[n];
        normalSpeed = new double[n];
        interfaceCurrent = new double[n];
        reaction = new double[n];
        distanceWork = new double[n];
        columnHeights = new double[nx];

        MultigridSettings mg = MultigridSettings.builder().relativeTolerance(settings.linearTolerance()).maxIterations(200)
                .build();
        potentialSolver = new GeometricMultigrid(nx, ny, dx, dy, true, WallCondition.NEUMANN, WallCondition.DIRICHLET, mg);
        concentrationSolver = new GeometricMultigrid(nx, ny, dx, dy, true, WallCondition.NEUMANN, WallCondition.DIRICHLET, mg);
        transport = new LevelSetTransport(grid);
        reinitialisation = new ConservativeReinitialisation(grid, eps);

        settings.morphology().fillSignedDistance(grid, settings.surfaceHeight(), distanceWork);
        LevelSetGeometry.fromSignedDistance(distanceWork, eps, levelSet);
        Arrays.fill(concentration, bulkConcentration);
        Arrays.fill(concentrationPrevious, bulkConcentration);
        Arrays.fill(concentrationBeforePrevious, bulkConcentration);
        initialDepositArea = depositArea();
        updateGeometry();

        if (settings.controlMode() == DepositionSettings.ControlMode.GALVANOSTATIC) {
            electrodePotential = kinetics.overpotentialFor(-settings.currentDensity(), bulkConcentration);
        } else {
            electrodePotential = settings.electrodePotential();
        }
        computeDiffusionSource();
        solvePotential();
        evaluateKinetics();
        stepCurrent = totalCurrent();
        computeNormalSpeed();
    }

    // ------------------------------------------------------------------ geometry

    /** Weight, delta (normalised), band, and the face coefficients of both operators. */
    private void updateGeometry() {
        LevelSetGeometry.gradient(grid, levelSet, gradX, gradY);
        double sumGrad = 0.0;
        double sumDelta = 0.0;
        for (int k = 0; k < n; k++) {
            double p = levelSet[k];
            double clamped = p < 0.0 ? 0.0 : (p > 1.0 ? 1.0 : p);
            weight[k] = floor + (1.0 - floor) * clamped;
            double g = Math.sqrt(gradX[k] * gradX[k] + gradY[k] * gradY[k]);
            double d = 6.0 * Math.abs(p * (1.0 - p)) * g;
            delta[k] = d;
            sumGrad += g;
            sumDelta += d;
            band[k] = p > BAND_PHI && p < 1.0 - BAND_PHI;
        }
        double scale = sumDelta > 0.0 ? sumGrad / sumDelta : 1.0;
        for (int k = 0; k < n; k++) {
            delta[k] *= scale;
        }
        interfaceLength = sumGrad * cellArea;
        fillFaces(potentialSolver, kappa);
        fillFaces(concentrationSolver, diffusivity);
        potentialFacesChanged = true;
        concentrationFacesChanged = true;
    }

    private void fillFaces(GeometricMultigrid solver, double coefficient) {
        double[] west = solver.westFaceCoefficients();
        double[] south = solver.southFaceCoefficients();
        double[] north = solver.northWallCoefficients();
        for (int j = 0, k = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++, k++) {
                int w = i > 0 ? k - 1 : k + nx - 1;
                west[k] = coefficient * 0.5 * (weight[k] + weight[w]);
                south[k] = j > 0 ? coefficient * 0.5 * (weight[k] + weight[k - nx]) : coefficient * weight[k];
            }
        }
        for (int i = 0; i < nx; i++) {
            north[i] = coefficient * weight[i + nx * (ny - 1)];
        }
    }

    private double depositArea() {
        double s = 0.0;
        for (int k = 0; k < n; k++) {
            s += 1.0 - levelSet[k];
        }
        return s * cellArea;
    }

    // ------------------------------------------------------------------ kinetics

    /** j, dj/deta and the two kinetic parts in every band cell from the current phi_l, c, phi_s. */
    private void evaluateKinetics() {
        for (int k = 0; k < n; k++) {
            if (!band[k]) {
                current[k] = 0.0;
                currentSlope[k] = 0.0;
                anodic[k] = 0.0;
                cathodicPerConcentration[k] = 0.0;
                continue;
            }
            double eta = electrodePotential - potential[k];
            double a = kinetics.anodicPart(eta);
            double b = kinetics.cathodicPartPerConcentration(eta);
            double c = Math.max(concentration[k], 0.0);
            anodic[k] = a;
            cathodicPerConcentration[k] = b;
            current[k] = a - c * b;
            currentSlope[k] = kinetics.anodicFactor() * a + kinetics.cathodicFactor() * c * b;
        }
    }

    /** Total interfacial current per unit depth, sum delta j dA [A/m] (negative when plating). */
    public double totalCurrent() {
        double s = 0.0;
        for (int k = 0; k < n; k++) {
            s += delta[k] * current[k];
        }
        return s * cellArea;
    }

    // ------------------------------------------------------------------ solves

    /** s_D = -div(w kappa_D grad ln c), the diffusion-potential source of the current balance. */
    private void computeDiffusionSource() {
        double[] ln = iterate;
        for (int k = 0; k < n; k++) {
            ln[k] = Math.log(Math.max(concentration[k], 1e-9 * bulkConcentration));
        }
        double ix2 = kappaDiffusion / (dx * dx);
        double iy2 = kappaDiffusion / (dy * dy);
        for (int j = 0, k = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++, k++) {
                int w = i > 0 ? k - 1 : k + nx - 1;
                int e = i < nx - 1 ? k + 1 : k - nx + 1;
                double s = 0.5 * (weight[k] + weight[w]) * ix2 * (ln[k] - ln[w])
                        + 0.5 * (weight[k] + weight[e]) * ix2 * (ln[k] - ln[e]);
                if (j > 0) {
                    s += 0.5 * (weight[k] + weight[k - nx]) * iy2 * (ln[k] - ln[k - nx]);
                }
                if (j < ny - 1) {
                    s += 0.5 * (weight[k] + weight[k + nx]) * iy2 * (ln[k] - ln[k + nx]);
                } else {
                    s += 2.0 * weight[k] * iy2 * (ln[k] - logBulkConcentration);
                }
                diffusionSource[k] = s;
            }
        }
    }

    /** Newton iterations allowed for the start-up potential solve. */
    private static final int MAX_STARTUP_NEWTON_ITERATIONS = 100;

    /**
     * Newton on the current balance at fixed c until the update falls below the coupling tolerance.
     *
     * @throws DepositionSolverException when it does not within {@value #MAX_STARTUP_NEWTON_ITERATIONS} iterations
     */
    private void solvePotential() {
        double thermal = DepositionSettings.GAS_CONSTANT * settings.temperature() / FARADAY;
        double tolerance = settings.couplingTolerance() * thermal;
        int it;
        double update = Double.NaN;
        boolean converged = false;
        for (it = 1; it <= MAX_STARTUP_NEWTON_ITERATIONS; it++) {
            update = newtonIteration();
            if (update < tolerance) {
                converged = true;
                break;
            }
        }
        if (!converged) {
            // a start-up state that does not satisfy the current balance would be written as t = 0
            throw new DepositionSolverException(String.format(java.util.Locale.ROOT,
                    "the start-up potential solve did not converge in %d Newton iterations (last update %.3g V, tolerance %.3g V)",
                    MAX_STARTUP_NEWTON_ITERATIONS, update, tolerance), time);
        }
        lastNewtonIterations = it;
        evaluateKinetics();
    }

    /**
     * One Newton iteration on the current balance (and, galvanostatic, on phi_s) at fixed c.
     * Linearised about (phi^k, phi_s^k): (A + diag(delta j')) phi = s_D + delta (j + j' phi^k)
     * + delta j' dphi_s, so phi = x + y dphi_s with two multigrid-CG solves (x, and the sensitivity
     * y to phi_s), and dphi_s from the linearised current constraint. A move larger than four
     * thermal voltages is scaled down (the kinetics are exponential).
     *
     * @return the largest change of phi_l or phi_s [V] (before damping)
     */
    private double newtonIteration() {
        boolean galvanostatic = settings.controlMode() == DepositionSettings.ControlMode.GALVANOSTATIC;
        double target = -settings.currentDensity() * grid.width();
        double thermal = DepositionSettings.GAS_CONSTANT * settings.temperature() / FARADAY;
        double[] m = potentialSolver.reactionCoefficients();
        evaluateKinetics();
        for (int k = 0; k < n; k++) {
            double dj = delta[k] * currentSlope[k];
            m[k] = dj;
            rhs[k] = diffusionSource[k] + delta[k] * current[k] + dj * potential[k];
        }
        if (potentialFacesChanged) {
            potentialSolver.update();
            potentialFacesChanged = false;
        } else {
            potentialSolver.updateReaction();
        }
        System.arraycopy(potential, 0, newtonSolution, 0, n);
        linearSolve(potentialSolver, rhs, newtonSolution);
        double step = 0.0;
        if (galvanostatic) {
            linearSolve(potentialSolver, m, sensitivity);
            // Linearised constraint sum dA delta [j + j' (dphi_s - (phi - phi^k))] = target with
            // phi = x + y dphi_s:  dphi_s sum m (1 - y) = target/dA - sum delta j + sum m (x - phi^k).
            double numerator = target / cellArea;
            double denominator = 0.0;
            for (int k = 0; k < n; k++) {
                numerator += -delta[k] * current[k] + m[k] * (newtonSolution[k] - potential[k]);
                denominator += m[k] * (1.0 - sensitivity[k]);
            }
            step = numerator / denominator;
        }
        double maxChange = Math.abs(step);
        for (int k = 0; k < n; k++) {
            double next = newtonSolution[k] + (galvanostatic ? sensitivity[k] * step : 0.0);
            maxChange = Math.max(maxChange, Math.abs(next - potential[k]));
        }
        double limit = 4.0 * thermal;
        double factor = maxChange > limit ? limit / maxChange : 1.0;
        for (int k = 0; k < n; k++) {
            double next = newtonSolution[k] + (galvanostatic ? sensitivity[k] * step : 0.0);
            potential[k] += factor * (next - potential[k]);
        }
        electrodePotential += factor * step;
        return maxChange;
    }

    private void linearSolve(GeometricMultigrid solver, double[] b, double[] x) {
        int its = solver.solve(b, x);
        linearSolves++;
        linearIterations += its;
    }

    /** The linear concentration equation at fixed eta (BDF coefficients a0, history). */
    private void solveConcentration(double a0OverDt, double inverseDt) {
        double[] m = concentrationSolver.reactionCoefficients();
        for (int k = 0; k < n; k++) {
            double storage = weight[k];
            m[k] = storage * a0OverDt + sourceFactor * delta[k] * cathodicPerConcentration[k];
            rhs[k] = storage * history[k] * inverseDt + sourceFactor * delta[k] * anodic[k];
        }
        if (concentrationFacesChanged) {
            concentrationSolver.update();
            concentrationFacesChanged = false;
        } else {
            concentrationSolver.updateReaction();
        }
        concentrationSolver.addWallValueToRhs(io.nernst.solvers.multigrid.WallSide.NORTH, bulkConcentration, rhs);
        linearSolve(concentrationSolver, rhs, concentration);
    }

    // ------------------------------------------------------------------ time step

    /**
     * Advances by {@code dt}: implicit transport and current balance on the frozen geometry, then the
     * interface motion with the new currents.
     *
     * @param dt time step [s]
     * @throws DepositionSolverException if the coupling iteration does not converge; the state is then
     *                                   restored to the start of the step, so the caller may retry with
     *                                   a shorter step or stop cleanly
     * @throws WallTimeExceededException if the deadline ({@link #setDeadline(long)}) passes during the
     *                                   step; the state is restored likewise
     */
    public void step(double dt) {
        if (!(dt > 0.0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("time step must be finite and > 0, got " + dt);
        }
        System.arraycopy(potential, 0, potentialBackup, 0, n);
        System.arraycopy(concentration, 0, concentrationBackup, 0, n);
        double electrodePotentialBackup = electrodePotential;
        try {
            advance(dt);
        } catch (RuntimeException e) {
            System.arraycopy(potentialBackup, 0, potential, 0, n);
            System.arraycopy(concentrationBackup, 0, concentration, 0, n);
            electrodePotential = electrodePotentialBackup;
            evaluateKinetics();
            computeNormalSpeed();
            if (e instanceof DepositionSolverException || e instanceof WallTimeExceededException) {
                throw e;
            }
            throw new DepositionSolverException("step of " + dt + " s from t = " + time + " s failed: " + e.getMessage(), time);
        }
    }

    private void advance(double dt) {
        // BDF coefficients: w (a0 c - history) / dt.
        double a0;
        boolean bdf2 = settings.timeScheme() == DepositionSettings.TimeScheme.BDF2 && stepCount > 0;
        if (bdf2) {
            double omega = dt / previousStep;
            a0 = (1.0 + 2.0 * omega) / (1.0 + omega);
            double b1 = 1.0 + omega;
            double b2 = omega * omega / (1.0 + omega);
            for (int k = 0; k < n; k++) {
                history[k] = b1 * concentrationPrevious[k] - b2 * concentrationBeforePrevious[k];
            }
        } else {
            a0 = 1.0;
            System.arraycopy(concentrationPrevious, 0, history, 0, n);
        }
        double thermal = DepositionSettings.GAS_CONSTANT * settings.temperature() / FARADAY;
        double cTolerance = settings.couplingTolerance() * bulkConcentration;
        double phiTolerance = settings.couplingTolerance() * thermal;
        int outer;
        boolean converged = false;
        double lastDc = Double.NaN;
        // Nonlinear block Gauss-Seidel: one Newton iteration on (phi_l, phi_s) at the current c,
        // then the linear concentration solve at the new eta, until neither moves.
        for (outer = 1; outer <= settings.maxCouplingIterations(); outer++) {
            // The budget is checked per sweep, so that a long (or non-converging) step cannot overrun
            // it by more than one sweep; step() then restores the state of the last completed step.
            if (hasDeadline && System.nanoTime() - deadlineNanos > 0) {
                throw new WallTimeExceededException("wall-time budget used up during the step from t = " + time
                        + " s (dt = " + dt + " s)", time);
            }
            computeDiffusionSource();
            double dPhi = newtonIteration();
            evaluateKinetics();
            System.arraycopy(concentration, 0, iterate, 0, n);
            solveConcentration(a0 / dt, 1.0 / dt);
            double dc = 0.0;
            for (int k = 0; k < n; k++) {
                dc = Math.max(dc, Math.abs(concentration[k] - iterate[k]));
            }
            lastDc = dc;
            if (dc < cTolerance && dPhi < phiTolerance) {
                converged = true;
                break;
            }
        }
        lastCouplingIterations = Math.min(outer, settings.maxCouplingIterations());
        lastNewtonIterations = lastCouplingIterations;
        if (!converged) {
            throw new DepositionSolverException("the concentration-potential coupling did not converge in "
                    + settings.maxCouplingIterations() + " iterations at t = " + time + " s (dt = " + dt
                    + " s, last concentration change " + lastDc + " mol/m^3)", time);
        }
        computeDiffusionSource();
        evaluateKinetics();
        // The current of the converged solve: it drove this step (charge, Faraday volume) and is the
        // one reported; evaluated again after the interface moves it would differ by the geometry change.
        stepCurrent = totalCurrent();
        charge += stepCurrent * dt;
        double change = 0.0;
        for (int k = 0; k < n; k++) {
            change = Math.max(change, Math.abs(concentration[k] - concentrationPrevious[k]));
        }
        lastConcentrationChange = change;

        // Interface motion with the new currents.
        computeNormalSpeed();
        if (settings.moveInterface()) {
            double h = Math.min(dx, dy);
            int substeps = Math.max(1, (int) Math.ceil(maxNormalSpeed * dt / (0.5 * h)));
            for (int s = 0; s < substeps; s++) {
                transport.stepNormalSpeed(levelSet, normalSpeed, dt / substeps);
            }
            if (settings.reinitialisationSteps() > 0) {
                reinitialisation.reinitialise(levelSet, settings.reinitialisationSteps(), 0.0);
            }
            updateGeometry();
        }

        System.arraycopy(concentrationPrevious, 0, concentrationBeforePrevious, 0, n);
        System.arraycopy(concentration, 0, concentrationPrevious, 0, n);
        previousStep = dt;
        time += dt;
        stepCount++;
        // Currents on the new geometry for the observables and the next step's speed estimate.
        evaluateKinetics();
        computeNormalSpeed();
    }

    /** Samples per side of the normal line over which the interface current is averaged. */
    private static final int NORMAL_SAMPLES = 8;

    /**
     * Interface current density and normal speed in every band cell. The interface current at the
     * cell's closest point {@code x* = x - d n} on the 0.5 contour ({@code d = eps ln(Phi/(1 - Phi))})
     * is the current per unit interface length there, {@code int delta j dn / int delta dn} along the
     * normal line through {@code x*} (17 samples over +-4 eps, bilinear interpolation of
     * {@code delta j} and {@code delta}). With slow kinetics this is simply j at the contour; with fast
     * kinetics the reaction concentrates on the electrolyte side of the diffuse band and the point
     * value would misstate it. The normal speed is {@code v = (M/rho)(-j_int/F)}, positive when plating,
     * constant along normals across the band.
     */
    private void computeNormalSpeed() {
        for (int k = 0; k < n; k++) {
            reaction[k] = delta[k] * current[k];
        }
        double max = 0.0;
        double gradientFloor = 1e-6 / Math.max(dx, dy);
        double stepAlong = 4.0 * eps / NORMAL_SAMPLES;
        for (int k = 0; k < n; k++) {
            if (!band[k]) {
                normalSpeed[k] = 0.0;
                interfaceCurrent[k] = 0.0;
                continue;
            }
            double gx = gradX[k];
            double gy = gradY[k];
            double g = Math.sqrt(gx * gx + gy * gy);
            double nxk = 0.0;
            double nyk = 1.0;
            if (g > gradientFloor) {
                nxk = gx / g;
                nyk = gy / g;
            }
            double p = Math.min(Math.max(levelSet[k], 1e-12), 1.0 - 1e-12);
            double d = eps * Math.log(p / (1.0 - p));
            int i = k % nx;
            int j = k / nx;
            double x = (i + 0.5) * dx - d * nxk;
            double y = (j + 0.5) * dy - d * nyk;
            double sumReaction = 0.0;
            double sumDelta = 0.0;
            for (int q = -NORMAL_SAMPLES; q <= NORMAL_SAMPLES; q++) {
                double t = q * stepAlong;
                double xs = x + t * nxk;
                double ys = y + t * nyk;
                sumReaction += interpolate(reaction, xs, ys);
                sumDelta += interpolate(delta, xs, ys);
            }
            double jInterface = sumDelta > 0.0 ? sumReaction / sumDelta : interpolate(current, x, y);
            interfaceCurrent[k] = jInterface;
            double v = molarVolume * (-jInterface / FARADAY);
            normalSpeed[k] = v;
            if (delta[k] * Math.max(dx, dy) > 1e-3) {
                max = Math.max(max, Math.abs(v));
            }
        }
        maxNormalSpeed = max;
    }

    /** Bilinear interpolation of a cell field at (x, y), periodic in x, clamped in y. */
    private double interpolate(double[] field, double x, double y) {
        double fx = x / dx - 0.5;
        double fy = y / dy - 0.5;
        int i0 = (int) Math.floor(fx);
        int j0 = (int) Math.floor(fy);
        double tx = fx - i0;
        double ty = fy - j0;
        if (j0 < 0) {
            j0 = 0;
            ty = 0.0;
        } else if (j0 >= ny - 1) {
            j0 = ny - 2;
            ty = 1.0;
        }
        int ia = Math.floorMod(i0, nx);
        int ib = Math.floorMod(i0 + 1, nx);
        int ra = nx * j0;
        int rb = ra + nx;
        return (1 - ty) * ((1 - tx) * field[ra + ia] + tx * field[ra + ib]) + ty * ((1 - tx) * field[rb + ia] + tx * field[rb + ib]);
    }

    // ------------------------------------------------------------------ observables

    /** Largest normal speed in the interface band [m/s] (for the time-step choice). */
    public double maxNormalSpeed() {
        return maxNormalSpeed;
    }

    /**
     * The observables of the current state.
     */
    public DepositionObservables observables() {
        double[] heights = LevelSetGeometry.interfaceHeight(grid, levelSet, columnHeights);
        double max = Double.NEGATIVE_INFINITY;
        int tip = -1;
        double sum = 0.0;
        double sumSq = 0.0;
        int count = 0;
        double maxCurrent = 0.0;
        double minC = Double.POSITIVE_INFINITY;
        for (int i = 0; i < nx; i++) {
            double h = heights[i];
            if (Double.isNaN(h)) {
                continue;
            }
            double x = (i + 0.5) * dx;
            count++;
            sum += h;
            sumSq += h * h;
            if (h > max) {
                max = h;
                tip = i;
            }
            maxCurrent = Math.max(maxCurrent, Math.abs(interpolate(interfaceCurrent, x, h)));
            minC = Math.min(minC, interpolate(concentration, x, h));
        }
        double mean = count > 0 ? sum / count : Double.NaN;
        double std = count > 0 ? Math.sqrt(Math.max(sumSq / count - mean * mean, 0.0)) : Double.NaN;
        double sumDelta = 0.0;
        for (int k = 0; k < n; k++) {
            sumDelta += delta[k];
        }
        double meanCurrent = sumDelta > 0 ? totalCurrent() / (sumDelta * cellArea) : Double.NaN;
        if (meanCurrent == 0.0) {
            // no net current (e.g. potentiostatic at equilibrium): the amplification over the mean
            // magnitude, 1 when the interface carries no current at all (never 0/0 = NaN in the CSV)
            double sumAbs = 0.0;
            for (int k = 0; k < n; k++) {
                sumAbs += delta[k] * Math.abs(interfaceCurrent[k]);
            }
            meanCurrent = sumAbs / sumDelta;
            if (meanCurrent == 0.0) {
                meanCurrent = maxCurrent == 0.0 ? 1.0 : meanCurrent;
                maxCurrent = maxCurrent == 0.0 ? 1.0 : maxCurrent;
            }
        }
        double tipVelocity = Double.NaN;
        if (tip >= 0) {
            tipVelocity = molarVolume * (-interpolate(interfaceCurrent, (tip + 0.5) * dx, max) / FARADAY);
        }
        double deposited = depositArea() - initialDepositArea;
        double faraday = molarVolume * (0.0 - charge) / FARADAY; // 0 - 0 = +0, not -0
        return new DepositionObservables(time, max - baseLevel, mean - baseLevel, std, tipVelocity,
                maxCurrent / Math.abs(meanCurrent), minC, electrodePotential, deposited, faraday, stepCurrent,
                lastCouplingIterations);
    }

    // ------------------------------------------------------------------ accessors

    /** The settings. */
    public DepositionSettings settings() {
        return settings;
    }

    /** The grid. */
    public CartesianGrid2D grid() {
        return grid;
    }

    /** Simulated time [s]. */
    public double time() {
        return time;
    }

    /** Steps taken. */
    public int stepCount() {
        return stepCount;
    }

    /** Level set Phi (live array; do not modify). */
    public double[] levelSet() {
        return levelSet;
    }

    /** Salt concentration [mol/m^3] (live array). */
    public double[] concentration() {
        return concentration;
    }

    /** Electrolyte potential phi_l [V] (live array). */
    public double[] potential() {
        return potential;
    }

    /** Local interfacial current density j [A/m^2] in the band, 0 elsewhere (live array). */
    public double[] localCurrent() {
        return current;
    }

    /** Volumetric reaction current delta j [A/m^3] into {@code out}. */
    public double[] reactionCurrent(double[] out) {
        for (int k = 0; k < n; k++) {
            out[k] = delta[k] * current[k];
        }
        return out;
    }

    /** Electrode potential phi_s against the reservoir [V]. */
    public double electrodePotential() {
        return electrodePotential;
    }

    /** Interface length per unit depth as seen by the transport, sum |grad Phi| dA [m]. */
    public double interfaceLength() {
        return interfaceLength;
    }

    /** Local current density j (cell values, Butler-Volmer at the cell's phi_l and c) interpolated at (x, y) [A/m^2]. */
    public double currentAt(double x, double y) {
        return interpolate(current, x, y);
    }

    /**
     * Interface current density (current per unit interface length, averaged across the diffuse band
     * along the normal) at a point on or near the interface [A/m^2].
     */
    public double interfaceCurrentAt(double x, double y) {
        return interpolate(interfaceCurrent, x, y);
    }

    /** Interface current density per band cell [A/m^2] (live array, 0 outside the band). */
    public double[] interfaceCurrent() {
        return interfaceCurrent;
    }

    /** Concentration interpolated at (x, y) [mol/m^3]. */
    public double concentrationAt(double x, double y) {
        return interpolate(concentration, x, y);
    }

    /** Interface height per column (topmost 0.5 crossing) [m] above the bottom wall into {@code out} (length nx). */
    public double[] interfaceHeights(double[] out) {
        return LevelSetGeometry.interfaceHeight(grid, levelSet, out);
    }

    /** Charge passed per unit depth [C/m], negative when plating. */
    public double charge() {
        return charge;
    }

    /**
     * Total interfacial current per unit depth of the converged solve that drove the last step (at
     * t = 0, of the initial solve) [A/m]; galvanostatic: the applied current to solver tolerance.
     */
    public double stepCurrent() {
        return stepCurrent;
    }

    /** Largest change of the concentration in a cell during the last step [mol/m^3] (NaN before the first). */
    public double lastConcentrationChange() {
        return lastConcentrationChange;
    }

    /**
     * Sets the wall-clock deadline ({@link System#nanoTime()} value) checked at every coupling sweep;
     * a step that reaches it throws {@link WallTimeExceededException} with the state restored.
     */
    public void setDeadline(long nanoTime) {
        deadlineNanos = nanoTime;
        hasDeadline = true;
    }

    /** Coupling (block Gauss-Seidel) iterations of the last step. */
    public int lastCouplingIterations() {
        return lastCouplingIterations;
    }

    /** Newton iterations of the last potential solve. */
    public int lastNewtonIterations() {
        return lastNewtonIterations;
    }

    /** Multigrid-CG solves so far. */
    public long linearSolves() {
        return linearSolves;
    }

    /** Multigrid-CG iterations so far. */
    public long linearIterations() {
        return linearIterations;
    }
}
