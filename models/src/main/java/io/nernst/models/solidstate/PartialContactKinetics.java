package io.nernst.models.solidstate;

import io.nernst.models.assembly.JacobianRecorder;
import io.nernst.models.kinetics.Kinetics;
import io.nernst.models.materials.Constants;
import io.nernst.models.materials.DifferentiableFunction;

/**
 * The coupling of a {@link PartialContactParticle} to its surroundings through interfacial
 * kinetics, the piece a cell model needs to use the particle at each point of an electrode
 * (and {@link PartialContactCharge} uses on its own). Each cap sector j exchanges
 * <pre>  j_j = BV(dphi - U(c_R,j / c_max) - j_j r_film, c_e, c_R,j),   N_j = j_j / F</pre>
 * with one common dphi = phi_s - phi_e and electrolyte concentration c_e at the particle. The
 * film term is optional (r_film = 0 by default; with it the sector equation is solved by
 * Newton for j_j). The cap-area average j = sum_j (A_j / A_cap) j_j is the particle's
 * interfacial current density per contact area, the quantity a porous-electrode charge balance
 * takes as a j with a = 3 eps theta / R.
 *
 * <p>{@link #evaluate} computes the sector fluxes and their partial derivatives with respect to
 * c_R,j, dphi and c_e into arrays the caller reads; {@link #addParticleFluxEntries} adds the
 * dependence of the particle's rows on its own surface concentrations, and
 * {@link #addParticleRowsDependence} their dependence on an outside unknown (a potential that
 * enters dphi with sign +1 or -1, or c_e). Allocation-free.
 */
public final class PartialContactKinetics {
    private final PartialContactParticle particle;
    private final DifferentiableFunction openCircuitPotential;
    private final Kinetics kinetics;
    private final double[] areaShare;
    private final double[] sectorFlux;
    private final double[] fluxBySurface;
    private final double[] fluxByPotential;
    private final double[] fluxByElectrolyte;
    private final double[] out = new double[4];
    private double filmResistance;
    private double meanCurrent;

    public PartialContactKinetics(PartialContactParticle particle, DifferentiableFunction openCircuitPotential, Kinetics kinetics) {
        this.particle = particle;
        this.openCircuitPotential = openCircuitPotential;
        this.kinetics = kinetics;
        int cap = particle.capSectors();
        this.areaShare = new double[cap];
        double total = 0.0;
        for (int j = 0; j < cap; j++) {
            total += particle.sectorSurfaceArea(j);
        }
        for (int j = 0; j < cap; j++) {
            areaShare[j] = particle.sectorSurfaceArea(j) / total;
        }
        this.sectorFlux = new double[particle.sectors()];
        this.fluxBySurface = new double[cap];
        this.fluxByPotential = new double[cap];
        this.fluxByElectrolyte = new double[cap];
    }

    /** Sets a film resistance r [ohm m2 of contact] in series with the kinetics (e.g. from {@link InterphaseGrowth}). */
    public void setFilmResistance(double resistance) {
        if (!(resistance >= 0) || !Double.isFinite(resistance)) {
            throw new IllegalArgumentException("film resistance must be finite and >= 0 ohm m2, got " + resistance);
        }
        this.filmResistance = resistance;
    }

    public double filmResistance() {
        return filmResistance;
    }

    public PartialContactParticle particle() {
        return particle;
    }

    /** Contact-area share A_j / A_cap of cap sector j. */
    public double areaShare(int sector) {
        return areaShare[sector];
    }

