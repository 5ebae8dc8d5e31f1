package io.nernst.models.parameters;

/**
 * Parameter names (PyBaMM style, without the unit suffix; values SI) read by the cell models.
 * Electrode-specific names are built with {@link #electrode(String, String)} from the
 * prefix "Negative"/"Positive".
 */
public final class ParameterNames {
    public static final String NEGATIVE = "Negative";
    public static final String POSITIVE = "Positive";

    public static final String SEPARATOR_THICKNESS = "Separator thickness";
    public static final String SEPARATOR_POROSITY = "Separator porosity";
    public static final String SEPARATOR_BRUGGEMAN = "Separator Bruggeman coefficient (electrolyte)";
    public static final String ELECTRODE_HEIGHT = "Electrode height";
    public static final String ELECTRODE_WIDTH = "Electrode width";
    public static final String NOMINAL_CAPACITY = "Nominal cell capacity";
    public static final String INITIAL_ELECTROLYTE_CONCENTRATION = "Initial concentration in electrolyte";
    public static final String TRANSFERENCE_NUMBER = "Cation transference number";
    public static final String THERMODYNAMIC_FACTOR = "Thermodynamic factor";
    public static final String ELECTROLYTE_DIFFUSIVITY = "Electrolyte diffusivity";
    public static final String ELECTROLYTE_CONDUCTIVITY = "Electrolyte conductivity";
    public static final String REFERENCE_TEMPERATURE = "Reference temperature";
    public static final String AMBIENT_TEMPERATURE = "Ambient temperature";
    public static final String INITIAL_TEMPERATURE = "Initial temperature";
    public static final String LOWER_CUTOFF = "Lower voltage cut-off";
    public static final String UPPER_CUTOFF = "Upper voltage cut-off";

    // Electrode-specific suffixes, used as electrode(NEGATIVE, THICKNESS) etc.
    public static final String THICKNESS = "electrode thickness";
    public static final String POROSITY = "electrode porosity";
    public static final String ACTIVE_FRACTION = "electrode active material volume fraction";
    public static final String PARTICLE_RADIUS = "particle radius";
    public static final String CONDUCTIVITY = "electrode conductivity";
    public static final String BRUGGEMAN_ELECTROLYTE = "electrode Bruggeman coefficient (electrolyte)";
    public static final String BRUGGEMAN_ELECTRODE = "electrode Bruggeman coefficient (electrode)";
    public static final String CHARGE_TRANSFER_COEFFICIENT = "electrode charge transfer coefficient";
    public static final String REACTION_RATE_CONSTANT = "electrode reaction rate constant";
    public static final String REACTION_ACTIVATION_ENERGY = "electrode reaction activation energy";
    public static final String PARTICLE_DIFFUSIVITY = "particle diffusivity";
    public static final String OCP = "electrode OCP";
    public static final String MAXIMUM_CONCENTRATION = "Maximum concentration in %s electrode";
    public static final String INITIAL_CONCENTRATION = "Initial concentration in %s electrode";
    /** Optional: fraction theta of particle surface in contact with the electrolyte (default 1). */
    public static final String CONTACT_FRACTION = "electrode contact fraction";

    /** Planar metal negative electrode: exchange-current density at the initial electrolyte concentration [A/m2]. */
    public static final String METAL_EXCHANGE_CURRENT = "Lithium metal exchange-current density";
    /** Optional: open-circuit potential of the metal versus Li/Li+ [V] (default 0; about 0.62 V for Li-In). */
    public static final String METAL_OCP = "Lithium metal open-circuit potential";
    /** Optional: activation energy of the metal exchange current [J/mol] (default 0: temperature-independent i0). */
    public static final String METAL_ACTIVATION_ENERGY = "Lithium metal exchange-current activation energy";
    /** Optional: cathodic charge-transfer coefficient of the metal interface (default 0.5). */
    public static final String METAL_CHARGE_TRANSFER_COEFFICIENT = "Lithium metal charge transfer coefficient";

