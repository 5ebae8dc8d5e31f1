package io.nernst.models.cell;

import io.nernst.models.assembly.JacobianRecorder;
import io.nernst.models.electrode.PlanarMetalElectrode;
import io.nernst.models.electrolyte.ElectrolyteTransport;

/**
 * A planar metal anode (Li, Li-In; physics.md section 4) at x = 0: the x-mesh starts at the
 * separator, and algebraic unknowns at the metal surface carry the interface - the electrolyte
 * potential phi_e,0 and, for a binary electrolyte, the concentration c_0 - with the half-cell
 * flux equations
 * <pre>
 *   -D_e f (c_1 - c_0)/(dx/2) = (1 - t+) j_Li / F
 *   -kappa f [(phi_e,1 - phi_e,0) - (2RT/F)(1 - t+) TDF ln(c_1/c_0)]/(dx/2) = j_Li
 * </pre>
 * where j_Li = BV(0 - phi_e,0 - U_metal, c_0) with the metal grounded: the interface kinetics in
 * series with the separator. The metal's lithium inventory is unlimited.
 */
final class MetalInterface implements NegativeBoundary {
    private final PlanarMetalElectrode metal;
    private final ElectrolyteTransport transport;
    private final boolean carriesConcentration;
    private final int concentration;
    private final int potential;
    private final int firstConcentration;
    private final int firstPotential;
    private final double conductance;
    private final double firstWidth;
    private final double[] work = new double[4];

    /** Interface unknowns: phi_e,0, plus c_0 for a binary electrolyte. */
    static int unknowns(ElectrolyteTransport transport) {
        return transport.carriesConcentration() ? 2 : 1;
    }

    /**
     * @param concentration   index of c_0 (-1 for a single-ion electrolyte)
     * @param potential       index of phi_e,0
     * @param conductance     f(eps) / (dx_0 / 2) of the first cell [1/m]
     * @param firstWidth      dx_0 [m]
     */
    MetalInterface(PlanarMetalElectrode metal, ElectrolyteTransport transport, int concentration, int potential,
                   int firstPotential, double conductance, double firstWidth) {
        this.metal = metal;
        this.transport = transport;
        this.carriesConcentration = transport.carriesConcentration();
        this.concentration = concentration;
        this.potential = potential;
        this.firstConcentration = transport.concentrationIndex(0);
        this.firstPotential = firstPotential;
        this.conductance = conductance;
        this.firstWidth = firstWidth;
    }

    PlanarMetalElectrode metal() {
        return metal;
    }

    int potentialIndex() {
        return potential;
    }

    @Override
    public int unknowns() {
        return carriesConcentration ? 2 : 1;
    }

    @Override
    public void markAlgebraic(boolean[] algebraic) {
        algebraic[potential] = true;
        if (carriesConcentration) {
            algebraic[concentration] = true;
        }
    }

    @Override
    public void initialState(double[] y, double electrolytePotential) {
        y[potential] = electrolytePotential;
        if (carriesConcentration) {
            y[concentration] = transport.constantConcentration();
        }
    }

    /** Electrolyte concentration at the metal surface. */
    double concentration(double[] y) {
        return carriesConcentration ? y[concentration] : transport.constantConcentration();
    }

    /** Interface current density j_Li [A/m2], the metal at potential 0. */
    double reaction(double[] y, double temperature) {
        double eta = -y[potential] - metal.openCircuitPotential();
        return metal.kinetics().current(eta, concentration(y), 0.0, temperature);
    }

    /** Ionic current density through the half cell between the metal and the first x-cell [A/m2]. */
    private double ionicCurrent(double[] y, double temperature) {
        double drop = y[firstPotential] - y[potential];
        if (carriesConcentration) {
            double cIf = y[concentration];
            double c0 = y[firstConcentration];
            return -transport.conductivity().value(cIf, temperature) * conductance
                    * (drop - transport.diffusionPotentialFactor(temperature) * Math.log(c0 / cIf));
        }
        return -transport.conductivity().value(transport.constantConcentration(), temperature) * conductance * drop;
    }

    @Override
    public void residual(double[] y, double temperature, double[] residual) {
        double j = reaction(y, temperature);
        double ionic = ionicCurrent(y, temperature);
        if (carriesConcentration) {
            double cIf = y[concentration];
            double salt = -transport.diffusivity().value(cIf, temperature) * conductance * (y[firstConcentration] - cIf);
            residual[concentration] = salt - transport.saltSourceFactor() * j;
            residual[firstConcentration] -= salt / firstWidth;
        }
        residual[potential] = ionic - j;
        residual[firstPotential] -= ionic;
    }

