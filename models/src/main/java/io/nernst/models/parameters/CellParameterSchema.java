package io.nernst.models.parameters;

import static io.nernst.models.parameters.ParameterNames.*;

import io.nernst.core.parameters.Constraint;
import io.nernst.core.parameters.Domain;
import io.nernst.core.parameters.ParameterSchema;
import io.nernst.core.parameters.ParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every parameter the cell models read, with SI unit, constraint and, for material functions,
 * the state variable and the domain over which the function is checked: stoichiometry x in
 * [0, 1] for particle properties, electrolyte concentration c in [0, 4000] mol/m3 (four times
 * the usual 1 M, beyond which no shipped fit is meant to be used) for electrolyte properties.
 * Parameter files and BPX imports are read against it.
 */
public final class CellParameterSchema {
    /** Stoichiometry domain of particle functions. */
    public static final Domain STOICHIOMETRY = new Domain("x", "1", 0.0, 1.0);
    /** Concentration domain of electrolyte functions [mol/m3]. */
    public static final Domain ELECTROLYTE_CONCENTRATION = new Domain("c", "mol.m-3", 0.0, 4000.0);

    /**
     * Optional thermal parameters (lumped cell; read by the lumped thermal model, kept by BPX
     * import/export); the other thermal names are in {@link ParameterNames}.
     */
    public static final String CELL_THERMAL_CONDUCTIVITY = "Cell thermal conductivity";
    /** Optional: electrode pairs in parallel (BPX); the electrode area parameters hold the total. */
    public static final String ELECTRODE_PAIRS = "Number of electrode pairs connected in parallel to make a cell";
    /** Optional per electrode: the stoichiometry window between the cut-offs (BPX). */
    public static final String MINIMUM_STOICHIOMETRY = "electrode minimum stoichiometry";
    public static final String MAXIMUM_STOICHIOMETRY = "electrode maximum stoichiometry";

    private static final ParameterSchema SCHEMA = build();

    private CellParameterSchema() {
    }

    /** The schema. */
    public static ParameterSchema get() {
        return SCHEMA;
    }

    private static ParameterSchema build() {
        List<ParameterSpec> s = new ArrayList<>();
        s.add(scalar(ELECTRODE_HEIGHT, "m", Constraint.POSITIVE, "electrode height"));
        s.add(scalar(ELECTRODE_WIDTH, "m", Constraint.POSITIVE, "electrode width (height x width = total plate area)"));
        s.add(scalar(NOMINAL_CAPACITY, "A.h", Constraint.POSITIVE, "nominal capacity (defines 1C)"));
        electrodeSpecs(s, NEGATIVE);
        s.add(scalar(SEPARATOR_THICKNESS, "m", Constraint.POSITIVE, "separator thickness"));
        s.add(scalar(SEPARATOR_POROSITY, "1", Constraint.FRACTION, "separator electrolyte volume fraction"));
        s.add(scalar(SEPARATOR_BRUGGEMAN, "1", Constraint.NON_NEGATIVE, "Bruggeman exponent of the separator (f = eps^b)"));
        electrodeSpecs(s, POSITIVE);
        s.add(scalar(INITIAL_ELECTROLYTE_CONCENTRATION, "mol.m-3", Constraint.POSITIVE, "initial salt concentration"));
        s.add(scalar(TRANSFERENCE_NUMBER, "1", Constraint.UNIT_INTERVAL, "cation transference number t+"));
        s.add(scalar(THERMODYNAMIC_FACTOR, "1", Constraint.POSITIVE, "1 + dln f/dln c"));
        s.add(function(ELECTROLYTE_DIFFUSIVITY, "m2.s-1", Constraint.POSITIVE, ELECTROLYTE_CONCENTRATION, "D_e(c, T)"));
        s.add(function(ELECTROLYTE_CONDUCTIVITY, "S.m-1", Constraint.POSITIVE, ELECTROLYTE_CONCENTRATION, "kappa(c, T)"));
        s.add(scalar(REFERENCE_TEMPERATURE, "K", Constraint.POSITIVE, "reference temperature of the Arrhenius laws"));
        s.add(scalar(AMBIENT_TEMPERATURE, "K", Constraint.POSITIVE, "ambient temperature (isothermal models use it)"));
        s.add(scalar(INITIAL_TEMPERATURE, "K", Constraint.POSITIVE, "initial temperature"));
        s.add(scalar(LOWER_CUTOFF, "V", Constraint.POSITIVE, "lower voltage cut-off"));
        s.add(scalar(UPPER_CUTOFF, "V", Constraint.POSITIVE, "upper voltage cut-off"));
        // optional
        for (String side : List.of(NEGATIVE, POSITIVE)) {
            s.add(optional(electrode(side, CONTACT_FRACTION), "1", Constraint.FRACTION, "fraction of particle surface wetted"));
            s.add(optional(electrode(side, MINIMUM_STOICHIOMETRY), "1", Constraint.UNIT_INTERVAL, "stoichiometry at 0 % or 100 % state of charge"));
            s.add(optional(electrode(side, MAXIMUM_STOICHIOMETRY), "1", Constraint.UNIT_INTERVAL, "stoichiometry at 100 % or 0 % state of charge"));
            s.add(new ParameterSpec(electrode(side, OCP_ENTROPIC_CHANGE), "V.K-1", Constraint.ANY, STOICHIOMETRY, false,
                    "dU/dT(stoichiometry) of the " + side.toLowerCase(Locale.ROOT) + " electrode"));
        }
        s.add(optional(METAL_EXCHANGE_CURRENT, "A.m-2", Constraint.POSITIVE, "planar lithium-metal anode: i0 at the initial c_e"));
        s.add(optional(METAL_OCP, "V", Constraint.ANY, "planar metal anode: OCP versus Li/Li+"));
        s.add(optional(METAL_CHARGE_TRANSFER_COEFFICIENT, "1", Constraint.UNIT_INTERVAL, "planar metal anode: cathodic alpha"));
        compositeSpecs(s);
        s.add(optional(ELECTRODE_PAIRS, "1", Constraint.POSITIVE, "electrode pairs in parallel (information; the area is the total)"));
        s.add(optional(CELL_DENSITY, "kg.m-3", Constraint.POSITIVE, "lumped cell density"));
        s.add(optional(CELL_SPECIFIC_HEAT_CAPACITY, "J.kg-1.K-1", Constraint.POSITIVE, "lumped specific heat capacity"));
        s.add(optional(CELL_THERMAL_CONDUCTIVITY, "W.m-1.K-1", Constraint.POSITIVE, "lumped thermal conductivity"));
        s.add(optional(CELL_EXTERNAL_SURFACE_AREA, "m2", Constraint.POSITIVE, "external (cooling) surface area"));
        s.add(optional(CELL_VOLUME, "m3", Constraint.POSITIVE, "cell volume"));
        s.add(optional(HEAT_TRANSFER_COEFFICIENT, "W.m-2.K-1", Constraint.NON_NEGATIVE, "total heat transfer coefficient to ambient"));
        return new ParameterSchema(s);
    }

