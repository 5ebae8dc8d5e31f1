package io.nernst.models.electrolyte;

import io.nernst.models.assembly.JacobianRecorder;
import io.nernst.models.materials.Constants;
import io.nernst.models.materials.DifferentiableFunction;

/**
 * Electrolyte transport across the cell, discretised once for every model that resolves it in
 * x (SPMe: salt only; DFN: salt and charge): cell-centred finite volumes with two-point face
 * fluxes (physics.md section 4; Doyle, Fuller and Newman 1993)
 * <pre>
 *   salt    eps dc/dt + dN/dx = (1 - t+) a j / F,   N = -D(c) f(eps) dc/dx
 *   charge  d i_e/dx = a j,   i_e = -kappa(c) f(eps) [dphi_e/dx - (2RT/F)(1 - t+) TDF d ln c/dx]
 * </pre>
 * The geometric (Bruggeman) factors f(eps) of the two cells of a face combine as series
 * resistances, 1/(dx_L/(2 f_L) + dx_R/(2 f_R)) - exact flux continuity where f jumps at the
 * electrode/separator interfaces - and D and kappa are taken at the concentration interpolated
 * linearly to the face. Salt rows are in rate form (divided by the cell width), charge rows are
 * currents per area.
 *
 * <p>The electrolyte kind decides the unknowns: a binary electrolyte carries c and phi_e per
 * cell, a single-ion conductor phi_e only (its Li+ concentration is fixed, Ohm's law). A model
 * that does not resolve phi_e (SPMe) passes no potential indices and uses the salt part.
 * Loops over faces allocate nothing and make no interface calls other than the property
 * functions D and kappa.
 */
public final class ElectrolyteTransport {
    private final int cells;
    private final double[] width;
    private final double[] porosity;
    private final double[] faceConductance;
    private final double[] faceWeightLeft;
    private final int[] concentrationIndex;
    private final int[] potentialIndex;
    private final boolean carriesConcentration;
    private final DifferentiableFunction diffusivity;
    private final DifferentiableFunction conductivity;
    private final double constantConcentration;
    private final double transferenceNumber;
    private final double thermodynamicFactor;
    private final double saltSourceFactor;

    /**
     * @param electrolyte        bulk properties
     * @param width              x-cell widths [m]
     * @param porosity           electrolyte volume fraction per cell
     * @param transportFactor    f(eps) per cell
     * @param concentrationIndex unknown index of c per cell (ignored for a single-ion conductor)
     * @param potentialIndex     unknown index of phi_e per cell, or null when phi_e is not resolved
     */
    public ElectrolyteTransport(Electrolyte electrolyte, double[] width, double[] porosity, double[] transportFactor,
                                int[] concentrationIndex, int[] potentialIndex) {
        this.cells = width.length;
        this.width = width.clone();
        this.porosity = porosity.clone();
        this.carriesConcentration = electrolyte.kind() == ElectrolyteKind.BINARY;
        this.concentrationIndex = carriesConcentration ? concentrationIndex.clone() : null;
        this.potentialIndex = potentialIndex == null ? null : potentialIndex.clone();
        if (!carriesConcentration && potentialIndex == null) {
            throw new IllegalArgumentException("a single-ion electrolyte has no concentration unknowns; resolve its potential");
        }
        this.diffusivity = electrolyte.diffusivity();
        this.conductivity = electrolyte.conductivity();
        this.constantConcentration = electrolyte.initialConcentration();
        this.transferenceNumber = electrolyte.transferenceNumber();
        this.thermodynamicFactor = electrolyte.thermodynamicFactor();
        this.saltSourceFactor = (1.0 - transferenceNumber) / Constants.FARADAY;
        faceConductance = new double[cells];
        faceWeightLeft = new double[cells];
        for (int f = 1; f < cells; f++) {
            double dl = 0.5 * width[f - 1];
            double dr = 0.5 * width[f];
            faceConductance[f] = 1.0 / (dl / transportFactor[f - 1] + dr / transportFactor[f]);
            faceWeightLeft[f] = dr / (dl + dr);
        }
    }

