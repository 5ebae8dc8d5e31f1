package io.nernst.models.electrode;

import io.nernst.models.kinetics.Kinetics;
import io.nernst.models.materials.DifferentiableFunction;

/**
 * A porous insertion electrode (Doyle, Fuller and Newman, J. Electrochem. Soc. 140 (1993)
 * 1526): spherical particles of radius R and volume fraction eps_am in a matrix whose pores
 * (volume fraction eps) hold the electrolyte.
 *
 * @param thickness               L [m]
 * @param porosity                electrolyte volume fraction eps
 * @param activeMaterialFraction  eps_am
 * @param solidConductingFraction volume fraction of the electron-conducting network (1 - eps
 *                                in the Marquis et al. 2019 comparison)
 * @param particleRadius          R [m]
 * @param contactFraction         theta, the fraction of particle surface wetted by the
 *                                electrolyte (1 for liquid cells; scales a)
 * @param conductivity            bulk solid conductivity sigma [S/m]
 * @param electrolyteMedium       f(eps) for the electrolyte transport properties
 * @param solidMedium             f(phi_s) for sigma
 * @param maximumConcentration    c_max [mol/m3]
 * @param initialConcentration    uniform initial c_s [mol/m3]
 * @param particleDiffusivity     D_s(stoichiometry, T) [m2/s]
 * @param openCircuitPotential    U(stoichiometry, T) [V]
 * @param kinetics                rate law j(eta, c_e, c_s, T)
 */
public record PorousElectrode(double thickness, double porosity, double activeMaterialFraction,
                              double solidConductingFraction, double particleRadius, double contactFraction,
                              double conductivity, EffectiveMedium electrolyteMedium, EffectiveMedium solidMedium,
                              double maximumConcentration, double initialConcentration,
                              DifferentiableFunction particleDiffusivity, DifferentiableFunction openCircuitPotential,
                              Kinetics kinetics) implements Electrode {

    public PorousElectrode {
        require("thickness", thickness, thickness > 0);
        require("porosity", porosity, porosity > 0 && porosity <= 1);
        require("active material volume fraction", activeMaterialFraction, activeMaterialFraction > 0 && activeMaterialFraction <= 1);
        require("porosity + active material volume fraction", porosity + activeMaterialFraction, porosity + activeMaterialFraction <= 1 + 1e-12);
        require("solid conducting fraction", solidConductingFraction, solidConductingFraction >= 0 && solidConductingFraction <= 1);
        require("particle radius", particleRadius, particleRadius > 0);
        require("contact fraction", contactFraction, contactFraction > 0 && contactFraction <= 1);
        require("conductivity", conductivity, conductivity > 0);
        require("maximum concentration", maximumConcentration, maximumConcentration > 0);
        require("initial concentration", initialConcentration, initialConcentration > 0 && initialConcentration < maximumConcentration);
    }

    private static void require(String what, double value, boolean ok) {
        if (!ok || !Double.isFinite(value)) {
            throw new IllegalArgumentException("electrode " + what + " = " + value + " is out of range");
        }
    }

    @Override
    public ElectrodeKind kind() {
        return ElectrodeKind.POROUS;
    }

    /** a = 3 theta eps_am / R [1/m] (physics.md section 4). */
    public double specificInterfacialArea() {
        return 3.0 * contactFraction * activeMaterialFraction / particleRadius;
    }

    /** sigma_eff = sigma f_s(phi_s) [S/m]. */
    public double effectiveConductivity() {
        return conductivity * solidMedium.factor(solidConductingFraction);
    }

    /** f_e(eps), the factor on the electrolyte's kappa and D. */
    public double electrolyteTransportFactor() {
        return electrolyteMedium.factor(porosity);
    }

    /** Lithium capacity of the active material per unit electrode area [C/m2]. */
    public double theoreticalCapacityPerArea() {
        return activeMaterialFraction * thickness * maximumConcentration * io.nernst.models.materials.Constants.FARADAY;
    }
}
