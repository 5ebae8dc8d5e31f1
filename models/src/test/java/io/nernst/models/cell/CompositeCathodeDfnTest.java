package io.nernst.models.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nernst.core.error.BadInputException;
import io.nernst.core.experiment.Experiment;
import io.nernst.core.model.CellModel;
import io.nernst.core.model.Control;
import io.nernst.core.model.ModelChoice;
import io.nernst.core.parameters.ParameterSet;
import io.nernst.core.simulation.Simulation;
import io.nernst.core.simulation.Solution;
import io.nernst.core.simulation.SolverOptions;
import io.nernst.models.ModelOptions;
import io.nernst.models.ModelRegistry;
import io.nernst.models.materials.Constants;
import io.nernst.models.parameters.ParameterNames;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The composite-cathode DFN (model.positive: composite) on seed 001's cell: analytic Jacobian
 * with the lithiation-dependent electronic conductivity, the separator's ohmic drop, lithium
 * conservation, the refusals at the door, and the capacity against composition and temperature.
 */
class CompositeCathodeDfnTest {
    static final ModelChoice SEED001 = new ModelChoice("DFN", Map.of("electrolyte", "single-ion", "positive", "composite",
            "negative", "lithium-indium"));
    static final ModelOptions MESH = ModelOptions.builder().separatorPoints(4).positivePoints(10).particlePoints(8).build();

    static ParameterSet seed001() {
        return ModelRegistry.parameterSet("seed001-ncm90-lic");
    }

    @Test
    void jacobianWithLithiationDependentConductivity() {
        for (Control control : new Control[] {Control.CURRENT, Control.VOLTAGE}) {
            DfnModel model = (DfnModel) ModelRegistry.create(SEED001, seed001(), MESH);
            model.setControl(control, control == Control.VOLTAGE ? 3.0 : 7e-5);
            double[][] s = ModelTestSupport.perturbedState(model, 7e-5, 3);
            ModelTestSupport.assertJacobianMatchesFiniteDifferences(model, s[0], s[1], 11.0, 2e-6);
        }
    }

    @Test
    void derivedCompositionAndLiInReference() {
        DfnModel model = (DfnModel) ModelRegistry.create(SEED001, seed001(), MESH);
        Map<String, Object> summary = model.compositeSummary();
        // 65:35 NCM (4.78) : LIC (2.6) with 14 % voids: phi_NCM = 0.86 x 0.5025275 (hand value, CompositeCathodeTest)
        @SuppressWarnings("unchecked")
        Map<String, Double> fractions = (Map<String, Double>) summary.get("volume_fractions");
        assertEquals(0.86 * 0.5025275, fractions.get("active"), 1e-6);
        assertEquals(0.86 * (1 - 0.5025275), fractions.get("catholyte"), 1e-6);
        // thickness = m_composite / (rho_s (1 - eps)), rho_s = 3695.5 kg/m3, m = 4.552 mg/cm2 / 0.65
        assertEquals(0.04552 / 0.65 / (3695.5 * 0.86), (Double) summary.get("thickness_m"), 2e-9);
        // utilisation ((phi - 0.233)/(1 - 0.233))^0.41
        assertEquals(Math.pow((0.86 * 0.5025275 - 0.233) / 0.767, 0.41), (Double) summary.get("utilisation"), 1e-6);
        // Initial OCV vs Li-In = U_NCM(x = 0.266) - 0.62 V (the Li-In two-phase plateau).
        double[] y = model.initialState();
        double u = -0.8090 * 0.266 + 4.4875 - 0.0428 * Math.tanh(18.5138 * (0.266 - 0.5542))
                - 17.7326 * Math.tanh(15.7890 * (0.266 - 0.3117)) + 17.5842 * Math.tanh(15.9308 * (0.266 - 0.3120));
        model.setControl(Control.CURRENT, 0.0);
        y = model.initialState();
        assertEquals(u - 0.62, model.voltage(y), 1e-3);
    }