    // Composite positive electrode (model.positive: composite; solid-state.md sections 1.2, 1.6, 2.5).
    /** Mass fraction of the active material in the composite (the papers' wt%, e.g. 0.65). */
    public static final String COMPOSITE_ACTIVE_MASS_FRACTION = "Positive electrode active material mass fraction";
    /** Optional: mass fraction of carbon (CNT, carbon black); the catholyte is the rest. */
    public static final String COMPOSITE_CARBON_MASS_FRACTION = "Positive electrode carbon mass fraction";
    public static final String COMPOSITE_ACTIVE_DENSITY = "Positive electrode active material density";
    public static final String COMPOSITE_CATHOLYTE_DENSITY = "Positive electrode catholyte density";
    public static final String COMPOSITE_CARBON_DENSITY = "Positive electrode carbon density";
    /** Void fraction of the composite (voids conduct nothing in a solid-state cell). */
    public static final String COMPOSITE_POROSITY = "Positive electrode composite porosity";
    /** Optional: areal mass of the active material; without it "Positive electrode thickness" is read. */
    public static final String COMPOSITE_ACTIVE_LOADING = "Positive electrode active material loading";
    /** Bulk ionic conductivity of the catholyte (may carry an activation energy). */
    public static final String COMPOSITE_CATHOLYTE_CONDUCTIVITY = "Positive electrode catholyte conductivity";
    public static final String COMPOSITE_IONIC_THRESHOLD = "Positive electrode ionic percolation threshold";
    public static final String COMPOSITE_IONIC_EXPONENT = "Positive electrode ionic percolation exponent";
    /** sigma_AM(x) of the active material as a function of stoichiometry. */
    public static final String COMPOSITE_ACTIVE_CONDUCTIVITY = "Positive electrode active material conductivity";
    public static final String COMPOSITE_ELECTRONIC_THRESHOLD = "Positive electrode electronic percolation threshold";
    public static final String COMPOSITE_ELECTRONIC_EXPONENT = "Positive electrode electronic percolation exponent";
    /** Optional prefactor A of f = A (phi - phi_c)^t (Minnmann fit form); without it f = ((phi - phi_c)/(1 - phi_c))^t. */
    public static final String COMPOSITE_ELECTRONIC_PREFACTOR = "Positive electrode electronic percolation prefactor";
    /** Optional: exponent of the utilisation closure (default 0.41, Bielefeld 2019). */
    public static final String COMPOSITE_UTILISATION_EXPONENT = "Positive electrode utilisation exponent";
    /** Optional: measured fraction of the active material in the electronic network; replaces the closure. */
    public static final String COMPOSITE_UTILISATION = "Positive electrode utilisation";
    public static final String COMPOSITE_CARBON_CONDUCTIVITY = "Positive electrode carbon conductivity";
    public static final String COMPOSITE_CARBON_THRESHOLD = "Positive electrode carbon percolation threshold";
    public static final String COMPOSITE_CARBON_EXPONENT = "Positive electrode carbon percolation exponent";
    /** Optional: area-specific film resistance in series with Butler-Volmer at the active material [ohm.m2]. */
    public static final String COMPOSITE_FILM_RESISTANCE = "Positive electrode film resistance";

    // Lumped thermal model (BPX "Cell" thermal block; PyBaMM names where they exist).
    /** Cell mass density [kg.m-3] (BPX "Density"). */
    public static final String CELL_DENSITY = "Cell density";
    /** Cell specific heat capacity [J.kg-1.K-1] (BPX "Specific heat capacity"). */
    public static final String CELL_SPECIFIC_HEAT_CAPACITY = "Cell specific heat capacity";
    /** Cell volume [m3] (BPX "Volume"). */
    public static final String CELL_VOLUME = "Cell volume";
    /** Cell external (cooled) surface area [m2] (BPX "External surface area"). */
    public static final String CELL_EXTERNAL_SURFACE_AREA = "Cell cooling surface area";
    /** Heat-transfer coefficient to the ambient [W.m-2.K-1] (BPX "Heat transfer coefficient"). */
    public static final String HEAT_TRANSFER_COEFFICIENT = "Total heat transfer coefficient";
    /** Electrode suffix: entropic change dU/dT(stoichiometry) [V.K-1] (BPX "Entropic change coefficient"). */
    public static final String OCP_ENTROPIC_CHANGE = "electrode OCP entropic change";

    private ParameterNames() {
    }

    /** "Negative" + " " + suffix, or the lower-case form for the "... in negative electrode" names. */
    public static String electrode(String side, String suffix) {
        if (suffix.contains("%s")) {
            return String.format(suffix, side.toLowerCase(java.util.Locale.ROOT));
        }
        return side + " " + suffix;
    }
}