    /** The composite positive electrode (model.positive: composite): all optional for the schema, required by the component. */
    private static void compositeSpecs(List<ParameterSpec> s) {
        s.add(optional(COMPOSITE_ACTIVE_MASS_FRACTION, "1", Constraint.FRACTION, "composite: active-material mass fraction"));
        s.add(optional(COMPOSITE_CARBON_MASS_FRACTION, "1", Constraint.UNIT_INTERVAL, "composite: carbon mass fraction"));
        s.add(optional(COMPOSITE_ACTIVE_DENSITY, "kg.m-3", Constraint.POSITIVE, "composite: active-material density"));
        s.add(optional(COMPOSITE_CATHOLYTE_DENSITY, "kg.m-3", Constraint.POSITIVE, "composite: catholyte density"));
        s.add(optional(COMPOSITE_CARBON_DENSITY, "kg.m-3", Constraint.POSITIVE, "composite: carbon density"));
        s.add(optional(COMPOSITE_POROSITY, "1", Constraint.UNIT_INTERVAL, "composite: void fraction"));
        s.add(optional(COMPOSITE_ACTIVE_LOADING, "kg.m-2", Constraint.POSITIVE, "composite: active-material areal mass"));
        s.add(new ParameterSpec(COMPOSITE_CATHOLYTE_CONDUCTIVITY, "S.m-1", Constraint.POSITIVE, ELECTROLYTE_CONCENTRATION, false,
                "composite: bulk catholyte conductivity sigma(T)"));
        s.add(optional(COMPOSITE_IONIC_THRESHOLD, "1", Constraint.UNIT_INTERVAL, "composite: ionic percolation threshold"));
        s.add(optional(COMPOSITE_IONIC_EXPONENT, "1", Constraint.POSITIVE, "composite: ionic percolation exponent"));
        s.add(new ParameterSpec(COMPOSITE_ACTIVE_CONDUCTIVITY, "S.m-1", Constraint.POSITIVE, STOICHIOMETRY, false,
                "composite: electronic conductivity of the active material sigma_AM(x)"));
        s.add(optional(COMPOSITE_ELECTRONIC_THRESHOLD, "1", Constraint.UNIT_INTERVAL, "composite: electronic percolation threshold"));
        s.add(optional(COMPOSITE_ELECTRONIC_EXPONENT, "1", Constraint.POSITIVE, "composite: electronic percolation exponent"));
        s.add(optional(COMPOSITE_ELECTRONIC_PREFACTOR, "1", Constraint.POSITIVE, "composite: prefactor A of A (phi - phi_c)^t"));
        s.add(optional(COMPOSITE_UTILISATION_EXPONENT, "1", Constraint.POSITIVE, "composite: exponent of the utilisation closure"));
        s.add(optional(COMPOSITE_UTILISATION, "1", Constraint.FRACTION, "composite: measured utilisation (replaces the closure)"));
        s.add(optional(COMPOSITE_CARBON_CONDUCTIVITY, "S.m-1", Constraint.POSITIVE, "composite: carbon bulk conductivity"));
        s.add(optional(COMPOSITE_CARBON_THRESHOLD, "1", Constraint.UNIT_INTERVAL, "composite: carbon percolation threshold"));
        s.add(optional(COMPOSITE_CARBON_EXPONENT, "1", Constraint.POSITIVE, "composite: carbon percolation exponent"));
        s.add(optional(COMPOSITE_FILM_RESISTANCE, "ohm.m2", Constraint.NON_NEGATIVE, "film resistance in series with Butler-Volmer"));
    }