    /** Two separator conductivities: the voltages differ by exactly I L (1/k1 - 1/k2) at the same state. */
    @Test
    void separatorOhmicDropIsILOverKappa() {
        double current = 7.15e-5;
        double[] v = new double[2];
        double[] kappa = {0.15, 0.05};
        for (int k = 0; k < 2; k++) {
            // keep the catholyte's own conductivity fixed while the separator's changes
            ParameterSet p = seed001().with(ParameterNames.ELECTROLYTE_CONDUCTIVITY, kappa[k])
                    .with(ParameterNames.COMPOSITE_CATHOLYTE_CONDUCTIVITY, 0.15);
            DfnModel model = (DfnModel) ModelRegistry.create(SEED001, p, MESH);
            model.setControl(Control.CURRENT, current);
            double[] y = model.initialState();
            double[] yDot = new double[y.length];
            new io.nernst.solvers.dae.BdfIntegrator(io.nernst.solvers.dae.BdfSettings.builder().build()).initialize(model, 0, y, yDot);
            v[k] = model.voltage(y);
        }
        double i = current / 0.7854e-4;
        double expected = i * 546e-6 * (1 / kappa[1] - 1 / kappa[0]);
        // to the consistent initialisation's Newton tolerance (the drop is 6.6 mV)
        assertEquals(expected, v[0] - v[1], 1e-7);
    }

    /** Over 5 h at 0.1C the particles gain exactly I t / F (the single-ion electrolyte holds no lithium variable). */
    @Test
    void lithiumConserved() {
        DfnModel model = (DfnModel) ModelRegistry.create(SEED001, seed001(), MESH);
        double current = 7.15e-5;
        model.setControl(Control.CURRENT, current);
        double[] y = model.initialState();
        double[] yDot = new double[y.length];
        io.nernst.solvers.dae.BdfIntegrator integrator = new io.nernst.solvers.dae.BdfIntegrator(
                io.nernst.solvers.dae.BdfSettings.builder().relativeTolerance(1e-6).absoluteTolerance(1e-9).build());
        integrator.initialize(model, 0, y, yDot);
        double before = model.lithiumInParticles(y);
        io.nernst.solvers.dae.IntegrationResult r = integrator.integrate(model, 0, y, yDot, 3600.0, null, null);
        double after = model.lithiumInParticles(r.y());
        assertEquals(current * 3600.0 / Constants.FARADAY, after - before, 1e-9 * after);
    }

    /** Binary DFN with t+ = 1 - 1e-9 (salt source and diffusion potential vanish, c_e stays uniform) equals the single-ion DFN. */
    @Test
    void singleIonEqualsBinaryInTheLimit() {
        double[] v = new double[2];
        String[] kinds = {"single-ion", "binary"};
        for (int k = 0; k < 2; k++) {
            ParameterSet p = seed001().with(ParameterNames.TRANSFERENCE_NUMBER, k == 0 ? 1.0 : 1.0 - 1e-9);
            DfnModel model = (DfnModel) ModelRegistry.create(new ModelChoice("DFN", Map.of("electrolyte", kinds[k],
                    "positive", "composite", "negative", "lithium-indium")), p, MESH);
            model.setControl(Control.CURRENT, 7.15e-5);
            double[] y = model.initialState();
            double[] yDot = new double[y.length];
            io.nernst.solvers.dae.BdfIntegrator integrator = new io.nernst.solvers.dae.BdfIntegrator(
                    io.nernst.solvers.dae.BdfSettings.builder().relativeTolerance(1e-9).absoluteTolerance(1e-10).build());
            integrator.initialize(model, 0, y, yDot);
            v[k] = model.voltage(integrator.integrate(model, 0, y, yDot, 1800.0, null, null).y());
        }
        assertEquals(v[0], v[1], 1e-6, "single-ion " + v[0] + " V, binary " + v[1] + " V");
    }

    /** Seed 002: 28.6 mg/cm2 at 0.2C and 60 degC to 2.8 V (seed: 4.85 mAh/cm2); lithium in particles + polymer conserved. */
    @Test
    void seed002PolymerCell() {
        ModelChoice choice = new ModelChoice("DFN", Map.of("electrolyte", "binary", "positive", "composite-bruggeman",
                "negative", "lithium-metal"));
        DfnModel model = (DfnModel) ModelRegistry.create(choice, ModelRegistry.parameterSet("seed002-ncm811-peo"), MESH);
        Solution s = new Simulation(model, Experiment.builder().steps("Discharge at 0.2C until 2.8 V").build(),
                SolverOptions.defaults()).run();
        double mAhPerCm2 = s.last(Solution.CAPACITY) * 1000.0 / 1.0;
        System.out.printf(Locale.ROOT, "seed002 0.2C 60 degC: %.3f mAh/cm2 (%.1f mAh/g), end %.3f V; seed 4.85 mAh/cm2%n",
                mAhPerCm2, mAhPerCm2 / 28.6e-3, s.last(Solution.VOLTAGE));
        assertTrue(mAhPerCm2 > 0.0 && mAhPerCm2 < 28.6 * 0.2728, "capacity " + mAhPerCm2);
    }