    /**
     * Evaluates the sector fluxes of the block at {@code offset} and their derivatives; returns
     * the cap-average current density j [A/m2 of contact].
     */
    public double evaluate(double[] y, int offset, double potentialDifference, double electrolyteConcentration, double temperature) {
        double cmax = particle.maximumConcentration();
        double mean = 0.0;
        for (int j = 0; j < particle.capSectors(); j++) {
            double cs = y[offset + particle.surfaceIndex(j)];
            double x = cs / cmax;
            double open = potentialDifference - openCircuitPotential.value(x, temperature);
            double current;
            double dj;
            if (filmResistance == 0.0) {
                kinetics.evaluate(open, electrolyteConcentration, cs, temperature, out);
                current = out[0];
                dj = 1.0;
            } else {
                // j = BV(open - j r): Newton from the film-free value; dj/d(open) = g' / (1 + r g')
                current = 0.0;
                for (int it = 0; it < 50; it++) {
                    kinetics.evaluate(open - current * filmResistance, electrolyteConcentration, cs, temperature, out);
                    double f = out[0] - current;
                    double step = f / (1.0 + filmResistance * out[1]);
                    current += step;
                    if (Math.abs(step) <= 1e-13 * (Math.abs(current) + 1e-30)) {
                        break;
                    }
                }
                kinetics.evaluate(open - current * filmResistance, electrolyteConcentration, cs, temperature, out);
                dj = 1.0 / (1.0 + filmResistance * out[1]);
            }
            double djDopen = out[1] * dj;
            sectorFlux[j] = current / Constants.FARADAY;
            fluxByPotential[j] = djDopen / Constants.FARADAY;
            fluxBySurface[j] = (djDopen * (-openCircuitPotential.derivative(x, temperature) / cmax) + out[3] * dj) / Constants.FARADAY;
            fluxByElectrolyte[j] = out[2] * dj / Constants.FARADAY;
            mean += areaShare[j] * current;
        }
        for (int j = particle.capSectors(); j < particle.sectors(); j++) {
            sectorFlux[j] = 0.0;
        }
        meanCurrent = mean;
        return mean;
    }

    /** Sector fluxes of the last {@link #evaluate} [mol/(m2 s)] (live array: read only). */
    public double[] sectorFluxes() {
        return sectorFlux;
    }

    /** Cap-average current density of the last evaluation [A/m2]. */
    public double meanCurrent() {
        return meanCurrent;
    }

    /** d(mean current)/d(dphi) [A/(m2 V)] at the last evaluation. */
    public double meanCurrentByPotential() {
        double s = 0.0;
        for (int j = 0; j < areaShare.length; j++) {
            s += areaShare[j] * fluxByPotential[j];
        }
        return s * Constants.FARADAY;
    }

    /** d(mean current)/d(c_e) at the last evaluation. */
    public double meanCurrentByElectrolyte() {
        double s = 0.0;
        for (int j = 0; j < areaShare.length; j++) {
            s += areaShare[j] * fluxByElectrolyte[j];
        }
        return s * Constants.FARADAY;
    }

    /** d(mean current)/d(c_R,j) at the last evaluation. */
    public double meanCurrentBySurface(int sector) {
        return areaShare[sector] * fluxBySurface[sector] * Constants.FARADAY;
    }

    /**
     * Adds to the particle's rows (block at {@code offset}) the dependence of the sector fluxes on
     * the sectors' own surface concentrations. Call after {@link #evaluate} and the particle's
     * own {@link PartialContactParticle#jacobian}; the add sequence depends only on the mesh.
     */
    public void addParticleFluxEntries(double[] y, int offset, double temperature, JacobianRecorder jac) {
        double outer = particle.outerShellFluxSensitivity();
        for (int j = 0; j < particle.capSectors(); j++) {
            int s = offset + particle.surfaceIndex(j);
            jac.add(offset + particle.outerShellIndex(j), s, outer * fluxBySurface[j]);
            jac.add(s, s, particle.surfaceFluxSensitivity(y[s], temperature) * fluxBySurface[j]);
        }
    }

    /**
     * Adds to the particle's rows their dependence on an outside unknown in column {@code column}
     * that changes dphi by {@code potentialCoefficient} per unit (+1 for phi_s, -1 for phi_e,
     * 0 for none) and c_e by {@code electrolyteCoefficient} per unit.
     */
    public void addParticleRowsDependence(double[] y, int offset, int column, double potentialCoefficient,
                                          double electrolyteCoefficient, double temperature, JacobianRecorder jac) {
        double outer = particle.outerShellFluxSensitivity();
        for (int j = 0; j < particle.capSectors(); j++) {
            int s = offset + particle.surfaceIndex(j);
            double dn = potentialCoefficient * fluxByPotential[j] + electrolyteCoefficient * fluxByElectrolyte[j];
            jac.add(offset + particle.outerShellIndex(j), column, outer * dn);
            jac.add(s, column, particle.surfaceFluxSensitivity(y[s], temperature) * dn);
        }
    }
}
