package io.nernst.models.electrolyte;

import io.nernst.models.materials.DifferentiableFunction;

/**
 * Transport properties of the electrolyte phase. Properties are bulk values; porous
 * structures scale them with an {@link io.nernst.models.electrode.EffectiveMedium}.
 */
public interface Electrolyte {

    ElectrolyteKind kind();

    /** Initial (and for single-ion conductors permanent) Li+ concentration [mol/m3]. */
    double initialConcentration();

    /** Cation transference number t+ (1 for a single-ion conductor). */
    double transferenceNumber();

    /** Thermodynamic factor 1 + d ln f / d ln c. */
    double thermodynamicFactor();

    /** Salt diffusivity D(c, T) [m2/s] (zero for a single-ion conductor). */
    DifferentiableFunction diffusivity();

    /** Ionic conductivity kappa(c, T) [S/m]. */
    DifferentiableFunction conductivity();
}