    /** True for a binary electrolyte (c is an unknown), false for a single-ion conductor. */
    public boolean carriesConcentration() {
        return carriesConcentration;
    }

    /** Number of x-cells. */
    public int cells() {
        return cells;
    }

    /** Geometric conductance of interior face f (1..cells-1) [1/m]. */
    public double faceConductance(int face) {
        return faceConductance[face];
    }

    /** Weight of the left cell in the face concentration of face f. */
    public double faceWeightLeft(int face) {
        return faceWeightLeft[face];
    }

    /** (1 - t+)/F: salt source per unit volumetric current a j [mol/(A s)]. */
    public double saltSourceFactor() {
        return saltSourceFactor;
    }

    /** D(c, T) [m2/s]. */
    public DifferentiableFunction diffusivity() {
        return diffusivity;
    }

    /** kappa(c, T) [S/m]. */
    public DifferentiableFunction conductivity() {
        return conductivity;
    }

    /** Li+ concentration of a single-ion conductor (and the initial one of a binary salt) [mol/m3]. */
    public double constantConcentration() {
        return constantConcentration;
    }

    /** 2 (R T / F)(1 - t+) TDF [V]: the diffusion-potential factor on ln c (0 for a single-ion conductor). */
    public double diffusionPotentialFactor(double temperature) {
        return carriesConcentration ? 2.0 * Constants.thermalVoltage(temperature) * (1.0 - transferenceNumber) * thermodynamicFactor : 0.0;
    }

    /** Unknown index of c in cell i (-1 for a single-ion conductor). */
    public int concentrationIndex(int cell) {
        return carriesConcentration ? concentrationIndex[cell] : -1;
    }

    /** Electrolyte concentration of cell i in state y. */
    public double concentration(double[] y, int cell) {
        return carriesConcentration ? y[concentrationIndex[cell]] : constantConcentration;
    }

    /** Li+ in the electrolyte per unit plate area, sum eps dx c [mol/m2]. */
    public double lithiumPerArea(double[] y) {
        double s = 0.0;
        for (int i = 0; i < cells; i++) {
            s += porosity[i] * width[i] * concentration(y, i);
        }
        return s;
    }

    /** Salt storage row of cell i with volumetric reaction current a j [A/m3]: eps dc/dt - (1 - t+) a j / F. */
    public void storageResidual(int cell, double[] yDot, double volumetricCurrent, double[] residual) {
        if (carriesConcentration) {
            int ce = concentrationIndex[cell];
            residual[ce] = porosity[cell] * yDot[ce] - saltSourceFactor * volumetricCurrent;
        }
    }

    /** Salt storage row of a cell without reaction (separator). */
    public void storageResidual(int cell, double[] yDot, double[] residual) {
        if (carriesConcentration) {
            int ce = concentrationIndex[cell];
            residual[ce] = porosity[cell] * yDot[ce];
        }
    }

    /** d(storage row)/d(c) = cj eps of cell i. */
    public void storageJacobian(int cell, double cj, JacobianRecorder recorder) {
        if (carriesConcentration) {
            int ce = concentrationIndex[cell];
            recorder.add(ce, ce, cj * porosity[cell]);
        }
    }

    /** Adds the interior face fluxes (salt, and charge when phi_e is resolved) to the residual. */
    public void faceResidual(double[] y, double temperature, double[] residual) {
        if (potentialIndex == null) {
            saltFaces(y, temperature, residual);
        } else if (carriesConcentration) {
            binaryFaces(y, temperature, residual);
        } else {
            ohmicFaces(y, temperature, residual);
        }
    }

    private void saltFaces(double[] y, double temperature, double[] residual) {
        for (int f = 1; f < cells; f++) {
            int l = concentrationIndex[f - 1];
            int r = concentrationIndex[f];
            double cl = y[l];
            double cr = y[r];
            double cf = faceWeightLeft[f] * cl + (1.0 - faceWeightLeft[f]) * cr;
            double flux = -diffusivity.value(cf, temperature) * faceConductance[f] * (cr - cl);
            residual[l] += flux / width[f - 1];
            residual[r] -= flux / width[f];
        }
    }

