package io.nernst.models.electrolyte;

import io.nernst.models.materials.DifferentiableFunction;

/**
 * A binary salt in a solvent or polymer (liquid LiPF6 in carbonates, PEO-LiTFSI):
 * concentrated-solution transport with transference number t+ and thermodynamic factor
 * (physics.md section 1; Newman and Thomas-Alyea, Electrochemical Systems, ch. 12).
 */
public record BinaryElectrolyte(double initialConcentration, double transferenceNumber, double thermodynamicFactor,
                                DifferentiableFunction diffusivity, DifferentiableFunction conductivity) implements Electrolyte {

    public BinaryElectrolyte {
        if (!(initialConcentration > 0)) {
            throw new IllegalArgumentException("initial electrolyte concentration must be > 0, got " + initialConcentration);
        }
        if (!(transferenceNumber >= 0 && transferenceNumber < 1)) {
            throw new IllegalArgumentException("transference number of a binary electrolyte must lie in [0, 1), got "
                    + transferenceNumber + " (use a single-ion conductor for t+ = 1)");
        }
        if (!(thermodynamicFactor > 0)) {
            throw new IllegalArgumentException("thermodynamic factor must be > 0, got " + thermodynamicFactor);
        }
    }

    @Override
    public ElectrolyteKind kind() {
        return ElectrolyteKind.BINARY;
    }
}
