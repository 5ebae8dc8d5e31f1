package io.nernst.models.electrolyte;

import io.nernst.models.materials.DifferentiableFunction;

/**
 * A single-ion conductor (Li6PS5Cl, Li3InCl6, LLZTO, LAGP): only Li+ moves, t+ = 1, the
 * concentration stays at its initial value and the electrolyte current obeys Ohm's law
 * i_e = -kappa_eff grad phi_e (physics.md section 1).
 */
public record SingleIonConductor(double initialConcentration, DifferentiableFunction conductivity) implements Electrolyte {

    public SingleIonConductor {
        if (!(initialConcentration > 0)) {
            throw new IllegalArgumentException("Li+ concentration must be > 0, got " + initialConcentration);
        }
    }

    @Override
    public ElectrolyteKind kind() {
        return ElectrolyteKind.SINGLE_ION;
    }

    @Override
    public double transferenceNumber() {
        return 1.0;
    }

    @Override
    public double thermodynamicFactor() {
        return 1.0;
    }

    @Override
    public DifferentiableFunction diffusivity() {
        return DifferentiableFunction.constant(0.0);
    }
}
