package io.nernst.models.parameters;

import static io.nernst.models.parameters.ParameterNames.*;

import io.nernst.core.parameters.Constraint;
import io.nernst.core.parameters.ParameterSet;
import io.nernst.models.materials.DifferentiableFunction;
import io.nernst.models.materials.GraphiteMcmb2528Ocp;
import io.nernst.models.materials.LiPf6Capiglia1999;
import io.nernst.models.materials.LithiumCobaltOxideOcp;

/**
 * The LiCoO2 | graphite cell of Marquis, Sulzer, Timms, Please and Chapman, "An asymptotic
 * derivation of a single particle model with electrolyte", J. Electrochem. Soc. 166 (2019)
 * A3693, with exactly the values of its COMSOL reference solution
 * (shared/validation/comsol-marquis2019/README.md): 1 m x 1 m electrodes, 1C = 24 A,
 * solid conductivities 126 and 16.6 S/m (the COMSOL values; PyBaMM's Kokam set has 100 and
 * 10), 298.15 K.
 *
 * <p>Activation energies (inactive at 298.15 K, the reference temperature) and the upper
 * cut-off 4.1 V are those of PyBaMM's Marquis2019 set, where the README is silent.
 */
public final class Marquis2019 {
    /** Name of the set in the registry. */
    public static final String NAME = "marquis2019";
    private static final double T_REF = 298.15;

    private Marquis2019() {
    }

    public static ParameterSet create() {
        ParameterSet.Builder b = ParameterSet.builder(NAME);
        b.constant(electrode(NEGATIVE, THICKNESS), 1.0e-4, "m", Constraint.POSITIVE, "negative electrode thickness")
                .constant(SEPARATOR_THICKNESS, 2.5e-5, "m", Constraint.POSITIVE, "separator thickness")
                .constant(electrode(POSITIVE, THICKNESS), 1.0e-4, "m", Constraint.POSITIVE, "positive electrode thickness")
                .constant(ELECTRODE_HEIGHT, 1.0, "m", Constraint.POSITIVE, "electrode height (1 m x 1 m: currents are per m2)")
                .constant(ELECTRODE_WIDTH, 1.0, "m", Constraint.POSITIVE, "electrode width")
                .constant(NOMINAL_CAPACITY, 24.0, "A.h", Constraint.POSITIVE, "nominal capacity: 1C = 24 A for the 1 m2 cell");
        addElectrode(b, NEGATIVE, 126.0, 24983.2619938437, 19986.609595075, 0.3, 0.6, 2.0e-5, 37480.0,
                DifferentiableFunction.constant(3.9e-14).withArrhenius(42770.0, T_REF), new GraphiteMcmb2528Ocp(),
                "graphite (MCMB 2528)");
        b.constant(SEPARATOR_POROSITY, 1.0, "1", Constraint.FRACTION, "separator electrolyte volume fraction")
                .constant(SEPARATOR_BRUGGEMAN, 1.5, "1", Constraint.NON_NEGATIVE, "Bruggeman exponent of the separator");
        addElectrode(b, POSITIVE, 16.6, 51217.9257309275, 30730.7554385565, 0.3, 0.5, 6.0e-7, 39570.0,
                DifferentiableFunction.constant(1.0e-13).withArrhenius(18550.0, T_REF), new LithiumCobaltOxideOcp(),
                "LiCoO2");
        b.constant(INITIAL_ELECTROLYTE_CONCENTRATION, 1000.0, "mol.m-3", Constraint.POSITIVE, "initial LiPF6 concentration")
                .constant(TRANSFERENCE_NUMBER, 0.4, "1", Constraint.UNIT_INTERVAL, "cation transference number t+")
                .constant(THERMODYNAMIC_FACTOR, 1.0, "1", Constraint.POSITIVE, "1 + dln f/dln c")
                .function(ELECTROLYTE_DIFFUSIVITY, LiPf6Capiglia1999.diffusivity()
                        .withArrhenius(LiPf6Capiglia1999.DIFFUSIVITY_ACTIVATION_ENERGY, T_REF), "m2.s-1",
                        "D_e(c, T) = 5.34e-10 exp(-0.65 c/1000), Capiglia 1999")
                .function(ELECTROLYTE_CONDUCTIVITY, LiPf6Capiglia1999.conductivity()
                        .withArrhenius(LiPf6Capiglia1999.CONDUCTIVITY_ACTIVATION_ENERGY, T_REF), "S.m-1",
                        "kappa(c, T), Capiglia 1999 cubic fit")
                .constant(REFERENCE_TEMPERATURE, T_REF, "K", Constraint.POSITIVE, "reference temperature of the Arrhenius laws")
                .constant(AMBIENT_TEMPERATURE, T_REF, "K", Constraint.POSITIVE, "ambient temperature (isothermal models use it)")
                .constant(INITIAL_TEMPERATURE, T_REF, "K", Constraint.POSITIVE, "initial temperature")
                .constant(LOWER_CUTOFF, 3.105, "V", Constraint.POSITIVE, "lower voltage cut-off")
                .constant(UPPER_CUTOFF, 4.1, "V", Constraint.POSITIVE, "upper voltage cut-off (PyBaMM Marquis2019)");
        return b.build();
    }

