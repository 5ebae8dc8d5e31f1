package io.nernst.models.solidstate;

import io.nernst.models.assembly.JacobianRecorder;
import io.nernst.models.kinetics.Kinetics;
import io.nernst.models.materials.Constants;
import io.nernst.models.materials.DifferentiableFunction;
import io.nernst.solvers.dae.DaeSystem;
import io.nernst.solvers.sparse.CsrMatrix;

/**
 * One partially contacted particle under galvanostatic control, as a {@link DaeSystem} for the
 * project's BDF integrator: the {@link PartialContactParticle} block followed by one algebraic
 * unknown, the interface potential difference dphi = phi_s - phi_e [V] (the particle's
 * potential versus a Li reference in the electrolyte at its surface).
 *
 * <p>Two boundary modes:
 * <ul>
 * <li>{@link Mode#KINETIC}: each cap sector exchanges j_j = BV(dphi - U(x_R,j), c_e, c_R,j) / F
 *     (physics.md section 2) with one common dphi; the extra row makes the cap-area average of
 *     j_j equal the applied current density. Where the cap surface delithiates faster, U rises
 *     there and the current shifts to the rest of the cap, as in a real contact patch.</li>
 * <li>{@link Mode#UNIFORM_FLUX}: the cap flux is the applied one, uniform (the linear problem with
 *     a closed form, used for verification); dphi is then the cap-area average of U(x_R,j).</li>
 * </ul>
 * Current densities are per contact area, positive anodic (delithiation, i.e. charging a
 * cathode particle; physics.md section 0). The electrolyte at the cap is held at concentration
 * c_e (a single-ion conductor, or a polymer without concentration polarisation at particle scale).
 */
public final class PartialContactCharge implements DaeSystem {

    /** How the cap flux is set. */
    public enum Mode {
        /** Butler-Volmer per cap sector with a common potential difference. */
        KINETIC,
        /** Prescribed uniform flux on the cap. */
        UNIFORM_FLUX
    }

    private final PartialContactParticle particle;
    private final DifferentiableFunction openCircuitPotential;
    private final Kinetics kinetics;
    private final double electrolyteConcentration;
    private final double temperature;
    private final Mode mode;
    private final int potentialIndex;
    private final int dimension;
    private final double[] sectorFlux;
    private final double[] areaShare;
    private final PartialContactKinetics coupling;
    private final JacobianRecorder recorder = new JacobianRecorder();
    private final CsrMatrix pattern;
    private double appliedCurrentDensity;