    @Override
    public void jacobian(double[] y, double temperature, JacobianRecorder recorder) {
        double[] kw = work;
        double eta = -y[potential] - metal.openCircuitPotential();
        metal.kinetics().evaluate(eta, concentration(y), 0.0, temperature, kw);
        double djdEta = kw[1];
        int phi0 = firstPotential;
        int phiIf = potential;
        double g = conductance;
        if (carriesConcentration) {
            double dpf = transport.diffusionPotentialFactor(temperature);
            double ssf = transport.saltSourceFactor();
            double djdC = kw[2];
            int ce0 = firstConcentration;
            int cIf = concentration;
            double c0 = y[ce0];
            double ci = y[cIf];
            double k = transport.conductivity().value(ci, temperature);
            double dk = transport.conductivity().derivative(ci, temperature);
            double drive = (y[phi0] - y[phiIf]) - dpf * Math.log(c0 / ci);
            double kg = k * g;
            double dIonicDc0 = kg * dpf / c0;
            double dIonicDcIf = -dk * g * drive - kg * dpf / ci;
            recorder.add(phiIf, phi0, -kg);
            recorder.add(phiIf, phiIf, kg + djdEta);
            recorder.add(phiIf, ce0, dIonicDc0);
            recorder.add(phiIf, cIf, dIonicDcIf - djdC);
            recorder.add(phi0, phi0, kg);
            recorder.add(phi0, phiIf, -kg);
            recorder.add(phi0, ce0, -dIonicDc0);
            recorder.add(phi0, cIf, -dIonicDcIf);
            double d = transport.diffusivity().value(ci, temperature);
            double dd = transport.diffusivity().derivative(ci, temperature);
            double dSaltDc0 = -d * g;
            double dSaltDcIf = -dd * g * (c0 - ci) + d * g;
            recorder.add(cIf, ce0, dSaltDc0);
            recorder.add(cIf, cIf, dSaltDcIf - ssf * djdC);
            recorder.add(cIf, phiIf, ssf * djdEta);
            recorder.add(ce0, ce0, -dSaltDc0 / firstWidth);
            recorder.add(ce0, cIf, -dSaltDcIf / firstWidth);
        } else {
            double kg = transport.conductivity().value(transport.constantConcentration(), temperature) * g;
            recorder.add(phiIf, phi0, -kg);
            recorder.add(phiIf, phiIf, kg + djdEta);
            recorder.add(phi0, phi0, kg);
            recorder.add(phi0, phiIf, -kg);
        }
    }

    @Override
    public void energyTerms(double[] y, double temperature, double[] terms) {
        double j = reaction(y, temperature);
        double eta = -y[potential] - metal.openCircuitPotential();
        terms[0] += j * eta;
        // the half cell's ionic heat -i (phi_e,1 - phi_e,0)
        terms[3] -= ionicCurrent(y, temperature) * (y[firstPotential] - y[potential]);
        terms[4] += j * metal.openCircuitPotential();
    }

    @Override
    public void heatJacobian(double[] y, double temperature, int row, double scale, JacobianRecorder recorder) {
        double[] kw = work;
        double eta = -y[potential] - metal.openCircuitPotential();
        metal.kinetics().evaluate(eta, concentration(y), 0.0, temperature, kw);
        double j = kw[0];
        // reaction heat j eta, eta = -phi_e,0 - U
        recorder.add(row, potential, -scale * (kw[1] * eta + j));
        double g = conductance;
        double drop = y[firstPotential] - y[potential];
        if (carriesConcentration) {
            recorder.add(row, concentration, scale * kw[2] * eta);
            double dpf = transport.diffusionPotentialFactor(temperature);
            double ci = y[concentration];
            double c0 = y[firstConcentration];
            double k = transport.conductivity().value(ci, temperature);
            double dk = transport.conductivity().derivative(ci, temperature);
            double drive = drop - dpf * Math.log(c0 / ci);
            double dPhi = k * g * (drive + drop);
            recorder.add(row, firstPotential, scale * dPhi);
            recorder.add(row, potential, -scale * dPhi);
            recorder.add(row, firstConcentration, -scale * k * g * drop * dpf / c0);
            recorder.add(row, concentration, scale * g * drop * (dk * drive + k * dpf / ci));
        } else {
            double dPhi = 2.0 * transport.conductivity().value(transport.constantConcentration(), temperature) * g * drop;
            recorder.add(row, firstPotential, scale * dPhi);
            recorder.add(row, potential, -scale * dPhi);
        }
    }
}
