package io.nernst.models.cell;

import java.util.List;

/**
 * Output names of the cell models (PyBaMM style, units in brackets).
 *
 * <p>The overpotential breakdown satisfies, to round-off,
 * V = OCV + eta_r + eta_c + dphi_e + dphi_s with
 * <ul>
 *   <li>OCV = "Battery open-circuit voltage [V]": x-average of U_p(c_R) minus that of U_n(c_R)
 *       (surface concentrations, PyBaMM's "X-averaged battery open-circuit voltage");</li>
 *   <li>eta_r: x-averaged reaction overpotential, mean_p(eta) - mean_n(eta);</li>
 *   <li>eta_c: 2 (1 - t+) TDF (R T / F) (mean_p ln c_e - mean_n ln c_e);</li>
 *   <li>dphi_e: mean_p phi_e - mean_n phi_e - eta_c;</li>
 *   <li>dphi_s: mean_n(phi_s - phi_s(0)) - mean_p(phi_s - phi_s(L)).</li>
 * </ul>
 * "Bulk open-circuit voltage [V]" is U_p - U_n at the electrode-averaged stoichiometries.
 */
public final class CellOutputs {
    public static final String VOLTAGE = "Voltage [V]";
    public static final String OPEN_CIRCUIT_VOLTAGE = "Battery open-circuit voltage [V]";
    public static final String BULK_OPEN_CIRCUIT_VOLTAGE = "Bulk open-circuit voltage [V]";
    public static final String REACTION_OVERPOTENTIAL = "X-averaged reaction overpotential [V]";
    public static final String CONCENTRATION_OVERPOTENTIAL = "X-averaged concentration overpotential [V]";
    public static final String ELECTROLYTE_OHMIC_LOSSES = "X-averaged electrolyte ohmic losses [V]";
    public static final String SOLID_OHMIC_LOSSES = "X-averaged solid phase ohmic losses [V]";
    public static final String NEGATIVE_STOICHIOMETRY = "Negative electrode stoichiometry";
    public static final String POSITIVE_STOICHIOMETRY = "Positive electrode stoichiometry";
    public static final String TOTAL_LITHIUM = "Total lithium [mol]";
    public static final String LITHIUM_IN_PARTICLES = "Total lithium in particles [mol]";
    public static final String LITHIUM_IN_ELECTROLYTE = "Total lithium in electrolyte [mol]";

    public static final String ELECTROLYTE_CONCENTRATION = "Electrolyte concentration [mol.m-3]";
    public static final String ELECTROLYTE_POTENTIAL = "Electrolyte potential [V]";
    public static final String NEGATIVE_POTENTIAL = "Negative electrode potential [V]";
    public static final String POSITIVE_POTENTIAL = "Positive electrode potential [V]";
    public static final String NEGATIVE_SURFACE_CONCENTRATION = "Negative particle surface concentration [mol.m-3]";
    public static final String POSITIVE_SURFACE_CONCENTRATION = "Positive particle surface concentration [mol.m-3]";
    public static final String NEGATIVE_INTERFACIAL_CURRENT = "Negative electrode interfacial current density [A.m-2]";
    public static final String POSITIVE_INTERFACIAL_CURRENT = "Positive electrode interfacial current density [A.m-2]";
    public static final String NEGATIVE_PARTICLE_CONCENTRATION = "Negative particle concentration [mol.m-3]";
    public static final String POSITIVE_PARTICLE_CONCENTRATION = "Positive particle concentration [mol.m-3]";

    public static final String CELL_TEMPERATURE = "Cell temperature [K]";
    public static final String TOTAL_HEAT_GENERATION = "Total heat generation [W]";
    public static final String REVERSIBLE_HEAT_GENERATION = "Reversible heat generation [W]";
    public static final String IRREVERSIBLE_HEAT_GENERATION = "Irreversible heat generation [W]";
    /** The outputs a lumped thermal model adds, in the order it writes them. */
    public static final List<String> THERMAL = List.of(CELL_TEMPERATURE, TOTAL_HEAT_GENERATION, REVERSIBLE_HEAT_GENERATION,
            IRREVERSIBLE_HEAT_GENERATION);