    private void binaryFaces(double[] y, double temperature, double[] residual) {
        double dpf = diffusionPotentialFactor(temperature);
        for (int f = 1; f < cells; f++) {
            int l = f - 1;
            double g = faceConductance[f];
            double potentialDrop = y[potentialIndex[f]] - y[potentialIndex[l]];
            double cl = y[concentrationIndex[l]];
            double cr = y[concentrationIndex[f]];
            double cf = faceWeightLeft[f] * cl + (1.0 - faceWeightLeft[f]) * cr;
            double saltFlux = -diffusivity.value(cf, temperature) * g * (cr - cl);
            residual[concentrationIndex[l]] += saltFlux / width[l];
            residual[concentrationIndex[f]] -= saltFlux / width[f];
            double ionicCurrent = -conductivity.value(cf, temperature) * g * (potentialDrop - dpf * Math.log(cr / cl));
            residual[potentialIndex[l]] += ionicCurrent;
            residual[potentialIndex[f]] -= ionicCurrent;
        }
    }

    private void ohmicFaces(double[] y, double temperature, double[] residual) {
        double kappa = conductivity.value(constantConcentration, temperature);
        for (int f = 1; f < cells; f++) {
            int l = f - 1;
            double potentialDrop = y[potentialIndex[f]] - y[potentialIndex[l]];
            double ionicCurrent = -kappa * faceConductance[f] * potentialDrop;
            residual[potentialIndex[l]] += ionicCurrent;
            residual[potentialIndex[f]] -= ionicCurrent;
        }
    }

    /**
     * Ohmic heat of the interior faces per unit plate area [W/m2]: sum over faces of
     * -i_e (phi_e,R - phi_e,L), the discrete -i_e . grad phi_e (with its diffusion-potential
     * part), consistent with {@link #faceResidual} term by term.
     */
    public double faceOhmicHeat(double[] y, double temperature) {
        double dpf = diffusionPotentialFactor(temperature);
        double heat = 0.0;
        for (int f = 1; f < cells; f++) {
            int l = f - 1;
            double potentialDrop = y[potentialIndex[f]] - y[potentialIndex[l]];
            double ionicCurrent;
            if (carriesConcentration) {
                double cl = y[concentrationIndex[l]];
                double cr = y[concentrationIndex[f]];
                double cf = faceWeightLeft[f] * cl + (1.0 - faceWeightLeft[f]) * cr;
                ionicCurrent = -conductivity.value(cf, temperature) * faceConductance[f] * (potentialDrop - dpf * Math.log(cr / cl));
            } else {
                ionicCurrent = -conductivity.value(constantConcentration, temperature) * faceConductance[f] * potentialDrop;
            }
            heat -= ionicCurrent * potentialDrop;
        }
        return heat;
    }

    /**
     * Adds scale * d({@link #faceOhmicHeat})/dy into row {@code row}: with
     * h_f = kappa g (dphi - dpf ln(c_R/c_L)) dphi per face.
     */
    public void faceOhmicHeatJacobian(double[] y, double temperature, int row, double scale, JacobianRecorder recorder) {
        double dpf = diffusionPotentialFactor(temperature);
        for (int f = 1; f < cells; f++) {
            int l = f - 1;
            int phiL = potentialIndex[l];
            int phiR = potentialIndex[f];
            double drop = y[phiR] - y[phiL];
            double g = faceConductance[f];
            if (carriesConcentration) {
                int ceL = concentrationIndex[l];
                int ceR = concentrationIndex[f];
                double cl = y[ceL];
                double cr = y[ceR];
                double wl = faceWeightLeft[f];
                double wr = 1.0 - wl;
                double cf = wl * cl + wr * cr;
                double k = conductivity.value(cf, temperature);
                double dk = conductivity.derivative(cf, temperature);
                double drive = drop - dpf * Math.log(cr / cl);
                double dPhi = k * g * (drive + drop);
                recorder.add(row, phiR, scale * dPhi);
                recorder.add(row, phiL, -scale * dPhi);
                recorder.add(row, ceL, scale * g * drop * (dk * wl * drive + k * dpf / cl));
                recorder.add(row, ceR, scale * g * drop * (dk * wr * drive - k * dpf / cr));
            } else {
                double dPhi = 2.0 * conductivity.value(constantConcentration, temperature) * g * drop;
                recorder.add(row, phiR, scale * dPhi);
                recorder.add(row, phiL, -scale * dPhi);
            }
        }
    }