    private static void electrodeSpecs(List<ParameterSpec> s, String side) {
        String w = side.toLowerCase(Locale.ROOT);
        // Required only by the component that reads them: a planar (Li, Li-In) anode needs no
        // negative-electrode block, a composite cathode (model.positive: composite) derives its
        // geometry and closures from its composition. A missing one is named when read.
        boolean geometryOptional = true;
        boolean materialOptional = side.equals(NEGATIVE);
        s.add(spec(geometryOptional, electrode(side, THICKNESS), "m", Constraint.POSITIVE, w + " electrode thickness"));
        s.add(spec(geometryOptional, electrode(side, CONDUCTIVITY), "S.m-1", Constraint.POSITIVE, w + " solid conductivity before the effective-medium factor"));
        s.add(spec(materialOptional, electrode(side, MAXIMUM_CONCENTRATION), "mol.m-3", Constraint.POSITIVE, "c_max of the " + w + " active material"));
        s.add(spec(materialOptional, electrode(side, INITIAL_CONCENTRATION), "mol.m-3", Constraint.POSITIVE, "uniform initial c_s in the " + w + " particles"));
        s.add(new ParameterSpec(electrode(side, PARTICLE_DIFFUSIVITY), "m2.s-1", Constraint.POSITIVE, STOICHIOMETRY, !materialOptional, "D_s(stoichiometry, T)"));
        s.add(new ParameterSpec(electrode(side, OCP), "V", Constraint.ANY, STOICHIOMETRY, !materialOptional, "open-circuit potential U(stoichiometry) versus Li/Li+"));
        s.add(spec(geometryOptional, electrode(side, POROSITY), "1", Constraint.FRACTION, w + " electrolyte volume fraction"));
        s.add(spec(geometryOptional, electrode(side, ACTIVE_FRACTION), "1", Constraint.FRACTION, w + " active material volume fraction"));
        s.add(spec(materialOptional, electrode(side, PARTICLE_RADIUS), "m", Constraint.POSITIVE, w + " particle radius"));
        s.add(spec(geometryOptional, electrode(side, BRUGGEMAN_ELECTROLYTE), "1", Constraint.NON_NEGATIVE, "exponent b of f = eps^b for kappa and D_e"));
        s.add(spec(geometryOptional, electrode(side, BRUGGEMAN_ELECTRODE), "1", Constraint.NON_NEGATIVE, "exponent of (1 - eps) for sigma (0: sigma is effective)"));
        s.add(spec(materialOptional, electrode(side, CHARGE_TRANSFER_COEFFICIENT), "1", Constraint.UNIT_INTERVAL, "cathodic charge-transfer coefficient alpha"));
        s.add(spec(materialOptional, electrode(side, REACTION_RATE_CONSTANT), "A.m-2.(m3.mol-1)^1.5", Constraint.POSITIVE,
                "m_ref in i0 = m_ref sqrt(c_e c_s (c_max - c_s))"));
        s.add(spec(materialOptional, electrode(side, REACTION_ACTIVATION_ENERGY), "J.mol-1", Constraint.NON_NEGATIVE, "activation energy of m_ref"));
    }

    private static ParameterSpec spec(boolean optional, String name, String unit, Constraint c, String description) {
        return new ParameterSpec(name, unit, c, null, !optional, description);
    }

    private static ParameterSpec scalar(String name, String unit, Constraint c, String description) {
        return new ParameterSpec(name, unit, c, null, true, description);
    }

    private static ParameterSpec optional(String name, String unit, Constraint c, String description) {
        return new ParameterSpec(name, unit, c, null, false, description);
    }

    private static ParameterSpec function(String name, String unit, Constraint c, Domain d, String description) {
        return new ParameterSpec(name, unit, c, d, true, description);
    }
}