    /** The scalar outputs of a liquid cell with two porous electrodes, in the order {@link #writeScalars} writes them. */
    public static final List<String> SCALARS = List.of(VOLTAGE, OPEN_CIRCUIT_VOLTAGE, BULK_OPEN_CIRCUIT_VOLTAGE,
            REACTION_OVERPOTENTIAL, CONCENTRATION_OVERPOTENTIAL, ELECTROLYTE_OHMIC_LOSSES, SOLID_OHMIC_LOSSES,
            NEGATIVE_STOICHIOMETRY, POSITIVE_STOICHIOMETRY, TOTAL_LITHIUM, LITHIUM_IN_PARTICLES, LITHIUM_IN_ELECTROLYTE);

    private CellOutputs() {
    }

    /**
     * The scalar outputs one model assembly really has: the {@link #SCALARS} minus those it
     * lacks (a planar anode has no negative stoichiometry, a single-ion electrolyte no
     * concentration overpotential), then the model's extra outputs (e.g. {@link #THERMAL}).
     * Writing allocates nothing: the model fills {@link #standard()} with {@link #writeScalars},
     * then {@link #write} copies the kept ones and the model writes its extras from
     * {@link #extraOffset()}.
     */
    public static final class Selection {
        private final List<String> names;
        private final int[] kept;
        private final double[] standard = new double[SCALARS.size()];

        /**
         * @param absent standard outputs this model does not have
         * @param extra  outputs it adds after the standard ones
         */
        public Selection(java.util.Collection<String> absent, List<String> extra) {
            java.util.List<String> n = new java.util.ArrayList<>();
            int[] k = new int[SCALARS.size()];
            int count = 0;
            for (int i = 0; i < SCALARS.size(); i++) {
                if (!absent.contains(SCALARS.get(i))) {
                    n.add(SCALARS.get(i));
                    k[count++] = i;
                }
            }
            for (String a : absent) {
                if (!SCALARS.contains(a)) {
                    throw new IllegalArgumentException("'" + a + "' is not a standard cell output");
                }
            }
            n.addAll(extra);
            this.names = List.copyOf(n);
            this.kept = java.util.Arrays.copyOf(k, count);
        }

        /** All standard outputs, no extras. */
        public static Selection all() {
            return new Selection(List.of(), List.of());
        }

        public List<String> names() {
            return names;
        }

        /** Workspace for {@link #writeScalars}, in {@link #SCALARS} order. */
        public double[] standard() {
            return standard;
        }

        /** Copies the kept standard outputs from {@link #standard()} into out. */
        public void write(double[] out) {
            for (int i = 0; i < kept.length; i++) {
                out[i] = standard[kept[i]];
            }
        }

        /** Index of the first extra output in out. */
        public int extraOffset() {
            return kept.length;
        }
    }

    /**
     * Writes the {@link #SCALARS} in their order (allocation-free: called at every output step);
     * total lithium is particles + electrolyte.
     */
    static void writeScalars(double[] out, double voltage, double openCircuitVoltage, double bulkOpenCircuitVoltage,
            double reactionOverpotential, double concentrationOverpotential, double electrolyteOhmicLosses,
            double solidOhmicLosses, double negativeStoichiometry, double positiveStoichiometry,
            double lithiumInParticles, double lithiumInElectrolyte) {
        out[0] = voltage;
        out[1] = openCircuitVoltage;
        out[2] = bulkOpenCircuitVoltage;
        out[3] = reactionOverpotential;
        out[4] = concentrationOverpotential;
        out[5] = electrolyteOhmicLosses;
        out[6] = solidOhmicLosses;
        out[7] = negativeStoichiometry;
        out[8] = positiveStoichiometry;
        out[9] = lithiumInParticles + lithiumInElectrolyte;
        out[10] = lithiumInParticles;
        out[11] = lithiumInElectrolyte;
    }
}