    /**
     * @param particle                 the discretised particle
     * @param openCircuitPotential     U(stoichiometry, T) [V vs Li]
     * @param kinetics                 interfacial rate law (used in {@link Mode#KINETIC})
     * @param electrolyteConcentration Li+ concentration at the cap [mol/m3]
     * @param temperature              T [K]
     * @param mode                     boundary mode
     */
    public PartialContactCharge(PartialContactParticle particle, DifferentiableFunction openCircuitPotential, Kinetics kinetics,
                                double electrolyteConcentration, double temperature, Mode mode) {
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be finite and > 0 K, got " + temperature);
        }
        if (!(electrolyteConcentration > 0)) {
            throw new IllegalArgumentException("electrolyte concentration must be > 0 mol/m3, got " + electrolyteConcentration);
        }
        this.particle = particle;
        this.openCircuitPotential = openCircuitPotential;
        this.kinetics = kinetics;
        this.electrolyteConcentration = electrolyteConcentration;
        this.temperature = temperature;
        this.mode = mode;
        this.potentialIndex = particle.unknowns();
        this.dimension = potentialIndex + 1;
        this.sectorFlux = new double[particle.sectors()];
        this.coupling = new PartialContactKinetics(particle, openCircuitPotential, kinetics);
        this.areaShare = new double[particle.capSectors()];
        double cap = 0.0;
        for (int j = 0; j < areaShare.length; j++) {
            cap += particle.sectorSurfaceArea(j);
        }
        for (int j = 0; j < areaShare.length; j++) {
            areaShare[j] = particle.sectorSurfaceArea(j) / cap;
        }
        double[] y = new double[dimension];
        particle.fill(y, 0, 0.5 * particle.maximumConcentration());
        y[potentialIndex] = openCircuitPotential.value(0.5, temperature);
        recorder.startRecording();
        jacobianEntries(y, 1.0);
        this.pattern = recorder.finishRecording(dimension);
    }

    public PartialContactParticle particle() {
        return particle;
    }

    public Mode mode() {
        return mode;
    }

    public double temperature() {
        return temperature;
    }

    /** Index of the potential-difference unknown. */
    public int potentialIndex() {
        return potentialIndex;
    }

    /** Sets the applied current density per contact area [A/m2], positive on delithiation. */
    public void setAppliedCurrentDensity(double currentDensity) {
        if (!Double.isFinite(currentDensity)) {
            throw new IllegalArgumentException("applied current density must be finite, got " + currentDensity);
        }
        this.appliedCurrentDensity = currentDensity;
    }

    public double appliedCurrentDensity() {
        return appliedCurrentDensity;
    }

    /** Total particle current [A] at the applied current density (positive on delithiation). */
    public double particleCurrent() {
        return appliedCurrentDensity * particle.contactArea();
    }

    /**
     * The applied current density per contact area [A/m2] that (de)lithiates a stoichiometry
     * span {@code stoichiometryPerHourAt1C} in one hour at C-rate 1, times {@code cRate}.
     */
    public double currentDensityForCRate(double cRate, double stoichiometryPerHourAt1C) {
        double molesPerHour = particle.particleVolume() * particle.maximumConcentration() * stoichiometryPerHourAt1C * cRate;
        return molesPerHour * Constants.FARADAY / 3600.0 / particle.contactArea();
    }

    /** A state with uniform stoichiometry x0 and the potential consistent with the applied current. */
    public double[] initialState(double stoichiometry) {
        double[] y = new double[dimension];
        double c0 = stoichiometry * particle.maximumConcentration();
        particle.fill(y, 0, c0);
        double u = openCircuitPotential.value(stoichiometry, temperature);
        y[potentialIndex] = mode == Mode.KINETIC
                ? u + kinetics.overpotential(appliedCurrentDensity, electrolyteConcentration, c0, temperature)
                        + appliedCurrentDensity * coupling.filmResistance() : u;
        return y;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public boolean isAlgebraic(int component) {
        if (component == potentialIndex) {
            return true;
        }
        return component % (particle.shells() + 1) == particle.shells();
    }

    /** Fills the sector fluxes; returns the cap-average current density (KINETIC mode). */
    private double fluxes(double[] y) {
        if (mode == Mode.UNIFORM_FLUX) {
            java.util.Arrays.fill(sectorFlux, 0.0);
            double n = appliedCurrentDensity / Constants.FARADAY;
            for (int j = 0; j < particle.capSectors(); j++) {
                sectorFlux[j] = n;
            }
            return appliedCurrentDensity;
        }
        double mean = coupling.evaluate(y, 0, y[potentialIndex], electrolyteConcentration, temperature);
        System.arraycopy(coupling.sectorFluxes(), 0, sectorFlux, 0, sectorFlux.length);
        return mean;
    }

    /** The kinetic coupling (film resistance, derivatives) used in {@link Mode#KINETIC}. */
    public PartialContactKinetics coupling() {
        return coupling;
    }

    @Override
    public void residual(double t, double[] y, double[] yDot, double[] residual) {
        double mean = fluxes(y);
        particle.residual(y, yDot, 0, sectorFlux, temperature, residual);
        int cap = particle.capSectors();
        double cmax = particle.maximumConcentration();
        if (mode == Mode.UNIFORM_FLUX) {
            double u = 0.0;
            for (int j = 0; j < cap; j++) {
                u += areaShare[j] * openCircuitPotential.value(y[particle.surfaceIndex(j)] / cmax, temperature);
            }
            residual[potentialIndex] = y[potentialIndex] - u;
        } else {
            residual[potentialIndex] = mean - appliedCurrentDensity;
        }
    }

    @Override
    public CsrMatrix jacobianPattern() {
        return pattern;
    }

    @Override
    public boolean hasAnalyticJacobian() {
        return true;
    }

    @Override
    public void jacobian(double t, double[] y, double[] yDot, double cj, CsrMatrix jacobian) {
        recorder.begin(jacobian);
        jacobianEntries(y, cj);
        recorder.end();
    }

    private void jacobianEntries(double[] y, double cj) {
        fluxes(y);
        particle.jacobian(y, 0, sectorFlux, temperature, cj, recorder);
        int cap = particle.capSectors();
        double cmax = particle.maximumConcentration();
        int p = potentialIndex;
        if (mode == Mode.UNIFORM_FLUX) {
            recorder.add(p, p, 1.0);
            for (int j = 0; j < cap; j++) {
                int s = particle.surfaceIndex(j);
                recorder.add(p, s, -areaShare[j] * openCircuitPotential.derivative(y[s] / cmax, temperature) / cmax);
            }
            return;
        }
        coupling.addParticleFluxEntries(y, 0, temperature, recorder);
        coupling.addParticleRowsDependence(y, 0, p, 1.0, 0.0, temperature, recorder);
        for (int j = 0; j < cap; j++) {
            recorder.add(p, particle.surfaceIndex(j), coupling.meanCurrentBySurface(j));
        }
        recorder.add(p, p, coupling.meanCurrentByPotential());
    }

    /** The potential difference dphi = phi_s - phi_e [V]. */
    public double potential(double[] y) {
        return y[potentialIndex];
    }

    /** Surface stoichiometry of sector j. */
    public double surfaceStoichiometry(double[] y, int sector) {
        return y[particle.surfaceIndex(sector)] / particle.maximumConcentration();
    }

    /** Surface stoichiometry at the centre of the contact (the pole sector). */
    public double contactSurfaceStoichiometry(double[] y) {
        return surfaceStoichiometry(y, 0);
    }

    /** Surface stoichiometry at the far pole (opposite the contact). */
    public double farSurfaceStoichiometry(double[] y) {
        return surfaceStoichiometry(y, particle.sectors() - 1);
    }

    /** Volume-average stoichiometry. */
    public double averageStoichiometry(double[] y) {
        return particle.averageConcentration(y, 0) / particle.maximumConcentration();
    }

    /** Outward flux of each sector at state y [mol/(m2 s)] (copied into {@code out}). */
    public void sectorFluxes(double[] y, double[] out) {
        fluxes(y);
        System.arraycopy(sectorFlux, 0, out, 0, sectorFlux.length);
    }
}