    /**
     * Adds the Jacobian of {@link #faceResidual}; the sequence of add calls depends only on the
     * mesh and the electrolyte kind.
     */
    public void faceJacobian(double[] y, double temperature, JacobianRecorder recorder) {
        if (potentialIndex == null) {
            for (int f = 1; f < cells; f++) {
                saltFaceJacobian(y, temperature, f, recorder);
            }
            return;
        }
        if (!carriesConcentration) {
            double kappa = conductivity.value(constantConcentration, temperature);
            for (int f = 1; f < cells; f++) {
                int phiL = potentialIndex[f - 1];
                int phiR = potentialIndex[f];
                double kg = kappa * faceConductance[f];
                recorder.add(phiL, phiL, kg);
                recorder.add(phiL, phiR, -kg);
                recorder.add(phiR, phiL, -kg);
                recorder.add(phiR, phiR, kg);
            }
            return;
        }
        double dpf = diffusionPotentialFactor(temperature);
        for (int f = 1; f < cells; f++) {
            int l = f - 1;
            double g = faceConductance[f];
            int phiL = potentialIndex[l];
            int phiR = potentialIndex[f];
            double potentialDrop = y[phiR] - y[phiL];
            int ceL = concentrationIndex[l];
            int ceR = concentrationIndex[f];
            double cl = y[ceL];
            double cr = y[ceR];
            double wl = faceWeightLeft[f];
            double wr = 1.0 - wl;
            double cf = wl * cl + wr * cr;
            saltFaceJacobian(y, temperature, f, recorder);
            double k = conductivity.value(cf, temperature);
            double dk = conductivity.derivative(cf, temperature);
            double drive = potentialDrop - dpf * Math.log(cr / cl);
            double dIdCl = -dk * wl * g * drive - k * g * dpf / cl;
            double dIdCr = -dk * wr * g * drive + k * g * dpf / cr;
            recorder.add(phiL, ceL, dIdCl);
            recorder.add(phiL, ceR, dIdCr);
            recorder.add(phiR, ceL, -dIdCl);
            recorder.add(phiR, ceR, -dIdCr);
            double kg = k * g;
            recorder.add(phiL, phiL, kg);
            recorder.add(phiL, phiR, -kg);
            recorder.add(phiR, phiL, -kg);
            recorder.add(phiR, phiR, kg);
        }
    }

    private void saltFaceJacobian(double[] y, double temperature, int f, JacobianRecorder recorder) {
        int l = f - 1;
        int ceL = concentrationIndex[l];
        int ceR = concentrationIndex[f];
        double cl = y[ceL];
        double cr = y[ceR];
        double wl = faceWeightLeft[f];
        double wr = 1.0 - wl;
        double cf = wl * cl + wr * cr;
        double g = faceConductance[f];
        double d = diffusivity.value(cf, temperature);
        double dd = diffusivity.derivative(cf, temperature);
        double dFluxDl = -dd * wl * g * (cr - cl) + d * g;
        double dFluxDr = -dd * wr * g * (cr - cl) - d * g;
        recorder.add(ceL, ceL, dFluxDl / width[l]);
        recorder.add(ceL, ceR, dFluxDr / width[l]);
        recorder.add(ceR, ceL, -dFluxDl / width[f]);
        recorder.add(ceR, ceR, -dFluxDr / width[f]);
    }
}