    private static void addElectrode(ParameterSet.Builder b, String side, double conductivity, double cmax, double c0,
                                  double porosity, double activeFraction, double rateConstant, double activationEnergy,
                                  DifferentiableFunction diffusivity, DifferentiableFunction ocp, String material) {
        String s = side.toLowerCase(java.util.Locale.ROOT);
        b.constant(electrode(side, CONDUCTIVITY), conductivity, "S.m-1", Constraint.POSITIVE, s + " solid conductivity before Bruggeman")
                .constant(electrode(side, MAXIMUM_CONCENTRATION), cmax, "mol.m-3", Constraint.POSITIVE, "maximum lithium concentration in " + material)
                .constant(electrode(side, INITIAL_CONCENTRATION), c0, "mol.m-3", Constraint.POSITIVE, "initial lithium concentration in " + material)
                .function(electrode(side, PARTICLE_DIFFUSIVITY), diffusivity, "m2.s-1", "D_s(stoichiometry, T) of " + material)
                .function(electrode(side, OCP), ocp, "V", "open-circuit potential U(stoichiometry) of " + material)
                .constant(electrode(side, POROSITY), porosity, "1", Constraint.FRACTION, s + " electrolyte volume fraction")
                .constant(electrode(side, ACTIVE_FRACTION), activeFraction, "1", Constraint.FRACTION, s + " active material volume fraction")
                .constant(electrode(side, PARTICLE_RADIUS), 1.0e-5, "m", Constraint.POSITIVE, s + " particle radius")
                .constant(electrode(side, BRUGGEMAN_ELECTROLYTE), 1.5, "1", Constraint.NON_NEGATIVE, "Bruggeman exponent on the porosity for kappa and D_e")
                .constant(electrode(side, BRUGGEMAN_ELECTRODE), 1.5, "1", Constraint.NON_NEGATIVE, "Bruggeman exponent on (1 - porosity) for sigma")
                .constant(electrode(side, CHARGE_TRANSFER_COEFFICIENT), 0.5, "1", Constraint.UNIT_INTERVAL, "cathodic charge-transfer coefficient alpha")
                .constant(electrode(side, REACTION_RATE_CONSTANT), rateConstant, "A.m-2.(m3.mol-1)^1.5",
                        Constraint.POSITIVE, "m_ref in i0 = m_ref sqrt(c_e c_s (c_max - c_s))")
                .constant(electrode(side, REACTION_ACTIVATION_ENERGY), activationEnergy, "J.mol-1", Constraint.NON_NEGATIVE,
                        "activation energy of m_ref (PyBaMM Marquis2019)");
    }
}