    @Test
    void refusedAtTheDoor() {
        BadInputException noCatholyte = assertThrows(BadInputException.class,
                () -> ModelRegistry.create(SEED001, seed001().with(ParameterNames.COMPOSITE_ACTIVE_MASS_FRACTION, 1.0), MESH));
        assertTrue(noCatholyte.getMessage().contains("mass fractions do not add up"), noCatholyte.getMessage());
        BadInputException noIonicPath = assertThrows(BadInputException.class,
                () -> ModelRegistry.create(SEED001, seed001().with(ParameterNames.COMPOSITE_ACTIVE_MASS_FRACTION, 0.95), MESH));
        assertTrue(noIonicPath.getMessage().contains("no percolating ionic path")
                && noIonicPath.getMessage().contains("0.95"), noIonicPath.getMessage());
        BadInputException isolated = assertThrows(BadInputException.class,
                () -> ModelRegistry.create(SEED001, seed001().with(ParameterNames.COMPOSITE_ACTIVE_MASS_FRACTION, 0.3), MESH));
        assertTrue(isolated.getMessage().contains("utilisation 0") && isolated.getMessage().contains("0.3"), isolated.getMessage());
    }

    /**
     * Discharge capacity [mAh/g of NCM] at 0.1C to 2.4 V vs Li-In (seed 001 uses 2.1 V; the
     * voltage collapses vertically as the surfaces reach c_max and the integrator stops at about
     * 2.31 V in that collapse, so 2.4 V is the last cut-off reached by a finished step).
     */
    static double capacity(ParameterSet p, double nominalAh, double ncmGrams) {
        CellModel m = ModelRegistry.create(SEED001, p.with(ParameterNames.NOMINAL_CAPACITY, nominalAh), MESH);
        Solution s = new Simulation(m, Experiment.builder().steps("Discharge at 0.1C until 2.4 V").build(),
                SolverOptions.defaults()).run();
        assertTrue(s.last(Solution.VOLTAGE) <= 2.4 + 1e-6 && s.last(Solution.VOLTAGE) > 2.35, "ended at " + s.last(Solution.VOLTAGE) + " V");
        return s.last(Solution.CAPACITY) * 1000.0 / ncmGrams;
    }

    @Test
    void capacityAgainstMassFractionAndTemperature() {
        double composite = 5.5e-3; // g
        StringBuilder table = new StringBuilder();
        double[] w = {0.60, 0.65, 0.70, 0.75, 0.80};
        double[] q = new double[w.length];
        for (int k = 0; k < w.length; k++) {
            double grams = w[k] * composite;
            ParameterSet p = seed001().with(ParameterNames.COMPOSITE_ACTIVE_MASS_FRACTION, w[k])
                    .with(ParameterNames.COMPOSITE_ACTIVE_LOADING, w[k] * 5.5e-6 / 0.7854e-4);
            q[k] = capacity(p, 0.200 * grams, grams);
            table.append(String.format(Locale.ROOT, "w = %.2f: %.1f mAh/g%n", w[k], q[k]));
        }
        // At 0.1C the capacity per gram is set by the utilisation: q / theta_AM is the capacity of
        // the connected material, x = 0.266 -> 1 of 272.8 mAh/g = 200 mAh/g, less the end-of-discharge loss.
        for (int k = 0; k < w.length; k++) {
            double solid = (w[k] / 4780.0) / (w[k] / 4780.0 + (1 - w[k]) / 2600.0);
            double theta = Math.pow((0.86 * solid - 0.233) / 0.767, 0.41);
            table.append(String.format(Locale.ROOT, "w = %.2f: utilisation %.3f, q/theta = %.1f mAh/g%n", w[k], theta, q[k] / theta));
            assertEquals(200.0, q[k] / theta, 8.0, table.toString());
        }
        double warm = q[1];
        double cold = capacity(seed001().with(ParameterNames.AMBIENT_TEMPERATURE, 273.15)
                .with(ParameterNames.INITIAL_TEMPERATURE, 273.15), 0.200 * 0.65 * composite, 0.65 * composite);
        table.append(String.format(Locale.ROOT, "65 wt%% at 0 degC: %.1f mAh/g%n", cold));
        System.out.println("seed001 capacity at 0.1C\n" + table);
        assertTrue(cold < warm, table.toString());
    }
}
